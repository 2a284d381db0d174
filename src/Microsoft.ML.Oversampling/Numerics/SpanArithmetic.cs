using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>
/// The few span operations the hot paths need outside the distance kernel, written here rather than taken from
/// <c>System.Numerics.Tensors</c>: its generic kernels are instantiated in that package, so ReadyToRun cannot
/// precompile them into this library and a process's first call ran them as unoptimised tier-0 code (issue 16).
/// <see cref="Vector{T}"/> is the hardware's preferred width (256 bits on AVX2 and, by default, on AVX-512).
/// </summary>
internal static class SpanArithmetic
{
    private const uint ExponentBits = 0x7F80_0000;

    /// <summary>The index of the first NaN or infinite value of <paramref name="values"/>, or −1.</summary>
    /// <remarks>A float is not finite exactly when its exponent bits are all set, so the test is exact.</remarks>
    public static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        ReadOnlySpan<uint> bits = MemoryMarshal.Cast<float, uint>(values);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var mask = new Vector<uint>(ExponentBits);
            ref uint start = ref MemoryMarshal.GetReference(bits);
            for (; i <= bits.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                if (Vector.EqualsAny(Vector.LoadUnsafe(ref start, (nuint)i) & mask, mask))
                {
                    break;
                }
            }
        }

        for (; i < bits.Length; i++)
        {
            if ((bits[i] & ExponentBits) == ExponentBits)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes <c>values − centre</c> into <paramref name="destination"/> and returns its squared norm in
    /// single precision (summed in vector lanes, then across them; any order is within d·2⁻²⁴ of the exact value).</summary>
    public static float SubtractSquaredNorm(ReadOnlySpan<float> values, ReadOnlySpan<float> centre, Span<float> destination)
    {
        int n = values.Length;
        if (centre.Length != n || destination.Length < n)
        {
            throw new ArgumentException("The spans' lengths do not match.");
        }

        ref float x = ref MemoryMarshal.GetReference(values);
        ref float c = ref MemoryMarshal.GetReference(centre);
        ref float y = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            Vector<float> lanes = Vector<float>.Zero;
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> difference = Vector.LoadUnsafe(ref x, (nuint)i) - Vector.LoadUnsafe(ref c, (nuint)i);
                difference.StoreUnsafe(ref y, (nuint)i);
                lanes = Vector.FusedMultiplyAdd(difference, difference, lanes);
            }

            sum = Vector.Sum(lanes);
        }

        for (; i < n; i++)
        {
            float difference = Unsafe.Add(ref x, i) - Unsafe.Add(ref c, i);
            Unsafe.Add(ref y, i) = difference;
            sum = MathF.FusedMultiplyAdd(difference, difference, sum);
        }

        return sum;
    }

    /// <summary>The largest of non-negative <paramref name="values"/>, or 0 for none (a loop: LINQ's generic
    /// <c>Max</c> would be jitted on a process's first call).</summary>
    public static double LargestNonNegative(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double value in values)
        {
            largest = Math.Max(largest, value);
        }

        return largest;
    }
}
