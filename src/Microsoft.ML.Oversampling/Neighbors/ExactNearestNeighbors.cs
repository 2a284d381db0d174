using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// Exact k-nearest-neighbour search (Euclidean) of query rows against a fixed reference set, by blocked SIMD
/// brute force: no approximation, ties ordered by reference index, deterministic for any thread count.
/// </summary>
/// <remarks>
/// <para>Screening uses the norms-plus-dot-product form <c>‖q − r‖² = ‖q‖² + ‖r‖² − 2 q·r</c> in single
/// precision on mean-centred data, keeping a few more candidates than asked; the candidates are then re-ranked
/// by squared distances computed in double precision. A rigorous bound on the single-precision rounding error
/// proves that no row outside the candidates can be nearer (or tie); for a query where the proof fails (many
/// near-equal distances, e.g. duplicated rows) every row whose key is within the error bound of the k-th distance
/// is collected and ranked exactly. So the result equals a double-precision brute-force search with ties broken
/// by index.</para>
/// <para>Memory: one packed copy of the reference set plus small per-block buffers; the full distance matrix is
/// never materialised. Work is split into fixed blocks of queries run in parallel. A self-search over several panels
/// computes each pair's dot product once and uses it in both directions (about half the arithmetic).</para>
/// </remarks>
public sealed class ExactNearestNeighbors
{
    /// <summary>Bounds of the query-block size. Larger blocks stream the reference set from memory fewer times;
    /// smaller ones balance threads better. A query's result never depends on its block.</summary>
    private const int MinQueriesPerBlock = 16 * DistanceKernel.GroupSize;
    private const int MaxQueriesPerBlock = 128 * DistanceKernel.GroupSize;

    /// <summary>Blocks per thread to aim for, so a slow thread does not hold the others up.</summary>
    private const int BlocksPerThread = 4;

    /// <summary>Extra candidates kept beyond k so the exact re-ranking can usually certify the result (each extra one
    /// costs insertions on every query; uncertain queries are re-screened).</summary>
    private const int ExtraCandidates = 2;

    private readonly DenseMatrix _reference;
    private readonly PackedReference _packed;
    private readonly int _parallelism;
    private readonly bool _useVector512;

    /// <summary>Prepares the search over <paramref name="reference"/> (which must not change afterwards).</summary>
    /// <param name="reference">The rows to search; every value must be finite.</param>
    /// <param name="options">Search options; <c>null</c> for the defaults.</param>
    public ExactNearestNeighbors(DenseMatrix reference, NearestNeighborOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Rows == 0 || reference.Columns == 0)
        {
            throw new ArgumentException("The reference set needs at least one row and one feature.", nameof(reference));
        }

        if (reference.TryFindNonFinite(out int row, out int column))
        {
            throw new ArgumentException($"Reference value at row {row}, feature {column} is not finite.", nameof(reference));
        }

