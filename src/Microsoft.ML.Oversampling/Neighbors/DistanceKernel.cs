using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The inner loop of the exact search: for a group of <see cref="GroupSize"/> queries and one reference panel,
/// computes <c>‖r‖² − 2 q·r</c> (the squared distance minus the query's own norm, which does not change the
/// ranking) for every reference row with a register-blocked SIMD product (4 queries × 4 vectors of rows, 16
/// accumulators where there are 32 vector registers, two passes of 2 × 4 where there are 16), and offers only the rows
/// that beat a query's current worst candidate to its candidate list. The distance tile is never written to memory.
/// </summary>
internal static class DistanceKernel
{
    /// <summary>Queries processed together by the kernel.</summary>
    public const int GroupSize = 4;

    /// <summary>Vectors of reference rows processed together by the kernel.</summary>
    private const int VectorsPerChunk = 4;

    /// <summary>
    /// Scans one panel for every query group of a block (the loop over groups is here so that a search makes one call
    /// per panel, not one per group and panel).
    /// </summary>
    /// <param name="queries">The block's centred queries, group after group, each feature-major:
    /// <c>[(group * features + feature) * GroupSize + query]</c>.</param>
    /// <param name="groups">Number of query groups.</param>
    /// <param name="panel">The panel's centred rows in tiles (see <see cref="PackedReference"/>).</param>
    /// <param name="norms">The panel's squared row norms.</param>
    /// <param name="features">Number of features.</param>
    /// <param name="panelStart">Index of the panel's first reference row.</param>
    /// <param name="candidates">Candidate lists; group g's lists start at <paramref name="firstList"/> + g · GroupSize
    /// (a group always has <see cref="GroupSize"/> lists; padding queries of the last group fill lists nobody reads).</param>
    /// <param name="firstList">List of the block's first query.</param>
    /// <param name="selfIndices">Per query slot, the reference index to skip (its own row), or −1.</param>
    /// <param name="rowLists">For a self-search that visits each pair of rows once, the lists of the panel's rows (by
    /// row index), which are offered the queries as candidates; <c>null</c> otherwise.</param>
    /// <param name="queryNorms">With <paramref name="rowLists"/>: the squared query norms by slot (+∞ for padding).</param>
    public static void ScanGroups<TVec, TOps>(
        ReadOnlySpan<float> queries,
        int groups,
        ReadOnlySpan<float> panel,
        ReadOnlySpan<float> norms,
        int features,
        int panelStart,
        CandidateLists candidates,
        int firstList,
        ReadOnlySpan<int> selfIndices,
        CandidateLists? rowLists,
        ReadOnlySpan<float> queryNorms)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        Span<float> spill = stackalloc float[VectorsPerChunk * 16];
        Span<float> dots = stackalloc float[GroupSize * VectorsPerChunk * 16];
        for (int group = 0; group < groups; group++)
        {
            int list = firstList + (group * GroupSize);
            ScanGroup<TVec, TOps>(
                queries.Slice(group * features * GroupSize, features * GroupSize),
                panel,
                norms,
                features,
                panelStart,
                candidates,
                list,
                selfIndices.Slice(group * GroupSize, GroupSize),
                rowLists,
                rowLists is null ? default : queryNorms.Slice(group * GroupSize, GroupSize),
                list,
                spill,
                dots);
        }
    }

    /// <summary>
    /// Scans every panel for every query group of one one-way search block. One call per block keeps a first
    /// search's calls far below the runtime's tier-up count, so the precompiled kernel is not rejitted (with
    /// instrumentation first) while it runs.
    /// </summary>
    /// <param name="queries">The block's centred queries, group after group, each feature-major.</param>
    /// <param name="groups">Number of query groups.</param>
    /// <param name="panels">All panels of the packed reference rows.</param>
    /// <param name="norms">All squared reference row norms.</param>
    /// <param name="features">Number of features.</param>
    /// <param name="candidates">Candidate lists, one per query slot.</param>
    /// <param name="selfIndices">Per query slot, the reference index to skip, or −1.</param>
    public static void ScanPanels<TVec, TOps>(
        ReadOnlySpan<float> queries, int groups, ReadOnlySpan<float> panels, ReadOnlySpan<float> norms, int features, CandidateLists candidates, ReadOnlySpan<int> selfIndices)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        const int width = PackedReference.PanelWidth;
        Span<float> spill = stackalloc float[VectorsPerChunk * 16];
        Span<float> dots = stackalloc float[GroupSize * VectorsPerChunk * 16];
        for (int panel = 0; panel < norms.Length / width; panel++)
        {
            for (int group = 0; group < groups; group++)
            {
                ScanGroup<TVec, TOps>(
                    queries.Slice(group * features * GroupSize, features * GroupSize),
                    panels.Slice(panel * width * features, width * features),
                    norms.Slice(panel * width, width),
                    features,
                    panel * width,
                    candidates,
                    group * GroupSize,
                    selfIndices.Slice(group * GroupSize, GroupSize),
                    null,
                    default,
                    0,
                    spill,
                    dots);
            }
        }
    }

    /// <summary>
    /// Scans one panel for one query group (the body of <see cref="ScanGroups{TVec, TOps}"/> and
    /// <see cref="ScanPanels{TVec, TOps}"/>, its scratch space passed in so it can be inlined). The group's lists
    /// start at <paramref name="firstList"/>; with <paramref name="rowLists"/>, <paramref name="queryNorms"/> are the
    /// group's squared query norms and <paramref name="firstQuery"/> the row index of its first query.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScanGroup<TVec, TOps>(
        ReadOnlySpan<float> queries,
        ReadOnlySpan<float> panel,
        ReadOnlySpan<float> norms,
        int features,
        int panelStart,
        CandidateLists candidates,
        int firstList,
        ReadOnlySpan<int> selfIndices,
        CandidateLists? rowLists,
        ReadOnlySpan<float> queryNorms,
        int firstQuery,
        Span<float> spill,
        Span<float> dots)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        int chunk = VectorsPerChunk * lanes;
        const int width = PackedReference.PanelWidth;
        ref float q = ref Unsafe.AsRef(in queries[0]);
        ref float p = ref Unsafe.AsRef(in panel[0]);
        ref float n = ref Unsafe.AsRef(in norms[0]);
        TVec minusTwo = TOps.Broadcast(-2f);
        float[] thresholds = candidates.Thresholds; // read once: a call in the loop would spill the vector registers
        float[]? rowThresholds = rowLists?.Thresholds;
        for (int c = 0; c < width; c += chunk)
        {
            ref float column = ref Unsafe.Add(ref p, PackedReference.TileOffset(c, features));
            ref float dot = ref dots[0];
            if (TOps.Count >= 16)
            {
                AccumulateFour<TVec, TOps>(ref column, ref q, features, ref dot);
            }
            else
            {
                // 16 accumulators and their 5 operands need more than the 16 registers of AVX2: two passes of two
                // queries each. Every dot product is the same chain of fused multiply-adds either way.
                AccumulateTwo<TVec, TOps>(ref column, ref q, features, ref dot);
                AccumulateTwo<TVec, TOps>(ref column, ref Unsafe.Add(ref q, 2), features, ref Unsafe.Add(ref dot, 2 * VectorsPerChunk * lanes));
            }

            int rowBase = panelStart + c;
            ref float norm = ref Unsafe.Add(ref n, c);
            for (int i = 0; i < GroupSize; i++)
            {
                Offer<TVec, TOps>(ref Unsafe.Add(ref dot, VectorsPerChunk * i * lanes), ref norm, minusTwo, rowBase, firstList + i, selfIndices[i], candidates, thresholds, spill);
            }

            if (rowLists is not null)
            {
                OfferTransposed<TVec, TOps>(ref dot, queryNorms, minusTwo, rowBase, firstQuery, rowLists, rowThresholds!, spill);
            }
        }
    }

    /// <summary>
    /// The dot products of the group's four queries with one chunk (<see cref="VectorsPerChunk"/> vectors of rows),
    /// stored query after query: 16 accumulators, for instruction sets with 32 vector registers.
    /// </summary>
    /// <remarks>The accumulators are parked in memory before any call: otherwise the JIT keeps them live across the
    /// rare Insert call and spills them inside the hot loop.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulateFour<TVec, TOps>(ref float column, ref float query, int features, ref float dot)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        const int tile = PackedReference.TileWidth;
        TVec a00 = TOps.Zero, a01 = TOps.Zero, a02 = TOps.Zero, a03 = TOps.Zero;
        TVec a10 = TOps.Zero, a11 = TOps.Zero, a12 = TOps.Zero, a13 = TOps.Zero;
        TVec a20 = TOps.Zero, a21 = TOps.Zero, a22 = TOps.Zero, a23 = TOps.Zero;
        TVec a30 = TOps.Zero, a31 = TOps.Zero, a32 = TOps.Zero, a33 = TOps.Zero;
        for (int j = 0; j < features; j++)
        {
            TVec r0 = TOps.Load(ref column);
            TVec r1 = TOps.Load(ref Unsafe.Add(ref column, lanes));
            TVec r2 = TOps.Load(ref Unsafe.Add(ref column, 2 * lanes));
            TVec r3 = TOps.Load(ref Unsafe.Add(ref column, 3 * lanes));
            TVec b = TOps.Broadcast(query);
            a00 = TOps.MultiplyAdd(b, r0, a00);
            a01 = TOps.MultiplyAdd(b, r1, a01);
            a02 = TOps.MultiplyAdd(b, r2, a02);
            a03 = TOps.MultiplyAdd(b, r3, a03);
            b = TOps.Broadcast(Unsafe.Add(ref query, 1));
            a10 = TOps.MultiplyAdd(b, r0, a10);
            a11 = TOps.MultiplyAdd(b, r1, a11);
            a12 = TOps.MultiplyAdd(b, r2, a12);
            a13 = TOps.MultiplyAdd(b, r3, a13);
            b = TOps.Broadcast(Unsafe.Add(ref query, 2));
            a20 = TOps.MultiplyAdd(b, r0, a20);
            a21 = TOps.MultiplyAdd(b, r1, a21);
            a22 = TOps.MultiplyAdd(b, r2, a22);
            a23 = TOps.MultiplyAdd(b, r3, a23);
            b = TOps.Broadcast(Unsafe.Add(ref query, 3));
            a30 = TOps.MultiplyAdd(b, r0, a30);
            a31 = TOps.MultiplyAdd(b, r1, a31);
            a32 = TOps.MultiplyAdd(b, r2, a32);
            a33 = TOps.MultiplyAdd(b, r3, a33);
            column = ref Unsafe.Add(ref column, tile);
            query = ref Unsafe.Add(ref query, GroupSize);
        }

        StoreFour<TVec, TOps>(a00, a01, a02, a03, ref dot);
        StoreFour<TVec, TOps>(a10, a11, a12, a13, ref Unsafe.Add(ref dot, 4 * lanes));
        StoreFour<TVec, TOps>(a20, a21, a22, a23, ref Unsafe.Add(ref dot, 8 * lanes));
        StoreFour<TVec, TOps>(a30, a31, a32, a33, ref Unsafe.Add(ref dot, 12 * lanes));
    }

    /// <summary>
    /// The dot products of two queries (at <paramref name="query"/> and the next, in a group's feature-major layout)
    /// with one chunk, stored query after query: 8 accumulators, for instruction sets with 16 vector registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulateTwo<TVec, TOps>(ref float column, ref float query, int features, ref float dot)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        const int tile = PackedReference.TileWidth;
        TVec a00 = TOps.Zero, a01 = TOps.Zero, a02 = TOps.Zero, a03 = TOps.Zero;
        TVec a10 = TOps.Zero, a11 = TOps.Zero, a12 = TOps.Zero, a13 = TOps.Zero;
        for (int j = 0; j < features; j++)
        {
            TVec r0 = TOps.Load(ref column);
            TVec r1 = TOps.Load(ref Unsafe.Add(ref column, lanes));
            TVec r2 = TOps.Load(ref Unsafe.Add(ref column, 2 * lanes));
            TVec r3 = TOps.Load(ref Unsafe.Add(ref column, 3 * lanes));
            TVec b = TOps.Broadcast(query);
            a00 = TOps.MultiplyAdd(b, r0, a00);
            a01 = TOps.MultiplyAdd(b, r1, a01);
            a02 = TOps.MultiplyAdd(b, r2, a02);
            a03 = TOps.MultiplyAdd(b, r3, a03);
            b = TOps.Broadcast(Unsafe.Add(ref query, 1));
            a10 = TOps.MultiplyAdd(b, r0, a10);
            a11 = TOps.MultiplyAdd(b, r1, a11);
            a12 = TOps.MultiplyAdd(b, r2, a12);
            a13 = TOps.MultiplyAdd(b, r3, a13);
            column = ref Unsafe.Add(ref column, tile);
            query = ref Unsafe.Add(ref query, GroupSize);
        }

        StoreFour<TVec, TOps>(a00, a01, a02, a03, ref dot);
        StoreFour<TVec, TOps>(a10, a11, a12, a13, ref Unsafe.Add(ref dot, 4 * lanes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreFour<TVec, TOps>(TVec v0, TVec v1, TVec v2, TVec v3, ref float destination)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        TOps.Store(v0, ref destination);
        TOps.Store(v1, ref Unsafe.Add(ref destination, lanes));
        TOps.Store(v2, ref Unsafe.Add(ref destination, 2 * lanes));
        TOps.Store(v3, ref Unsafe.Add(ref destination, 3 * lanes));
    }

    /// <summary>
    /// The other direction of a tile of a symmetric self-search: each of the chunk's rows, as a query, is offered the
    /// group's queries as candidates with keys <c>‖q‖² − 2 q·r</c>. The dot products are the same numbers the row
    /// would get as a query (a fused multiply-add does not depend on the order of its factors), so the keys, and the
    /// rounding-error bound that certifies them, are exactly those of a one-way search. Overwrites the dot products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OfferTransposed<TVec, TOps>(
        ref float dots, ReadOnlySpan<float> queryNorms, TVec minusTwo, int rowBase, int firstQuery, CandidateLists rowLists, float[] rowThresholds, Span<float> keys)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        ref float thresholds = ref rowThresholds[rowBase];
        TVec t0 = TOps.Load(ref thresholds);
        TVec t1 = TOps.Load(ref Unsafe.Add(ref thresholds, lanes));
        TVec t2 = TOps.Load(ref Unsafe.Add(ref thresholds, 2 * lanes));
        TVec t3 = TOps.Load(ref Unsafe.Add(ref thresholds, 3 * lanes));
        ulong m0 = 0, m1 = 0, m2 = 0, m3 = 0, any = 0;
        for (int i = 0; i < GroupSize; i++)
        {
            ref float d = ref Unsafe.Add(ref dots, VectorsPerChunk * i * lanes);
            TVec norm = TOps.Broadcast(queryNorms[i]);
            TVec k0 = TOps.MultiplyAdd(TOps.Load(ref d), minusTwo, norm);
            TVec k1 = TOps.MultiplyAdd(TOps.Load(ref Unsafe.Add(ref d, lanes)), minusTwo, norm);
            TVec k2 = TOps.MultiplyAdd(TOps.Load(ref Unsafe.Add(ref d, 2 * lanes)), minusTwo, norm);
            TVec k3 = TOps.MultiplyAdd(TOps.Load(ref Unsafe.Add(ref d, 3 * lanes)), minusTwo, norm);
            ulong mask = TOps.LessThanMask(k0, t0)
                | (TOps.LessThanMask(k1, t1) << lanes)
                | (TOps.LessThanMask(k2, t2) << (2 * lanes))
                | (TOps.LessThanMask(k3, t3) << (3 * lanes));
            TOps.Store(k0, ref d);
            TOps.Store(k1, ref Unsafe.Add(ref d, lanes));
            TOps.Store(k2, ref Unsafe.Add(ref d, 2 * lanes));
            TOps.Store(k3, ref Unsafe.Add(ref d, 3 * lanes));
            any |= mask;
            switch (i)
            {
                case 0: m0 = mask; break;
                case 1: m1 = mask; break;
                case 2: m2 = mask; break;
                default: m3 = mask; break;
            }
        }

        int stride = VectorsPerChunk * lanes;
        while (any != 0)
        {
            int lane = BitOperations.TrailingZeroCount(any);
            any &= any - 1;
            keys[0] = Unsafe.Add(ref dots, lane);
            keys[1] = Unsafe.Add(ref dots, stride + lane);
            keys[2] = Unsafe.Add(ref dots, (2 * stride) + lane);
            keys[3] = Unsafe.Add(ref dots, (3 * stride) + lane);
            ulong queries = ((m0 >> lane) & 1) | (((m1 >> lane) & 1) << 1) | (((m2 >> lane) & 1) << 2) | (((m3 >> lane) & 1) << 3);
            rowLists.Offer(rowBase + lane, keys, queries, firstQuery);
        }
    }

    /// <summary>
    /// Offers one query's keys <c>‖r‖² + factor · dot</c> for a chunk of rows to its candidate list (rarely more than
    /// a compare). The factor is −2 for single-precision dot products, −2su for integer ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Offer<TVec, TOps>(
        ref float dots, ref float norms, TVec factor, int rowBase, int list, int self, CandidateLists candidates, float[] thresholds, Span<float> spill)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        TVec threshold = TOps.Broadcast(thresholds[list]);
        TVec key0 = TOps.MultiplyAdd(TOps.Load(ref dots), factor, TOps.Load(ref norms));
        TVec key1 = TOps.MultiplyAdd(TOps.Load(ref Unsafe.Add(ref dots, lanes)), factor, TOps.Load(ref Unsafe.Add(ref norms, lanes)));
        TVec key2 = TOps.MultiplyAdd(TOps.Load(ref Unsafe.Add(ref dots, 2 * lanes)), factor, TOps.Load(ref Unsafe.Add(ref norms, 2 * lanes)));
        TVec key3 = TOps.MultiplyAdd(TOps.Load(ref Unsafe.Add(ref dots, 3 * lanes)), factor, TOps.Load(ref Unsafe.Add(ref norms, 3 * lanes)));
        ulong mask = TOps.LessThanMask(key0, threshold)
            | (TOps.LessThanMask(key1, threshold) << lanes)
            | (TOps.LessThanMask(key2, threshold) << (2 * lanes))
            | (TOps.LessThanMask(key3, threshold) << (3 * lanes));
        if (mask == 0)
        {
            return;
        }

        TOps.Store(key0, ref spill[0]);
        TOps.Store(key1, ref spill[lanes]);
        TOps.Store(key2, ref spill[2 * lanes]);
        TOps.Store(key3, ref spill[3 * lanes]);
        uint selfLane = (uint)(self - rowBase);
        if (selfLane < 64)
        {
            mask &= ~(1UL << (int)selfLane);
        }

        candidates.Offer(list, spill, mask, rowBase);
    }

    /// <summary>
    /// Appends to <paramref name="rows"/> every row of one panel whose key <c>‖r‖² − 2 q·r</c> for a single query
    /// is below <paramref name="bound"/> (the exact path for queries whose candidates could not be certified).
    /// </summary>
    /// <param name="query">The centred query (length <paramref name="features"/>).</param>
    /// <param name="panel">The panel's centred rows in tiles.</param>
    /// <param name="norms">The panel's squared row norms.</param>
    /// <param name="features">Number of features.</param>
    /// <param name="panelStart">Index of the panel's first reference row.</param>
    /// <param name="bound">Keys strictly below it are collected.</param>
    /// <param name="self">Reference index to skip, or −1.</param>
    /// <param name="rows">Receives the collected reference indices, ascending.</param>
    public static void CollectBelow<TVec, TOps>(
        ReadOnlySpan<float> query, ReadOnlySpan<float> panel, ReadOnlySpan<float> norms, int features, int panelStart, float bound, int self, List<int> rows)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        const int tile = PackedReference.TileWidth;
        ref float p = ref Unsafe.AsRef(in panel[0]);
        ref float n = ref Unsafe.AsRef(in norms[0]);
        TVec minusTwo = TOps.Broadcast(-2f);
        TVec threshold = TOps.Broadcast(bound);
        for (int c = 0; c < PackedReference.PanelWidth; c += lanes)
        {
            TVec dot = TOps.Zero;
            ref float column = ref Unsafe.Add(ref p, PackedReference.TileOffset(c, features));
            for (int j = 0; j < features; j++)
            {
                dot = TOps.MultiplyAdd(TOps.Broadcast(query[j]), TOps.Load(ref column), dot);
                column = ref Unsafe.Add(ref column, tile);
            }

            ulong mask = TOps.LessThanMask(TOps.MultiplyAdd(dot, minusTwo, TOps.Load(ref Unsafe.Add(ref n, c))), threshold);
            while (mask != 0)
            {
                int row = panelStart + c + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                if (row != self)
                {
                    rows.Add(row);
                }
            }
        }
    }
}
