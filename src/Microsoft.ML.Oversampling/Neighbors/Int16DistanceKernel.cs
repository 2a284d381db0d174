using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The integer form of <see cref="DistanceKernel.ScanPanels{TVec, TOps}"/> (AVX-512 BW): for a group of
/// <see cref="DistanceKernel.GroupSize"/> queries and one panel of <see cref="QuantizedReference"/> rows, exact
/// 32-bit dot products of 16-bit values (one <c>vpmaddwd</c> multiplies and adds a feature pair of 16 rows), four
/// queries × four vectors of rows in 16 accumulators; each tile's products are converted to float and offered as
/// keys <c>‖r‖² − 2su·(Q·R)</c> by the same code as the single-precision kernel.
/// </summary>
internal static class Int16DistanceKernel
{
    private const int Lanes = 16;

    /// <summary>
    /// Scans every panel for every query group of one block. One call per block keeps a first search's calls far
    /// below the runtime's tier-up count, so the precompiled kernel is not rejitted (with instrumentation first)
    /// while it runs.
    /// </summary>
    /// <param name="queries">The block's integer queries, group after group, each pair-major:
    /// <c>[(group * pairs + pair) * GroupSize + query]</c>, each int holding a pair of 16-bit values.</param>
    /// <param name="groups">Number of query groups.</param>
    /// <param name="panels">The integer reference rows, panel after panel (see <see cref="QuantizedReference"/>).</param>
    /// <param name="norms">The squared reference row norms (single precision, as for the float kernel).</param>
    /// <param name="pairs">Feature pairs per row.</param>
    /// <param name="candidates">Candidate lists, one per query slot.</param>
    /// <param name="selfIndices">Per query slot, the reference index to skip, or −1.</param>
    /// <param name="factors">Per query slot, the factor −2su turning its integer products into key terms.</param>
    public static void ScanPanels(
        ReadOnlySpan<int> queries,
        int groups,
        ReadOnlySpan<short> panels,
        ReadOnlySpan<float> norms,
        int pairs,
        CandidateLists candidates,
        ReadOnlySpan<int> selfIndices,
        ReadOnlySpan<float> factors)
    {
        const int g = DistanceKernel.GroupSize;
        const int width = PackedReference.PanelWidth;
        const int tile = PackedReference.TileWidth;
        Span<float> spill = stackalloc float[tile];
        Span<float> dots = stackalloc float[g * tile];
        int panelCount = norms.Length / width;
        float[] thresholds = candidates.Thresholds; // read once: a call in the loop would spill the vector registers
        for (int panel = 0; panel < panelCount; panel++)
        {
            ref short panelStart = ref Unsafe.AsRef(in panels[panel * width * 2 * pairs]);
            for (int group = 0; group < groups; group++)
            {
                ref int groupQueries = ref Unsafe.AsRef(in queries[group * pairs * g]);
                for (int c = 0; c < width; c += tile)
                {
                    Accumulate(ref Unsafe.Add(ref panelStart, QuantizedReference.TileOffset(c, pairs)), ref groupQueries, pairs, ref dots[0]);
                    int rowBase = (panel * width) + c;
                    ref float norm = ref Unsafe.AsRef(in norms[rowBase]);
                    for (int i = 0; i < g; i++)
                    {
                        int slot = (group * g) + i;
                        DistanceKernel.Offer<Vector512<float>, Simd512>(
                            ref dots[i * tile], ref norm, Vector512.Create(factors[slot]), rowBase, slot, selfIndices[slot], candidates, thresholds, spill);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The integer dot products of the group's four queries with one tile (four vectors of 16 rows), converted to
    /// float (exact below 2²⁴, within 2⁻²⁴ relative above) and stored query after query.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref short column, ref int query, int pairs, ref float dot)
    {
        const int step = 2 * Lanes;
        Vector512<int> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector512<int> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector512<int> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector512<int> a30 = default, a31 = default, a32 = default, a33 = default;
        for (int j = 0; j < pairs; j++)
        {
            Vector512<short> r0 = Vector512.LoadUnsafe(ref column);
            Vector512<short> r1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, step));
            Vector512<short> r2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 2 * step));
            Vector512<short> r3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 3 * step));
            Vector512<short> b = Vector512.Create(query).AsInt16();
            a00 += Avx512BW.MultiplyAddAdjacent(r0, b);
            a01 += Avx512BW.MultiplyAddAdjacent(r1, b);
            a02 += Avx512BW.MultiplyAddAdjacent(r2, b);
            a03 += Avx512BW.MultiplyAddAdjacent(r3, b);
            b = Vector512.Create(Unsafe.Add(ref query, 1)).AsInt16();
            a10 += Avx512BW.MultiplyAddAdjacent(r0, b);
            a11 += Avx512BW.MultiplyAddAdjacent(r1, b);
            a12 += Avx512BW.MultiplyAddAdjacent(r2, b);
            a13 += Avx512BW.MultiplyAddAdjacent(r3, b);
            b = Vector512.Create(Unsafe.Add(ref query, 2)).AsInt16();
            a20 += Avx512BW.MultiplyAddAdjacent(r0, b);
            a21 += Avx512BW.MultiplyAddAdjacent(r1, b);
            a22 += Avx512BW.MultiplyAddAdjacent(r2, b);
            a23 += Avx512BW.MultiplyAddAdjacent(r3, b);
            b = Vector512.Create(Unsafe.Add(ref query, 3)).AsInt16();
            a30 += Avx512BW.MultiplyAddAdjacent(r0, b);
            a31 += Avx512BW.MultiplyAddAdjacent(r1, b);
            a32 += Avx512BW.MultiplyAddAdjacent(r2, b);
            a33 += Avx512BW.MultiplyAddAdjacent(r3, b);
            column = ref Unsafe.Add(ref column, 4 * step);
            query = ref Unsafe.Add(ref query, DistanceKernel.GroupSize);
        }

        StoreFour(a00, a01, a02, a03, ref dot);
        StoreFour(a10, a11, a12, a13, ref Unsafe.Add(ref dot, 4 * Lanes));
        StoreFour(a20, a21, a22, a23, ref Unsafe.Add(ref dot, 8 * Lanes));
        StoreFour(a30, a31, a32, a33, ref Unsafe.Add(ref dot, 12 * Lanes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreFour(Vector512<int> v0, Vector512<int> v1, Vector512<int> v2, Vector512<int> v3, ref float destination)
    {
        Vector512.ConvertToSingle(v0).StoreUnsafe(ref destination);
        Vector512.ConvertToSingle(v1).StoreUnsafe(ref Unsafe.Add(ref destination, Lanes));
        Vector512.ConvertToSingle(v2).StoreUnsafe(ref Unsafe.Add(ref destination, 2 * Lanes));
        Vector512.ConvertToSingle(v3).StoreUnsafe(ref Unsafe.Add(ref destination, 3 * Lanes));
    }
}