        options ??= new NearestNeighborOptions();
        if (options.MaxDegreeOfParallelism is int p && p < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), p, "MaxDegreeOfParallelism must be at least 1.");
        }

        _parallelism = options.MaxDegreeOfParallelism ?? Numerics.Parallelism.EffectiveDegree;
        _useVector512 = Vector512.IsHardwareAccelerated && !options.DisableVector512;
        _reference = reference;
        _packed = new PackedReference(reference, _parallelism);
    }

    /// <summary>Number of reference rows.</summary>
    public int ReferenceCount => _reference.Rows;

    /// <summary>Finds the <paramref name="k"/> nearest reference rows of each row of <paramref name="queries"/>.</summary>
    public NeighborGraph Search(DenseMatrix queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Columns != _reference.Columns)
        {
            throw new ArgumentException(
                $"Queries have {queries.Columns} features but the reference set has {_reference.Columns}.", nameof(queries));
        }

        if (queries.TryFindNonFinite(out int row, out int column))
        {
            throw new ArgumentException($"Query value at row {row}, feature {column} is not finite.", nameof(queries));
        }

        return Run(queries, null, excludeSelf: false, queries.Rows, k);
    }

    /// <summary>
    /// Finds the <paramref name="k"/> nearest other reference rows of every reference row (each row's own index
    /// is excluded; an identical duplicate row is still a neighbour at distance 0).
    /// </summary>
    public NeighborGraph SearchSelf(int k) =>
        _packed.PanelCount >= 2 && k <= _reference.Rows - 1 ? RunSymmetric(k) : Run(_reference, null, excludeSelf: true, _reference.Rows, k);

    /// <summary>
    /// Finds the <paramref name="k"/> nearest other reference rows of the given reference rows (each query row's
    /// own index is excluded). Result row i belongs to <paramref name="referenceRows"/>[i].
    /// </summary>
    public NeighborGraph SearchRows(ReadOnlySpan<int> referenceRows, int k)
    {
        foreach (int r in referenceRows)
        {
            if ((uint)r >= (uint)_reference.Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(referenceRows), $"Row {r} is outside 0..{_reference.Rows - 1}.");
            }
        }

        return Run(_reference, referenceRows.ToArray(), excludeSelf: true, referenceRows.Length, k);
    }

    private NeighborGraph Run(DenseMatrix source, int[]? rowMap, bool excludeSelf, int queryCount, int k)
    {
        int available = _reference.Rows - (excludeSelf ? 1 : 0);
        if (k < 1 || k > available)
        {
            throw new ArgumentOutOfRangeException(
                nameof(k), k, $"k must be between 1 and {available}: the reference set has {_reference.Rows} rows{(excludeSelf ? " and each query's own row is excluded" : string.Empty)}.");
        }

        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        int capacity = Math.Min(k + ExtraCandidates, available);
        int perBlock = (queryCount + (_parallelism * BlocksPerThread) - 1) / (_parallelism * BlocksPerThread);
        perBlock = Math.Clamp(RoundUp(perBlock, DistanceKernel.GroupSize), MinQueriesPerBlock, MaxQueriesPerBlock);
        int blocks = (queryCount + perBlock - 1) / perBlock;
        int threads = SmallWork.Threads(2L * queryCount * _reference.Rows * _reference.Columns, _parallelism);
        var workspaces = new ConcurrentBag<BlockWorkspace>();
        SmallWork.For(blocks, threads, block =>
        {
            // One workspace per concurrently running block, reused across blocks.
            BlockWorkspace workspace = workspaces.TryTake(out BlockWorkspace? free) ? free : new BlockWorkspace(perBlock, _reference.Columns, new CandidateLists(perBlock, capacity, _useVector512));
            int first = block * perBlock;
            SearchBlock(workspace, source, rowMap, excludeSelf, first, Math.Min(perBlock, queryCount - first), k, available, indices, distances);
            workspaces.Add(workspace);
        });

        return new NeighborGraph(queryCount, k, indices, distances);
    }

    /// <summary>
    /// The self-search visiting each pair of rows once, for about half the arithmetic: the queries of panel b are
    /// scanned against panels b, b + 1, …, and each tile beyond the diagonal also offers the queries to the lists of
    /// the panel's rows (the dot products serve both directions). Every worker keeps lists for all rows; they are
    /// merged before the exact re-ranking. Which worker saw which tile can change which of several equal screening
    /// keys a list keeps, never the result: the re-ranking is exact and its certificate holds for any such list.
    /// </summary>
    private NeighborGraph RunSymmetric(int k)
    {
        int n = _reference.Rows;
        int available = n - 1;
        int capacity = Math.Min(k + ExtraCandidates, available);
        const int width = PackedReference.PanelWidth;
        int panels = _packed.PanelCount;
        int lists = panels * width;
        int threads = SmallWork.Threads((long)n * n * _reference.Columns, _parallelism);

        var workers = new ConcurrentBag<BlockWorkspace>();
        // Query block b scans panels b … panels − 1, so the blocks' work falls linearly; each work item takes one
        // block from each end (b and panels − 1 − b) to keep the items equal.
        SmallWork.For((panels + 1) / 2, threads, item =>
        {
            BlockWorkspace worker = workers.TryTake(out BlockWorkspace? free) ? free : NewSymmetricWorker(lists, capacity);
            CandidateLists rowLists = worker.Candidates!;
            foreach (int block in item == panels - 1 - item ? [item] : new[] { item, panels - 1 - item })
            {
                int first = block * width;
                int[] queries = Enumerable.Range(first, Math.Min(width, n - first)).ToArray();
                int groups = PackQueries(worker, _reference, null, excludeSelf: true, queries);
                for (int panel = block; panel < panels; panel++)
                {
                    ScanPanel(worker, groups, panel, rowLists, first, panel == block ? null : rowLists);
                }
            }

            workers.Add(worker);
        });

        var merged = new CandidateLists(lists, capacity, allowVector512: false);
        merged.Reset(lists);
        foreach (BlockWorkspace worker in workers)
        {
            for (int row = 0; row < n; row++)
            {
                merged.Merge(row, worker.Candidates!);
            }
        }

        var indices = new int[n * k];
        var distances = new double[n * k];
        var rerankWorkspaces = new ConcurrentBag<BlockWorkspace>();
        SmallWork.For(panels, threads, block =>
        {
            BlockWorkspace workspace = rerankWorkspaces.TryTake(out BlockWorkspace? free) ? free : new BlockWorkspace(DistanceKernel.GroupSize, _reference.Columns, null);
            for (int row = block * width; row < Math.Min(n, (block + 1) * width); row++)
            {
                ReadOnlySpan<float> values = _reference.Row(row);
                Span<int> outIndices = indices.AsSpan(row * k, k);
                Span<double> outDistances = distances.AsSpan(row * k, k);
                if (!RerankCandidates(workspace, merged, row, _packed.Norms[row], values, available, outIndices, outDistances))
                {
                    SearchWithinBound(workspace, values, row, outIndices, outDistances);
                }
            }

            rerankWorkspaces.Add(workspace);
        });

        return new NeighborGraph(n, k, indices, distances);
    }

    /// <summary>A worker of the symmetric self-search: one panel of query slots and a candidate list for every row.</summary>
    private BlockWorkspace NewSymmetricWorker(int lists, int capacity)
    {
        var candidates = new CandidateLists(lists, capacity, _useVector512);
        candidates.Reset(lists);
        return new BlockWorkspace(PackedReference.PanelWidth, _reference.Columns, candidates);
    }

    /// <summary>
    /// Searches one block of queries: screens every reference row keeping a few spare candidates and re-ranks them
    /// exactly. A query whose result the error bound cannot certify (several rows at nearly the k-th distance, e.g.
    /// duplicated rows or small integer features) is finished by <see cref="SearchWithinBound"/>.
    /// </summary>
    private void SearchBlock(
        BlockWorkspace workspace, DenseMatrix source, int[]? rowMap, bool excludeSelf, int first, int count, int k, int available, int[] indices, double[] distances)
    {
        int[] queries = Enumerable.Range(first, count).ToArray();
        CandidateLists candidates = workspace.Candidates!;
        Screen(workspace, candidates, source, rowMap, excludeSelf, queries);
        for (int slot = 0; slot < queries.Length; slot++)
        {
            int query = queries[slot];
            int sourceRow = rowMap is null ? query : rowMap[query];
            ReadOnlySpan<float> values = source.Row(sourceRow);
            Span<int> outIndices = indices.AsSpan(query * k, k);
            Span<double> outDistances = distances.AsSpan(query * k, k);
            if (!RerankCandidates(workspace, candidates, slot, workspace.QueryNorms[slot], values, available, outIndices, outDistances))
            {
                SearchWithinBound(workspace, values, excludeSelf ? sourceRow : -1, outIndices, outDistances);
            }
        }
    }

    /// <summary>
    /// The exact path for one uncertain query. The k-th distance among its candidates, D, bounds the true k-th
    /// distance from above, so every true neighbour has a screening key below <c>D − ‖q‖² + error bound</c>: collect
    /// all rows under that bound (a single-query SIMD scan) and rank them by exact distance, then index.
    /// </summary>
    private void SearchWithinBound(BlockWorkspace workspace, ReadOnlySpan<float> values, int self, Span<int> outIndices, Span<double> outDistances)
    {
        int d = _reference.Columns;
        Span<float> centred = workspace.Centred;
        double queryNorm = _packed.Centre(values, centred);
        double limit = outDistances[^1] - queryNorm + ErrorBound(queryNorm);
        float bound = (float)limit;
        bound = bound <= limit ? MathF.BitIncrement(bound) : bound;

        List<int> rows = workspace.Collected;
        rows.Clear();
        const int width = PackedReference.PanelWidth;
        for (int panel = 0; panel < _packed.PanelCount; panel++)
        {
            ReadOnlySpan<float> panelValues = _packed.Panels.AsSpan(panel * width * d, width * d);
            ReadOnlySpan<float> norms = _packed.Norms.AsSpan(panel * width, width);
            if (_useVector512)
            {
                DistanceKernel.CollectBelow<Vector512<float>, Simd512>(centred, panelValues, norms, d, panel * width, bound, self, rows);
            }
            else
            {
                DistanceKernel.CollectBelow<Vector256<float>, Simd256>(centred, panelValues, norms, d, panel * width, bound, self, rows);
            }
        }

        Span<double> exact = workspace.Exact(rows.Count);
        Span<int> order = workspace.Order(rows.Count);
        CollectionsMarshal.AsSpan(rows).CopyTo(order);
        SquaredDistances(values, _reference, order, exact);

        SortByDistanceThenIndex(exact, order);
        order[..outIndices.Length].CopyTo(outIndices);
        exact[..outDistances.Length].CopyTo(outDistances);
    }

    /// <summary>
    /// Bound on the screening key's rounding error for a query of centred squared norm <paramref name="queryNorm"/>:
    /// products and sums of d terms, the norms and the centring, each within (d + 8)·2⁻²⁴ of (‖q‖ + max‖r‖)²,
    /// with a factor 4 to spare.
    /// </summary>
    private double ErrorBound(double queryNorm)
    {
        double scale = Math.Sqrt(queryNorm) + _packed.MaxNorm;
        return 4.0 * (_reference.Columns + 8) * Math.ScaleB(1.0, -24) * scale * scale;
    }

    /// <summary>Screens all reference rows for the given queries, filling one candidate list per query (by slot).</summary>
    private void Screen(BlockWorkspace workspace, CandidateLists candidates, DenseMatrix source, int[]? rowMap, bool excludeSelf, int[] queries)
    {
        int groups = PackQueries(workspace, source, rowMap, excludeSelf, queries);
        candidates.Reset(groups * DistanceKernel.GroupSize);
        for (int panel = 0; panel < _packed.PanelCount; panel++)
        {
            ScanPanel(workspace, groups, panel, candidates, firstList: 0, rowLists: null);
        }
    }

    /// <summary>
    /// Centres the queries and packs them feature-major in groups of <see cref="DistanceKernel.GroupSize"/> (padding
    /// queries are zero with an infinite norm); records their norms and, for a self-search, their own rows. Returns
    /// the number of groups.
    /// </summary>
    private int PackQueries(BlockWorkspace workspace, DenseMatrix source, int[]? rowMap, bool excludeSelf, int[] queries)
    {
        int d = _reference.Columns;
        const int g = DistanceKernel.GroupSize;
        int groups = (queries.Length + g - 1) / g;
        float[] packedQueries = workspace.Queries;
        Array.Clear(packedQueries);
        Array.Fill(workspace.SelfIndices, -1);
        Array.Fill(workspace.QueryNorms, float.PositiveInfinity);
        for (int slot = 0; slot < queries.Length; slot++)
        {
            int sourceRow = rowMap is null ? queries[slot] : rowMap[queries[slot]];
            Span<float> centred = workspace.Centred;
            float norm = _packed.Centre(source.Row(sourceRow), centred);
            int groupOffset = (slot / g) * d * g;
            for (int j = 0; j < d; j++)
            {
                packedQueries[groupOffset + (j * g) + (slot % g)] = centred[j];
            }

            workspace.QueryNorms[slot] = norm;
            if (excludeSelf)
            {
                workspace.SelfIndices[slot] = sourceRow;
            }
        }

        return groups;
    }

    /// <summary>
    /// Scans one reference panel for every packed query group; the group's lists start at
    /// <paramref name="firstList"/> + its first slot. With <paramref name="rowLists"/>, the panel's rows are also
    /// offered the queries (the symmetric self-search, where <paramref name="firstList"/> is the first query's row).
    /// </summary>
    private void ScanPanel(BlockWorkspace workspace, int groups, int panel, CandidateLists candidates, int firstList, CandidateLists? rowLists)
    {
        int d = _reference.Columns;
        const int g = DistanceKernel.GroupSize;
        const int width = PackedReference.PanelWidth;
        ReadOnlySpan<float> panelValues = _packed.Panels.AsSpan(panel * width * d, width * d);
        ReadOnlySpan<float> norms = _packed.Norms.AsSpan(panel * width, width);
        for (int group = 0; group < groups; group++)
        {
            ReadOnlySpan<float> groupQueries = workspace.Queries.AsSpan(group * d * g, d * g);
            ReadOnlySpan<int> self = workspace.SelfIndices.AsSpan(group * g, g);
            ReadOnlySpan<float> queryNorms = workspace.QueryNorms.AsSpan(group * g, g);
            int list = firstList + (group * g);
            if (_useVector512)
            {
                DistanceKernel.Scan<Vector512<float>, Simd512>(groupQueries, panelValues, norms, d, panel * width, candidates, list, self, rowLists, queryNorms, list);
            }
            else
            {
                DistanceKernel.Scan<Vector256<float>, Simd256>(groupQueries, panelValues, norms, d, panel * width, candidates, list, self, rowLists, queryNorms, list);
            }
        }
    }

    /// <summary>
    /// Re-ranks a query's candidates by exact distance; returns false when the rounding-error bound cannot prove
    /// that every row outside the candidates is strictly farther than the k-th neighbour.
    /// </summary>
    private bool RerankCandidates(
        BlockWorkspace workspace, CandidateLists candidates, int query, double queryNorm, ReadOnlySpan<float> values, int available, Span<int> outIndices, Span<double> outDistances)
    {
        int count = candidates.Count(query);
        Span<int> candidateIndices = candidates.Indices(query);
        Span<double> exact = workspace.Exact(count);
        Span<int> order = workspace.Order(count);
        candidateIndices.CopyTo(order);
        SquaredDistances(values, _reference, order, exact);

        SortByDistanceThenIndex(exact, order);
        int k = outIndices.Length;
        order[..k].CopyTo(outIndices);
        exact[..k].CopyTo(outDistances);

        if (count >= available)
        {
            return true; // every eligible row is a candidate
        }

        // Any row never kept has a screening key ≥ the worst kept key; its true distance is at least that key plus
        // the query norm, minus the rounding error of the single-precision screening.
        double lowerBoundOutside = candidates.Worst(query) + queryNorm - ErrorBound(queryNorm);
        return outDistances[k - 1] < lowerBoundOutside;
    }

    /// <summary>Squared Euclidean distance in double precision (the exact ranking key), summed feature by feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double diff = (double)a[j] - b[j];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>
    /// <see cref="SquaredDistance"/> from <paramref name="query"/> to several reference rows, four rows at a time in
    /// the lanes of one vector: each lane performs exactly the scalar operations in the same order (a separate
    /// multiply and add, no fused rounding), so the results are bit-identical, without one long dependency chain
    /// per row. A last partial group repeats its final row in the spare lanes and keeps only the lanes it needs.
    /// </summary>
    private static void SquaredDistances(ReadOnlySpan<float> query, DenseMatrix reference, ReadOnlySpan<int> rows, Span<double> output)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            for (int c = 0; c < rows.Length; c++)
            {
                output[c] = SquaredDistance(query, reference.Row(rows[c]));
            }

            return;
        }

        int d = query.Length;
        ref float q = ref MemoryMarshal.GetReference(query);
        Span<double> lanes = stackalloc double[4];
        for (int c = 0; c < rows.Length; c += 4)
        {
            int last = rows.Length - 1;
            ref float r0 = ref MemoryMarshal.GetReference(reference.Row(rows[c]));
            ref float r1 = ref MemoryMarshal.GetReference(reference.Row(rows[Math.Min(c + 1, last)]));
            ref float r2 = ref MemoryMarshal.GetReference(reference.Row(rows[Math.Min(c + 2, last)]));
            ref float r3 = ref MemoryMarshal.GetReference(reference.Row(rows[Math.Min(c + 3, last)]));
            Vector256<double> sum = Vector256<double>.Zero;
            for (int j = 0; j < d; j++)
            {
                Vector128<float> values = Vector128.Create(Unsafe.Add(ref r0, j), Unsafe.Add(ref r1, j), Unsafe.Add(ref r2, j), Unsafe.Add(ref r3, j));
                Vector256<double> diff = Vector256.Create((double)Unsafe.Add(ref q, j)) - Vector256.WidenLower(Vector256.Create(values, Vector128<float>.Zero));
                sum += diff * diff;
            }

            sum.CopyTo(lanes);
            lanes[..Math.Min(4, rows.Length - c)].CopyTo(output[c..]);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>Sorts candidates by (distance, index).</summary>
    private static void SortByDistanceThenIndex(Span<double> keys, Span<int> rows)
    {
        if (keys.Length > 32)
        {
            // Large lists only come from re-screening tie-heavy data: sort by distance, then each run of equal
            // distances by index.
            keys.Sort(rows);
            for (int start = 0; start < keys.Length;)
            {
                int end = start + 1;
                while (end < keys.Length && keys[end] == keys[start])
                {
                    end++;
                }

                rows[start..end].Sort();
                start = end;
            }

            return;
        }

        for (int i = 1; i < keys.Length; i++)
        {
            double key = keys[i];
            int row = rows[i];
            int j = i - 1;
            while (j >= 0 && (keys[j] > key || (keys[j] == key && rows[j] > row)))
            {
                keys[j + 1] = keys[j];
                rows[j + 1] = rows[j];
                j--;
            }

            keys[j + 1] = key;
            rows[j + 1] = row;
        }
    }

    /// <summary>Per-thread buffers reused across the blocks a thread processes.</summary>
    private sealed class BlockWorkspace
    {
        private double[] _exact = [];
        private int[] _order = [];

        public BlockWorkspace(int queries, int features, CandidateLists? candidates)
        {
            Queries = new float[queries * features];
            Centred = new float[features];
            Collected = [];
            QueryNorms = new float[queries];
            SelfIndices = new int[queries];
            Candidates = candidates;
        }

        public float[] Queries { get; }

        /// <summary>One centred query row.</summary>
        public float[] Centred { get; }

        /// <summary>Rows collected by the exact path of one query.</summary>
        public List<int> Collected { get; }

        /// <summary>The centred queries' squared norms by slot (as the kernel computes them), +∞ for padding slots.</summary>
        public float[] QueryNorms { get; }

        public int[] SelfIndices { get; }

        /// <summary>
        /// The candidate lists this workspace screens into: one per query slot for a one-way search, one per row for a
        /// symmetric self-search worker, none for a workspace that only re-ranks.
        /// </summary>
        public CandidateLists? Candidates { get; }

        public Span<double> Exact(int count)
        {
            if (_exact.Length < count)
            {
                _exact = new double[count];
            }

            return _exact.AsSpan(0, count);
        }

        public Span<int> Order(int count)
        {
            if (_order.Length < count)
            {
                _order = new int[count];
            }

            return _order.AsSpan(0, count);
        }
    }
}
