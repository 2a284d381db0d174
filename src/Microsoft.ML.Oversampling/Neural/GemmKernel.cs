namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Which register-tiled inner kernel the matrix multiply uses.</summary>
internal enum GemmKernel
{
    /// <summary>The widest one the hardware accelerates.</summary>
    Auto,

    /// <summary>8×32 tile on <see cref="System.Runtime.Intrinsics.Vector512{T}"/> with FMA.</summary>
    Vector512,

    /// <summary>6×16 tile on <see cref="System.Runtime.Intrinsics.Vector256{T}"/> with FMA.</summary>
    Vector256,

    /// <summary>8×8 tile on <see cref="System.Runtime.Intrinsics.Vector128{T}"/> with FMA (Arm64 NEON, or x64 without AVX2).</summary>
    Vector128,

    /// <summary>4×4 tile of scalars (portable fallback).</summary>
    Scalar,
}
