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
/// <para>Where integer products are the faster kind (<see cref="QuantizedReference.IsPreferred"/>), a one-way search
/// of at least 256 queries screens in 16-bit integers first: same scheme, a wider but still rigorous error bound; the
/// queries it cannot certify are screened again in single precision, so the result is the same to the bit.</para>
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
    private const int BlocksPerThread = 8;

    /// <summary>Extra candidates kept beyond k so the exact re-ranking can usually certify the result (each extra one
    /// costs insertions on every query; uncertain queries are re-screened).</summary>
    private const int ExtraCandidates = 2;

    /// <summary>The fewest queries for which a search screens in integers: below it, quantising the reference set costs
    /// more than the faster screening saves.</summary>
    private const int MinQueriesForInt16 = 256;

    /// <summary>The fewest features for which a search screens in integers (with fewer, converting and offering the
    /// keys, the same work either way, outweighs the products).</summary>
    private const int MinFeaturesForInt16 = 8;

    /// <summary>
    /// Once this many queries of a search have been screened in integers, a search re-screening more than
    /// <see cref="MaxRescreenedShare"/> of them goes on in single precision: on data with many near-equal distances
    /// (small integer features, duplicated rows: letter_img, mammography and abalone19 re-screened 43–69% of their
    /// queries) the integer pass only adds work. The neighbours are the same either way.
    /// </summary>
    private const int IntegerScreeningSample = 128;

    /// <summary>See <see cref="IntegerScreeningSample"/>. The integer pass saves about 30% of a query's screening and a
    /// re-screening costs all of it, so it pays below about 30% re-screened; 20% leaves a margin.</summary>
    private const double MaxRescreenedShare = 0.2;

    private readonly DenseMatrix _reference;
    private readonly PackedReference _packed;
    private readonly int _parallelism;
    private readonly bool _useVector512;
    private readonly bool _screenInt16;
    private readonly bool _alwaysInt16;
    private QuantizedReference? _quantized;
    private int _rescreenedQueries;

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
        _alwaysInt16 = options.Screening == ScreeningPrecision.Int16;
        _screenInt16 = options.Screening switch
        {
            ScreeningPrecision.Single => false,
            ScreeningPrecision.Int16 when CanScreenInIntegers(reference.Columns, options) => true,
            ScreeningPrecision.Int16 => throw new NotSupportedException(
                $"Integer screening needs AVX-512 BW, the 512-bit kernel and at most {QuantizedReference.MaxFeatures} features."),
            _ => QuantizedReference.IsPreferred && _useVector512 && reference.Columns >= MinFeaturesForInt16 && reference.Columns <= QuantizedReference.MaxFeatures,
        };
        _reference = reference;
        _packed = new PackedReference(reference, _parallelism);
    }

    /// <summary>Number of reference rows.</summary>
    public int ReferenceCount => _reference.Rows;

    /// <summary>
    /// Whether a search with <paramref name="options"/> over rows of <paramref name="features"/> features can screen in
    /// integers (what <see cref="ScreeningPrecision.Int16"/> needs). Never inlined, so that every caller, precompiled or
    /// jitted, gets the same answer from the runtime's vector settings.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool CanScreenInIntegers(int features, NearestNeighborOptions options) =>
        QuantizedReference.IsSupported && Vector512.IsHardwareAccelerated && !options.DisableVector512 && features <= QuantizedReference.MaxFeatures;

    /// <summary>Queries, over all searches so far, that the integer screening could not certify and that were screened
    /// again in single precision (for tests and benchmarks).</summary>
    internal int RescreenedQueries => Volatile.Read(ref _rescreenedQueries);

    /// <summary>Whether one-way searches screen in integers (see <see cref="QuantizedReference"/>): those of at least 256
    /// queries by default, every one when <see cref="ScreeningPrecision.Int16"/> is asked for.</summary>
    internal bool ScreensInIntegers => _screenInt16;

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
        QuantizedReference? quantized = _screenInt16 && (_alwaysInt16 || queryCount >= MinQueriesForInt16)
            ? LazyInitializer.EnsureInitialized(ref _quantized, () => new QuantizedReference(_packed, _parallelism))
            : null;
        int pairs = quantized?.Pairs ?? 0;
        var tally = new IntegerScreeningTally(quantized, _alwaysInt16);
        // One workspace per worker, reused across its blocks.
        var workspaces = new BlockWorkspace?[SmallWork.Workers(blocks, threads)];
        SmallWork.For(blocks, threads, (block, worker) =>
        {
            BlockWorkspace workspace = workspaces[worker] ??= new BlockWorkspace(perBlock, _reference.Columns, new CandidateLists(perBlock, capacity, _useVector512), pairs);
            int first = block * perBlock;
            SearchBlock(workspace, tally, source, rowMap, excludeSelf, first, Math.Min(perBlock, queryCount - first), k, available, indices, distances);
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

        int items = (panels + 1) / 2;
        var workers = new BlockWorkspace?[SmallWork.Workers(items, threads)];
        // Query block b scans panels b … panels − 1, so the blocks' work falls linearly; each work item takes one
        // block from each end (b and panels − 1 − b) to keep the items equal.
        SmallWork.For(items, threads, (item, index) =>
        {
            BlockWorkspace worker = workers[index] ??= NewSymmetricWorker(lists, capacity);
            CandidateLists rowLists = worker.Candidates!;
            foreach (int block in item == panels - 1 - item ? [item] : new[] { item, panels - 1 - item })
            {
                int first = block * width;
                int[] queries = Consecutive(first, Math.Min(width, n - first));
                int groups = PackQueries(worker, null, _reference, null, excludeSelf: true, queries);
                for (int panel = block; panel < panels; panel++)
                {
                    ScanPanel(worker, groups, panel, rowLists, first, panel == block ? null : rowLists);
                }
            }
        });

        var merged = new CandidateLists(lists, capacity, allowVector512: false);
        merged.Reset(lists);
        foreach (BlockWorkspace? worker in workers)
        {
            for (int row = 0; worker is not null && row < n; row++)
            {
                merged.Merge(row, worker.Candidates!);
            }
        }

        var indices = new int[n * k];
        var distances = new double[n * k];
        var rerankWorkspaces = new BlockWorkspace?[SmallWork.Workers(panels, threads)];
        SmallWork.For(panels, threads, (block, worker) =>
        {
            BlockWorkspace workspace = rerankWorkspaces[worker] ??= new BlockWorkspace(DistanceKernel.GroupSize, _reference.Columns, null, pairs: 0);
            for (int row = block * width; row < Math.Min(n, (block + 1) * width); row++)
            {
                ReadOnlySpan<float> values = _reference.Row(row);
                Span<int> outIndices = indices.AsSpan(row * k, k);
                Span<double> outDistances = distances.AsSpan(row * k, k);
                if (!RerankCandidates(workspace, merged, row, _packed.Norms[row], 0, values, available, outIndices, outDistances))
                {
                    SearchWithinBound(workspace, values, row, outIndices, outDistances);
                }
            }
        });

        return new NeighborGraph(n, k, indices, distances);
    }

    /// <summary>A worker of the symmetric self-search: one panel of query slots and a candidate list for every row.</summary>
    private BlockWorkspace NewSymmetricWorker(int lists, int capacity)
    {
        var candidates = new CandidateLists(lists, capacity, _useVector512);
        candidates.Reset(lists);
        return new BlockWorkspace(PackedReference.PanelWidth, _reference.Columns, candidates, pairs: 0);
    }

    /// <summary>
    /// Searches one block of queries: screens every reference row keeping a few spare candidates and re-ranks them
    /// exactly. Where <paramref name="tally"/> says so the screening is in integers first, and the queries its wider
    /// error bound cannot certify are screened again in single precision. A query whose result the single-precision bound
    /// cannot certify either (several rows at nearly the k-th distance, e.g. duplicated rows or small integer
    /// features) is finished by <see cref="SearchWithinBound"/>.
    /// </summary>
    private void SearchBlock(
        BlockWorkspace workspace, IntegerScreeningTally tally, DenseMatrix source, int[]? rowMap, bool excludeSelf, int first, int count, int k, int available, int[] indices, double[] distances)
    {
        int[] queries = Consecutive(first, count);
        if (tally.Next() is QuantizedReference quantized)
        {
            queries = ScreenAndRerank(workspace, quantized, source, rowMap, excludeSelf, queries, k, available, indices, distances);
            tally.Record(count, queries.Length);
            Interlocked.Add(ref _rescreenedQueries, queries.Length);
        }

        int[] uncertain = ScreenAndRerank(workspace, null, source, rowMap, excludeSelf, queries, k, available, indices, distances);
        foreach (int query in uncertain)
        {
            int sourceRow = rowMap is null ? query : rowMap[query];
            SearchWithinBound(workspace, source.Row(sourceRow), excludeSelf ? sourceRow : -1, indices.AsSpan(query * k, k), distances.AsSpan(query * k, k));
        }
    }

    /// <summary>
    /// Screens <paramref name="queries"/> (in integers with <paramref name="quantized"/>, else in single precision),
    /// re-ranks their candidates exactly into the output and returns the queries whose result could not be certified.
    /// </summary>
    private int[] ScreenAndRerank(
        BlockWorkspace workspace, QuantizedReference? quantized, DenseMatrix source, int[]? rowMap, bool excludeSelf, int[] queries, int k, int available, int[] indices, double[] distances)
    {
        if (queries.Length == 0)
        {
            return queries;
        }

        CandidateLists candidates = workspace.Candidates!;
        Screen(workspace, quantized, candidates, source, rowMap, excludeSelf, queries);
        int uncertain = 0;
        int[] notCertified = new int[queries.Length];
        for (int slot = 0; slot < queries.Length; slot++)
        {
            int query = queries[slot];
            ReadOnlySpan<float> values = source.Row(rowMap is null ? query : rowMap[query]);
            if (!RerankCandidates(
                workspace, candidates, slot, workspace.QueryNorms[slot], workspace.ScreeningSlack[slot], values, available, indices.AsSpan(query * k, k), distances.AsSpan(query * k, k)))
            {
                notCertified[uncertain++] = query;
            }
        }

        return notCertified[..uncertain];
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

    /// <summary>
    /// Screens all reference rows for the given queries, filling one candidate list per query (by slot): in integers
    /// with <paramref name="quantized"/>, else in single precision.
    /// </summary>
    private void Screen(BlockWorkspace workspace, QuantizedReference? quantized, CandidateLists candidates, DenseMatrix source, int[]? rowMap, bool excludeSelf, int[] queries)
    {
        int groups = PackQueries(workspace, quantized, source, rowMap, excludeSelf, queries);
        candidates.Reset(groups * DistanceKernel.GroupSize);
        if (quantized is not null)
        {
            Int16DistanceKernel.ScanPanels(
                workspace.IntQueries, groups, quantized.Panels, _packed.Norms, quantized.Pairs, candidates, workspace.SelfIndices, workspace.Factors);
            return;
        }

        int d = _reference.Columns;
        if (_useVector512)
        {
            DistanceKernel.ScanPanels<Vector512<float>, Simd512>(workspace.Queries, groups, _packed.Panels, _packed.Norms, d, candidates, workspace.SelfIndices);
        }
        else
        {
            DistanceKernel.ScanPanels<Vector256<float>, Simd256>(workspace.Queries, groups, _packed.Panels, _packed.Norms, d, candidates, workspace.SelfIndices);
        }
    }

    /// <summary>
    /// Centres the queries and packs them in groups of <see cref="DistanceKernel.GroupSize"/> (padding queries are
    /// zero with an infinite norm): feature-major floats, or with <paramref name="quantized"/> pair-major integers
    /// with their factors and error bounds. Records their norms and, for a self-search, their own rows. Returns the
    /// number of groups.
    /// </summary>
    private int PackQueries(BlockWorkspace workspace, QuantizedReference? quantized, DenseMatrix source, int[]? rowMap, bool excludeSelf, int[] queries)
    {
        int d = _reference.Columns;
        const int g = DistanceKernel.GroupSize;
        int groups = (queries.Length + g - 1) / g;
        float[] packedQueries = workspace.Queries;
        Array.Clear(quantized is null ? packedQueries : workspace.IntQueries);
        Array.Clear(workspace.Factors);
        Array.Clear(workspace.ScreeningSlack);
        Array.Fill(workspace.SelfIndices, -1);
        Array.Fill(workspace.QueryNorms, float.PositiveInfinity);
        for (int slot = 0; slot < queries.Length; slot++)
        {
            int sourceRow = rowMap is null ? queries[slot] : rowMap[queries[slot]];
            Span<float> centred = workspace.Centred;
            float norm = _packed.Centre(source.Row(sourceRow), centred);
            if (quantized is null)
            {
                int groupOffset = (slot / g) * d * g;
                for (int j = 0; j < d; j++)
                {
                    packedQueries[groupOffset + (j * g) + (slot % g)] = centred[j];
                }
            }
            else
            {
                Span<int> target = workspace.IntQueries.AsSpan(((slot / g) * quantized.Pairs * g) + (slot % g));
                (workspace.Factors[slot], workspace.ScreeningSlack[slot]) = quantized.PackQuery(centred, target, g);
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
        const int width = PackedReference.PanelWidth;
        ReadOnlySpan<float> panelValues = _packed.Panels.AsSpan(panel * width * d, width * d);
        ReadOnlySpan<float> norms = _packed.Norms.AsSpan(panel * width, width);
        if (_useVector512)
        {
            DistanceKernel.ScanGroups<Vector512<float>, Simd512>(
                workspace.Queries, groups, panelValues, norms, d, panel * width, candidates, firstList, workspace.SelfIndices, rowLists, workspace.QueryNorms);
        }
        else
        {
            DistanceKernel.ScanGroups<Vector256<float>, Simd256>(
                workspace.Queries, groups, panelValues, norms, d, panel * width, candidates, firstList, workspace.SelfIndices, rowLists, workspace.QueryNorms);
        }
    }

    /// <summary>
    /// Re-ranks a query's candidates by exact distance; returns false when the rounding-error bound (plus
    /// <paramref name="screeningSlack"/>, the integer screening's own bound, or 0) cannot prove that every row outside
    /// the candidates is strictly farther than the k-th neighbour.
    /// </summary>
    private bool RerankCandidates(
        BlockWorkspace workspace, CandidateLists candidates, int query, double queryNorm, double screeningSlack, ReadOnlySpan<float> values, int available, Span<int> outIndices, Span<double> outDistances)
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
        double lowerBoundOutside = candidates.Worst(query) + queryNorm - ErrorBound(queryNorm) - screeningSlack;
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

    /// <summary><c>first, first + 1, …, first + count − 1</c> (a loop: LINQ's generic range is jitted at tier 0 on a process's first call).</summary>
    private static int[] Consecutive(int first, int count)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = first + i;
        }

        return values;
    }

    /// <summary>Sorts candidates by (distance, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>
    /// How one search's integer screening fares so far, shared by its blocks: it decides, block by block, whether the
    /// next one screens in integers (see <see cref="IntegerScreeningSample"/>). Only the speed depends on it.
    /// </summary>
    private sealed class IntegerScreeningTally(QuantizedReference? quantized, bool always)
    {
        private int _screened;
        private int _rescreened;

        /// <summary>The integer rows to screen the next block with, or <c>null</c> for single precision.</summary>
        public QuantizedReference? Next()
        {
            if (quantized is null || always)
            {
                return quantized;
            }

            int screened = Volatile.Read(ref _screened);
            return screened >= IntegerScreeningSample && Volatile.Read(ref _rescreened) > MaxRescreenedShare * screened ? null : quantized;
        }

        /// <summary>Adds one block's outcome: queries screened in integers and how many of them were re-screened.</summary>
        public void Record(int screened, int rescreened)
        {
            Interlocked.Add(ref _rescreened, rescreened);
            Interlocked.Add(ref _screened, screened);
        }
    }

    /// <summary>Per-thread buffers reused across the blocks a thread processes.</summary>
    private sealed class BlockWorkspace
    {
        private double[] _exact = [];
        private int[] _order = [];

        public BlockWorkspace(int queries, int features, CandidateLists? candidates, int pairs)
        {
            Queries = new float[queries * features];
            IntQueries = new int[queries * pairs];
            Factors = new float[queries];
            ScreeningSlack = new double[queries];
            Centred = new float[features];
            Collected = [];
            QueryNorms = new float[queries];
            SelfIndices = new int[queries];
            Candidates = candidates;
        }

        public float[] Queries { get; }

        /// <summary>The integer queries of the integer screening, pair-major in groups; empty without it.</summary>
        public int[] IntQueries { get; }

        /// <summary>Per slot, the integer screening's factor −2su (0 for padding slots).</summary>
        public float[] Factors { get; }

        /// <summary>Per slot, the integer screening's error bound beyond the single-precision one (0 in single precision).</summary>
        public double[] ScreeningSlack { get; }

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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Span<double> Exact(int count)
        {
            if (_exact.Length < count)
            {
                _exact = new double[count];
            }

            return _exact.AsSpan(0, count);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
