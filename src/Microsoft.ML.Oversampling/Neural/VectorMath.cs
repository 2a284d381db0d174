using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// The span arithmetic of the training step (the subset of <c>TensorPrimitives</c> it needs), compiled fully
/// optimised on first call.
/// </summary>
/// <remarks>
/// The framework's precompiled <c>TensorPrimitives</c> code runs several times slower than its re-jitted form until
/// tiered compilation replaces it, which on short training runs is most of the run; these loops avoid that wait.
/// Reductions use a fixed order, so results depend only on the hardware vector width, never on threads.
/// Destinations may coincide exactly with an input (in-place), as with <c>TensorPrimitives</c>.
/// </remarks>
internal static class VectorMath
{
    /// <summary><c>d = x + y</c>.</summary>
    public static void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => Binary<AddOp>(x, y, d);

    /// <summary><c>d = x − y</c>.</summary>
    public static void Subtract(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => Binary<SubtractOp>(x, y, d);

    /// <summary><c>d = x · y</c>.</summary>
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => Binary<MultiplyOp>(x, y, d);

    /// <summary><c>d = x / y</c>.</summary>
    public static void Divide(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d) => Binary<DivideOp>(x, y, d);

    /// <summary><c>d = x + s</c>.</summary>
    public static void Add(ReadOnlySpan<float> x, float s, Span<float> d) => WithScalar<AddOp>(x, s, d);

    /// <summary><c>d = x − s</c>.</summary>
    public static void Subtract(ReadOnlySpan<float> x, float s, Span<float> d) => WithScalar<SubtractOp>(x, s, d);

    /// <summary><c>d = x · s</c>.</summary>
    public static void Multiply(ReadOnlySpan<float> x, float s, Span<float> d) => WithScalar<MultiplyOp>(x, s, d);

    /// <summary><c>d = x / s</c>.</summary>
    public static void Divide(ReadOnlySpan<float> x, float s, Span<float> d) => WithScalar<DivideOp>(x, s, d);

    /// <summary><c>d = s − x</c>.</summary>
    public static void Subtract(float s, ReadOnlySpan<float> x, Span<float> d) => ScalarWith<SubtractOp>(s, x, d);

    /// <summary><c>d = s / x</c>.</summary>
    public static void Divide(float s, ReadOnlySpan<float> x, Span<float> d) => ScalarWith<DivideOp>(s, x, d);

    /// <summary><c>d = max(x, s)</c> element-wise.</summary>
    public static void Max(ReadOnlySpan<float> x, float s, Span<float> d) => WithScalar<MaxOp>(x, s, d);

    /// <summary><c>d = x · y + z</c> (multiply then add, not fused, so results match the scalar tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<float> d)
    {
        CheckLengths(x.Length, y.Length, d.Length);
        CheckLengths(x.Length, z.Length, d.Length);
        ref float rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y), rz = ref MemoryMarshal.GetReference(z), rd = ref MemoryMarshal.GetReference(d);
        nuint n = (nuint)x.Length, i = 0, w = (nuint)Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + w <= n; i += w)
            {
                ((Vector.LoadUnsafe(ref rx, i) * Vector.LoadUnsafe(ref ry, i)) + Vector.LoadUnsafe(ref rz, i)).StoreUnsafe(ref rd, i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rd, i) = (Unsafe.Add(ref rx, i) * Unsafe.Add(ref ry, i)) + Unsafe.Add(ref rz, i);
        }
    }

    /// <summary><c>d = x · s + z</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> x, float s, ReadOnlySpan<float> z, Span<float> d)
    {
        CheckLengths(x.Length, z.Length, d.Length);
        ref float rx = ref MemoryMarshal.GetReference(x), rz = ref MemoryMarshal.GetReference(z), rd = ref MemoryMarshal.GetReference(d);
        nuint n = (nuint)x.Length, i = 0, w = (nuint)Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = new Vector<float>(s);
            for (; i + w <= n; i += w)
            {
                ((Vector.LoadUnsafe(ref rx, i) * vs) + Vector.LoadUnsafe(ref rz, i)).StoreUnsafe(ref rd, i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rd, i) = (Unsafe.Add(ref rx, i) * s) + Unsafe.Add(ref rz, i);
        }
    }

    /// <summary>The sum of the elements.</summary>
    public static float Sum(ReadOnlySpan<float> x) => Reduce<AddOp, IdentityMap>(x, x);

    /// <summary>The sum of squares.</summary>
    public static float SumOfSquares(ReadOnlySpan<float> x) => Reduce<AddOp, SquareMap>(x, x);

    /// <summary>The sum of absolute values.</summary>
    public static float SumOfMagnitudes(ReadOnlySpan<float> x) => Reduce<AddOp, AbsMap>(x, x);

    /// <summary>The dot product.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => Reduce<AddOp, ProductMap>(x, y);

    /// <summary>The largest element (NaN if any is NaN is not guaranteed; inputs are expected finite).</summary>
    public static float Max(ReadOnlySpan<float> x)
    {
        if (x.IsEmpty)
        {
            throw new ArgumentException("The maximum of an empty span is undefined.", nameof(x));
        }

        return Reduce<MaxOp, IdentityMap>(x, x, float.NegativeInfinity);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Binary<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
        where TOp : struct, IOperation
    {
        CheckLengths(x.Length, y.Length, d.Length);
        ref float rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y), rd = ref MemoryMarshal.GetReference(d);
        nuint n = (nuint)x.Length, i = 0, w = (nuint)Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + w <= n; i += w)
            {
                TOp.Apply(Vector.LoadUnsafe(ref rx, i), Vector.LoadUnsafe(ref ry, i)).StoreUnsafe(ref rd, i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rd, i) = TOp.Apply(Unsafe.Add(ref rx, i), Unsafe.Add(ref ry, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WithScalar<TOp>(ReadOnlySpan<float> x, float s, Span<float> d)
        where TOp : struct, IOperation
    {
        CheckLengths(x.Length, x.Length, d.Length);
        ref float rx = ref MemoryMarshal.GetReference(x), rd = ref MemoryMarshal.GetReference(d);
        nuint n = (nuint)x.Length, i = 0, w = (nuint)Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = new Vector<float>(s);
            for (; i + w <= n; i += w)
            {
                TOp.Apply(Vector.LoadUnsafe(ref rx, i), vs).StoreUnsafe(ref rd, i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rd, i) = TOp.Apply(Unsafe.Add(ref rx, i), s);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarWith<TOp>(float s, ReadOnlySpan<float> x, Span<float> d)
        where TOp : struct, IOperation
    {
        CheckLengths(x.Length, x.Length, d.Length);
        ref float rx = ref MemoryMarshal.GetReference(x), rd = ref MemoryMarshal.GetReference(d);
        nuint n = (nuint)x.Length, i = 0, w = (nuint)Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = new Vector<float>(s);
            for (; i + w <= n; i += w)
            {
                TOp.Apply(vs, Vector.LoadUnsafe(ref rx, i)).StoreUnsafe(ref rd, i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rd, i) = TOp.Apply(s, Unsafe.Add(ref rx, i));
        }
    }

    /// <summary>Combines <c>TMap(x, y)</c> over all elements with <c>TOp</c>: lane-wise first, then lanes in order, then the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Reduce<TOp, TMap>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float identity = 0f)
        where TOp : struct, IOperation
        where TMap : struct, IMap
    {
        CheckLengths(x.Length, y.Length, x.Length);
        ref float rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0, w = (nuint)Vector<float>.Count;
        float result = identity;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            var acc = new Vector<float>(identity);
            for (; i + w <= n; i += w)
            {
                acc = TOp.Apply(acc, TMap.Apply(Vector.LoadUnsafe(ref rx, i), Vector.LoadUnsafe(ref ry, i)));
            }

            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                result = TOp.Apply(result, acc[lane]);
            }
        }

        for (; i < n; i++)
        {
            result = TOp.Apply(result, TMap.Apply(Unsafe.Add(ref rx, i), Unsafe.Add(ref ry, i)));
        }

        return result;
    }

    private static void CheckLengths(int x, int y, int d)
    {
        if (x != y || x > d)
        {
            throw new ArgumentException($"Span lengths {x}, {y} and {d} do not match.");
        }
    }

    private interface IOperation
    {
        static abstract Vector<float> Apply(Vector<float> x, Vector<float> y);

        static abstract float Apply(float x, float y);
    }

    private interface IMap
    {
        static abstract Vector<float> Apply(Vector<float> x, Vector<float> y);

        static abstract float Apply(float x, float y);
    }

    private readonly struct AddOp : IOperation
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x + y;

        public static float Apply(float x, float y) => x + y;
    }

    private readonly struct SubtractOp : IOperation
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x - y;

        public static float Apply(float x, float y) => x - y;
    }

    private readonly struct MultiplyOp : IOperation
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x * y;

        public static float Apply(float x, float y) => x * y;
    }

    private readonly struct DivideOp : IOperation
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x / y;

        public static float Apply(float x, float y) => x / y;
    }

    private readonly struct MaxOp : IOperation
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => Vector.Max(x, y);

        public static float Apply(float x, float y) => MathF.Max(x, y);
    }

    private readonly struct IdentityMap : IMap
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x;

        public static float Apply(float x, float y) => x;
    }

    private readonly struct SquareMap : IMap
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x * x;

        public static float Apply(float x, float y) => x * x;
    }

    private readonly struct AbsMap : IMap
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => Vector.Abs(x);

        public static float Apply(float x, float y) => MathF.Abs(x);
    }

    private readonly struct ProductMap : IMap
    {
        public static Vector<float> Apply(Vector<float> x, Vector<float> y) => x * y;

        public static float Apply(float x, float y) => x * y;
    }
}
