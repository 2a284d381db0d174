using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The few vector operations the distance kernel needs, abstracted over the vector width so one kernel
/// (<see cref="DistanceKernel"/>) is specialised by the JIT for 512-bit and 256-bit hardware.
/// </summary>
internal interface ISimdOps<TVec>
    where TVec : struct
{
    static abstract int Count { get; }

    static abstract TVec Zero { get; }

    static abstract TVec Load(ref float source);

    static abstract TVec Broadcast(float value);

    /// <summary>a * b + c.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary>Bit i set when left[i] &lt; right[i].</summary>
    static abstract ulong LessThanMask(TVec left, TVec right);

    static abstract void Store(TVec value, ref float destination);
}

/// <summary>AVX-512 (16 floats).</summary>
internal readonly struct Simd512 : ISimdOps<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LessThanMask(Vector512<float> left, Vector512<float> right) =>
        Vector512.LessThan(left, right).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination) => value.StoreUnsafe(ref destination);
}

/// <summary>AVX2 / NEON-class hardware (8 floats).</summary>
internal readonly struct Simd256 : ISimdOps<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LessThanMask(Vector256<float> left, Vector256<float> right) =>
        Vector256.LessThan(left, right).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination) => value.StoreUnsafe(ref destination);
}
