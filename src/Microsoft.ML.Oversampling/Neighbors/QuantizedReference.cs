using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The centred reference rows of a <see cref="PackedReference"/> rounded to 16-bit integers on one scale, for the
/// integer screening kernel (<see cref="Int16DistanceKernel"/>): a dot product of two such rows is exact in 32-bit
/// integers, and the kernel computes 32 products per instruction against 16 fused multiply-adds in single
/// precision. Each panel is stored tile by tile like the float panels, and within a tile feature pair by feature
/// pair, the two features of one row side by side in one 32-bit lane (<c>[pair][row][2]</c>; an odd last feature is
/// paired with a zero).
/// </summary>
/// <remarks>
/// <para>Screening keys from these values are within a computable bound (<see cref="QueryErrorBound"/>) of the
/// single-precision keys, so the exact search stays exact: the bound is added to the single-precision one when a
/// query's candidates are certified, and a query it cannot certify is screened again in single precision.</para>
/// <para>Overflow cannot happen: the scale puts every row's integer norm at most at <see cref="RowNormLimit"/> and a
/// query's at most at <see cref="QueryNormLimit"/>, and their product is below 2³¹ (Cauchy–Schwarz bounds the dot
/// product; integer addition is exact whatever the order).</para>
/// </remarks>
internal sealed class QuantizedReference
{
    /// <summary>Largest integer norm of a scaled reference row before rounding (rounding adds at most √d / 2).</summary>
    private const double RowNormLimit = 32_000;

    /// <summary>Largest integer norm of a scaled query before rounding.</summary>
    private const double QueryNormLimit = 65_000;

    /// <summary>Largest magnitude of one scaled query value before rounding (an int16 holds 32 767).</summary>
    private const double QueryValueLimit = 32_000;

    /// <summary>The most features the integer screening takes: the rounding slack √d / 2 must keep the product of the
    /// two norm limits below 2³¹.</summary>
    public const int MaxFeatures = 4096;

    private readonly PackedReference _packed;

    /// <summary>Quantises the packed rows (one pass over them, in parallel panels).</summary>
    public QuantizedReference(PackedReference packed, int maxDegreeOfParallelism)
    {
        if (!Avx512BW.IsSupported)
        {
            throw new NotSupportedException("The integer screening needs AVX-512 BW.");
        }

        if (packed.Columns > MaxFeatures)
        {
            throw new ArgumentOutOfRangeException(nameof(packed), packed.Columns, $"The integer screening takes at most {MaxFeatures} features.");
        }

        _packed = packed;
        Pairs = (packed.Columns + 1) / 2;
        // A float scale, so that each value's rounding error r − s·R is one fused multiply-add from exact.
        Scale = packed.MaxNorm > 0 ? (float)(packed.MaxNorm / RowNormLimit) : 1.0;
        Panels = new short[(long)packed.PanelCount * PackedReference.PanelWidth * 2 * Pairs];
        var panelMaxError = new double[packed.PanelCount];
        SmallWork.For(packed.PanelCount, SmallWork.Threads((long)packed.Rows * packed.Columns * 4, maxDegreeOfParallelism), panel =>
            panelMaxError[panel] = QuantizePanel(panel));
        MaxRowError = Math.Sqrt(SpanArithmetic.LargestNonNegative(panelMaxError));
    }

    /// <summary>Whether the integer kernel can run here: AVX-512 BW, with 512-bit vectors enabled (the runtime turns them
    /// off on processors known to slow down under them).</summary>
    public static bool IsSupported => Avx512BW.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Whether the integer kernel is the faster one on this processor. On AMD's AVX-512 cores (Zen 4, measured with a
    /// register-blocked loop of each kind) a 512-bit multiply-add of 16-bit pairs plus its 32-bit add runs 1.43 times
    /// as many products per second as 512-bit single-precision fused multiply-adds (83 against 58 billion per core),
    /// and Borderline-SMOTE's search at 100k × 30 took 0.13–0.15 s against 0.17–0.21 s (the benchmarks' `screening`
    /// command). Intel's server cores have two 512-bit FMA units, where the integer form has no such advantage (not
    /// measured here), so they keep the single-precision kernel. Either kernel gives the same neighbours.
    /// </summary>
    public static bool IsPreferred { get; } = IsSupported && IsAmd();

    /// <summary>Feature pairs per row (features rounded up to even, halved).</summary>
    public int Pairs { get; }

    /// <summary>The value of one integer unit of a reference row.</summary>
    public double Scale { get; }

    /// <summary>The integer rows: panel-major, then tile-major, then pair-major, then row, then the pair's two values.</summary>
    public short[] Panels { get; }

    /// <summary>The largest Euclidean norm of a row's rounding error, <c>‖r − Scale·R‖</c>.</summary>
    public double MaxRowError { get; }

    /// <summary>Position, within a panel, of the first value of row <paramref name="row"/> (pairs are 2 · <see cref="PackedReference.TileWidth"/> apart).</summary>
    public static int TileOffset(int row, int pairs) =>
        ((row / PackedReference.TileWidth) * PackedReference.TileWidth * 2 * pairs) + (2 * (row % PackedReference.TileWidth));

