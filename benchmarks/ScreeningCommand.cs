using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// <c>screening</c>: the exact search's two screening kernels side by side on the cold benchmark's Gaussian blobs,
/// Borderline-SMOTE's query (every minority row against all rows): warm seconds per search (best of
/// <c>--repeats</c>), queries the integer screening had to re-screen, and a check that both give the same neighbours.
/// With <c>--self</c>, SMOTE's query instead: the minority rows' self-search.
/// </summary>
public sealed class ScreeningCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "screening";

    /// <inheritdoc />
    public string Description => "single-precision vs 16-bit integer screening of the exact search (--rows --features | --csv FILE, --k --repeats --threads, --self: SMOTE's self-search of the minority rows instead)";

    /// <inheritdoc />
    public int Run(BenchmarkArguments arguments)
    {
        int rows = arguments.Int("rows", 100_000);
        int features = arguments.Int("features", 30);
        int k = arguments.Int("k", 10);
        int repeats = arguments.Int("repeats", 5);
        int threads = arguments.Int("threads", Parallelism.EffectiveDegree);
        string csv = arguments.String("csv", "");
        var (x, y) = csv.Length > 0 ? ResampleCommand.ReadCsv(csv) : ResampleCommand.GaussianBlobs(rows, features, 0.05, seed: rows + features);
        rows = x.Rows;
        features = x.Columns;
        int[] minority = Enumerable.Range(0, rows).Where(i => y[i] == 1).ToArray();
        Console.WriteLine($"{rows} x {features}, {minority.Length} queries, k = {k}, {threads} threads; integer screening preferred here: {QuantizedReference.IsPreferred}");
        bool self = arguments.Flag("self");
        DenseMatrix minorityRows = x.SelectRows(minority);
        NeighborGraph? first = null;
        foreach (ScreeningPrecision precision in new[] { ScreeningPrecision.Single, ScreeningPrecision.Int16, ScreeningPrecision.Automatic })
        {
            double best = double.MaxValue;
            int rescreened = 0;
            for (int r = 0; r < repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                var options = new NearestNeighborOptions { MaxDegreeOfParallelism = threads, Screening = precision };
                var search = new ExactNearestNeighbors(self ? minorityRows : x, options);
                NeighborGraph graph = self ? search.SearchSelf(k) : search.SearchRows(minority, k);
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                rescreened = search.RescreenedQueries;
                first ??= graph;
                if (!graph.Indices.AsSpan().SequenceEqual(first.Indices) || !graph.SquaredDistances.AsSpan().SequenceEqual(first.SquaredDistances))
                {
                    throw new InvalidOperationException($"{precision} screening gave other neighbours.");
                }
            }

            Console.WriteLine($"{precision,-9} {best.ToString("F4", CultureInfo.InvariantCulture)} s, re-screened {rescreened} of {minority.Length}");
        }

        return 0;
    }
}
