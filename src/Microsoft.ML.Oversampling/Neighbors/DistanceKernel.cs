using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The inner loop of the exact search: for a group of <see cref="GroupSize"/> queries and one reference panel,
/// computes <c>‖r‖² − 2 q·r</c> (the squared distance minus the query's own norm, which does not change the
/// ranking) for every reference row with a register-blocked SIMD product (6 queries × 2 vectors of rows, 12
/// accumulators), and offers only the rows that beat a query's current k-th candidate to its candidate list.
/// The distance tile is never written to memory.
/// </summary>
internal static class DistanceKernel
{
    /// <summary>Queries processed together by the kernel.</summary>
    public const int GroupSize = 6;

    /// <summary>
    /// Scans one panel for one query group.
    /// </summary>
    /// <param name="queries">The group's centred queries, feature-major: <c>[feature * GroupSize + query]</c>.</param>
    /// <param name="panel">The panel's centred rows, feature-major: <c>[feature * PanelWidth + row]</c>.</param>
    /// <param name="norms">The panel's squared row norms.</param>
    /// <param name="features">Number of features.</param>
    /// <param name="panelStart">Index of the panel's first reference row.</param>
    /// <param name="candidates">Candidate lists; the group's lists start at <paramref name="firstList"/>.</param>
    /// <param name="firstList">List of the group's first query (a group always has <see cref="GroupSize"/> lists;
    /// padding queries of the last group fill lists nobody reads).</param>
    /// <param name="selfIndices">Per query of the group, the reference index to skip (its own row), or −1.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scan<TVec, TOps>(
        ReadOnlySpan<float> queries,
        ReadOnlySpan<float> panel,
        ReadOnlySpan<float> norms,
        int features,
        int panelStart,
        CandidateLists candidates,
        int firstList,
        ReadOnlySpan<int> selfIndices)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        int chunk = 2 * lanes;
        const int width = PackedReference.PanelWidth;
        ref float q = ref Unsafe.AsRef(in queries[0]);
        ref float p = ref Unsafe.AsRef(in panel[0]);
        ref float n = ref Unsafe.AsRef(in norms[0]);
        TVec minusTwo = TOps.Broadcast(-2f);
        Span<float> spill = stackalloc float[64];

        for (int c = 0; c < width; c += chunk)
        {
            TVec a00 = TOps.Zero, a01 = TOps.Zero, a10 = TOps.Zero, a11 = TOps.Zero;
            TVec a20 = TOps.Zero, a21 = TOps.Zero, a30 = TOps.Zero, a31 = TOps.Zero;
            TVec a40 = TOps.Zero, a41 = TOps.Zero, a50 = TOps.Zero, a51 = TOps.Zero;
            ref float column = ref Unsafe.Add(ref p, c);
            ref float query = ref q;
            for (int j = 0; j < features; j++)
            {
                TVec r0 = TOps.Load(ref column);
                TVec r1 = TOps.Load(ref Unsafe.Add(ref column, lanes));
                TVec b = TOps.Broadcast(query);
                a00 = TOps.MultiplyAdd(b, r0, a00);
                a01 = TOps.MultiplyAdd(b, r1, a01);
                b = TOps.Broadcast(Unsafe.Add(ref query, 1));
                a10 = TOps.MultiplyAdd(b, r0, a10);
                a11 = TOps.MultiplyAdd(b, r1, a11);
                b = TOps.Broadcast(Unsafe.Add(ref query, 2));
                a20 = TOps.MultiplyAdd(b, r0, a20);
                a21 = TOps.MultiplyAdd(b, r1, a21);
                b = TOps.Broadcast(Unsafe.Add(ref query, 3));
                a30 = TOps.MultiplyAdd(b, r0, a30);
                a31 = TOps.MultiplyAdd(b, r1, a31);
                b = TOps.Broadcast(Unsafe.Add(ref query, 4));
                a40 = TOps.MultiplyAdd(b, r0, a40);
                a41 = TOps.MultiplyAdd(b, r1, a41);
                b = TOps.Broadcast(Unsafe.Add(ref query, 5));
                a50 = TOps.MultiplyAdd(b, r0, a50);
                a51 = TOps.MultiplyAdd(b, r1, a51);
                column = ref Unsafe.Add(ref column, width);
                query = ref Unsafe.Add(ref query, GroupSize);
            }

            TVec n0 = TOps.Load(ref Unsafe.Add(ref n, c));
            TVec n1 = TOps.Load(ref Unsafe.Add(ref n, c + lanes));
            int rowBase = panelStart + c;
            Offer<TVec, TOps>(a00, a01, n0, n1, minusTwo, rowBase, firstList, selfIndices[0], candidates, spill);
            Offer<TVec, TOps>(a10, a11, n0, n1, minusTwo, rowBase, firstList + 1, selfIndices[1], candidates, spill);
            Offer<TVec, TOps>(a20, a21, n0, n1, minusTwo, rowBase, firstList + 2, selfIndices[2], candidates, spill);
            Offer<TVec, TOps>(a30, a31, n0, n1, minusTwo, rowBase, firstList + 3, selfIndices[3], candidates, spill);
            Offer<TVec, TOps>(a40, a41, n0, n1, minusTwo, rowBase, firstList + 4, selfIndices[4], candidates, spill);
            Offer<TVec, TOps>(a50, a51, n0, n1, minusTwo, rowBase, firstList + 5, selfIndices[5], candidates, spill);
        }
    }

    /// <summary>Offers one query's keys for a chunk of rows to its candidate list (rarely more than a compare).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offer<TVec, TOps>(
        TVec dot0, TVec dot1, TVec norm0, TVec norm1, TVec minusTwo, int rowBase, int list, int self, CandidateLists candidates, Span<float> spill)
        where TVec : struct
        where TOps : ISimdOps<TVec>
    {
        int lanes = TOps.Count;
        TVec threshold = TOps.Broadcast(candidates.Thresholds[list]);
        TVec key0 = TOps.MultiplyAdd(dot0, minusTwo, norm0);
        TVec key1 = TOps.MultiplyAdd(dot1, minusTwo, norm1);
        ulong mask = TOps.LessThanMask(key0, threshold) | (TOps.LessThanMask(key1, threshold) << lanes);
        if (mask == 0)
        {
            return;
        }

        TOps.Store(key0, ref spill[0]);
        TOps.Store(key1, ref spill[lanes]);
        while (mask != 0)
        {
            int lane = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            int row = rowBase + lane;
            if (row != self)
            {
                candidates.Insert(list, spill[lane], row);
            }
        }
    }
}