    /// <summary>
    /// Rounds one centred query to integers on its own scale and writes its pairs, each as one 32-bit value (the
    /// kernel broadcasts them), at <paramref name="destination"/>[p · <paramref name="stride"/>]. Returns the factor
    /// turning the integer dot product into <c>−2 q·r</c> and the query's <see cref="QueryErrorBound"/>.
    /// </summary>
    public (float Factor, double ErrorBound) PackQuery(ReadOnlySpan<float> centred, Span<int> destination, int stride)
    {
        double norm = 0, largest = 0;
        foreach (float value in centred)
        {
            norm += (double)value * value;
            largest = Math.Max(largest, Math.Abs(value));
        }

        double unit = Math.Max(Math.Sqrt(norm) / QueryNormLimit, largest / QueryValueLimit);
        unit = unit > 0 ? unit : 1.0;
        double rounding = 0;
        for (int p = 0; p < Pairs; p++)
        {
            short low = Round(centred, 2 * p, unit, ref rounding);
            short high = Round(centred, (2 * p) + 1, unit, ref rounding);
            destination[p * stride] = (ushort)low | (high << 16);
        }

        return ((float)(-2.0 * Scale * unit), QueryErrorBound(Math.Sqrt(norm), Math.Sqrt(rounding)));
    }

    /// <summary>
    /// Bound on <c>|k₁₆ − k₃₂|</c>, the difference between a query's integer screening key and its single-precision
    /// one for any reference row. With a = q − uQ and b = r − sR the rounding errors,
    /// <c>q·r − (uQ)·(sR) = uQ·b + a·sR + a·b</c>; then the conversion of the integer dot product to float, the
    /// rounding of the factor −2su and the fused multiply-add with the row norm, each within 2⁻²⁴ relative; all
    /// doubled to spare.
    /// </summary>
    /// <param name="queryNorm">‖q‖ of the centred query.</param>
    /// <param name="roundingNorm">‖a‖.</param>
    private double QueryErrorBound(double queryNorm, double roundingNorm)
    {
        double b = MaxRowError;
        double queryScaled = queryNorm + roundingNorm;
        double rowScaled = _packed.MaxNorm + b;
        double quantisation = 2 * ((queryScaled * b) + (roundingNorm * rowScaled) + (roundingNorm * b));
        double floating = Math.ScaleB(1.0, -24) * ((_packed.MaxNorm * _packed.MaxNorm) + (8 * queryScaled * rowScaled));
        return 2 * (quantisation + floating);
    }

    /// <summary>
    /// Rounds one panel, 16 rows at a time (the float panel holds each feature of a tile's 64 rows contiguously), and
    /// returns the largest squared norm of a row's rounding error in it. Padding rows are zero and stay zero.
    /// </summary>
    /// <remarks>The scale is a float, so <c>r − s·R</c> is one fused multiply-add away from exact; any integer near
    /// r / s would do, the bound only needs the error actually made.</remarks>
    private double QuantizePanel(int panel)
    {
        int d = _packed.Columns;
        const int width = PackedReference.PanelWidth;
        const int tile = PackedReference.TileWidth;
        const int lanes = 16;
        ReadOnlySpan<float> source = _packed.Panels.AsSpan(panel * width * d, width * d);
        Span<int> target = MemoryMarshal.Cast<short, int>(Panels.AsSpan(panel * width * 2 * Pairs, width * 2 * Pairs));
        var scale = Vector512.Create((float)Scale);
        var inverse = Vector512.Create((float)(1.0 / Scale));
        var lowHalf = Vector512.Create(0xFFFF);
        float largest = 0;
        for (int t = 0; t < width / tile; t++)
        {
            ReadOnlySpan<float> tileValues = source.Slice(t * tile * d, tile * d);
            Span<int> tileTarget = target.Slice(t * tile * Pairs, tile * Pairs);
            for (int v = 0; v < tile; v += lanes)
            {
                Vector512<float> error = Vector512<float>.Zero;
                for (int p = 0; p < Pairs; p++)
                {
                    Vector512<int> low = RoundFeature(tileValues, (2 * p * tile) + v, scale, inverse, ref error);
                    Vector512<int> high = (2 * p) + 1 < d ? RoundFeature(tileValues, (((2 * p) + 1) * tile) + v, scale, inverse, ref error) : Vector512<int>.Zero;
                    ((low & lowHalf) | (high << 16)).StoreUnsafe(ref tileTarget[(p * tile) + v]);
                }

                for (int lane = 0; lane < lanes; lane++)
                {
                    largest = Math.Max(largest, error.GetElement(lane));
                }
            }
        }

        return largest;
    }

    /// <summary>Rounds 16 values of one feature to integers of <paramref name="scale"/>, adding their squared errors to <paramref name="error"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> RoundFeature(ReadOnlySpan<float> values, int offset, Vector512<float> scale, Vector512<float> inverse, ref Vector512<float> error)
    {
        Vector512<float> value = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)offset);
        Vector512<float> rounded = Vector512.Round(value * inverse);
        Vector512<float> difference = Vector512.FusedMultiplyAdd(-scale, rounded, value);
        error = Vector512.FusedMultiplyAdd(difference, difference, error);
        return Vector512.ConvertToInt32(rounded);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Round(ReadOnlySpan<float> values, int j, double unit, ref double rounding)
    {
        if (j >= values.Length)
        {
            return 0;
        }

        double rounded = Math.Round(values[j] / unit);
        double error = values[j] - (rounded * unit);
        rounding += error * error;
        return (short)rounded;
    }

    private static bool IsAmd()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        // Vendor string "AuthenticAMD" in EBX, EDX, ECX of leaf 0; EBX holds "Auth".
        (int _, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        return ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163;
    }
}
