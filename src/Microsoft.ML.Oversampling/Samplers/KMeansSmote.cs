using Microsoft.ML.Oversampling.Clustering;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// K-Means SMOTE (Last, Douzas &amp; Bacao, 2018) with imbalanced-learn 0.10's semantics: cluster the whole data with
/// k-means, keep the clusters where the class to grow is frequent enough (see
/// <see cref="KMeansSmoteOptions.ClusterBalanceThreshold"/>) and has more than k rows, share the rows to generate
/// among them in proportion to their sparsity (<c>mean pairwise distance^exponent / class rows</c>: sparse clusters
/// get more), and run SMOTE inside each kept cluster.
/// </summary>
/// <remarks>
/// Each kept cluster generates <c>⌈count · weight⌉</c> rows, as imbalanced-learn does, so the total can exceed the
/// requested count by up to the number of kept clusters minus one. The clustering is Lloyd's k-means with k-means++
/// seeding on the class's random stream, where imbalanced-learn uses scikit-learn's <c>MiniBatchKMeans</c>: clusters,
/// and so counts, differ from imbalanced-learn's in detail. When no cluster reaches the threshold, the default falls
/// back to the clusters with the highest class share, where imbalanced-learn raises a <c>RuntimeError</c>; with
/// <see cref="KMeansSmoteOptions.StrictClusterBalanceThreshold"/> it throws <see cref="InvalidOperationException"/>
/// as imbalanced-learn does (see that option for the exact rule).
/// </remarks>
public sealed class KMeansSmote : InterpolatingOversampler
{
    /// <summary>Creates the sampler.</summary>
    public KMeansSmote(KMeansSmoteOptions? options = null)
        : base(options ?? new KMeansSmoteOptions())
    {
        OptionChecks.Positive(KMeansOptions.KNeighbors, nameof(KMeansSmoteOptions.KNeighbors));
        OptionChecks.Positive(KMeansOptions.Clusters, nameof(KMeansSmoteOptions.Clusters));
        OptionChecks.Positive(KMeansOptions.MaxIterations, nameof(KMeansSmoteOptions.MaxIterations));
        if (KMeansOptions.ClusterBalanceThreshold is double threshold)
        {
            OptionChecks.UnitInterval(threshold, nameof(KMeansSmoteOptions.ClusterBalanceThreshold));
        }

        if (KMeansOptions.DensityExponent is double exponent)
        {
            OptionChecks.Positive(exponent, nameof(KMeansSmoteOptions.DensityExponent));
        }
    }

    /// <inheritdoc />
    public override string Name => "kmeans-smote";

    private KMeansSmoteOptions KMeansOptions => (KMeansSmoteOptions)Options;

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem)
    {
        int rows = problem.Labels.Count;
        if (rows < KMeansOptions.Clusters)
        {
            throw new OptionException(
                nameof(KMeansSmoteOptions.Clusters),
                $"Clusters = {KMeansOptions.Clusters} needs at least that many rows, but the data has {rows}; lower Clusters.");
        }
    }

    /// <inheritdoc />
    private protected override InterpolationPlan Plan(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        int k = KMeansOptions.KNeighbors;
        NearestNeighborOptions search = ClassNeighbors.SearchOptions(KMeansOptions);
        KMeansResult clustering = KMeansClustering.Fit(
            problem.Features, KMeansOptions.Clusters, random.Fork(), KMeansOptions.MaxIterations, KMeansOptions.MaxDegreeOfParallelism);

        double threshold = KMeansOptions.Clusters == 1
            ? double.NegativeInfinity
            : KMeansOptions.ClusterBalanceThreshold ?? ((double)count / problem.RowsToGenerate.Values.Sum() / 2);
        List<int[]> kept = KeptClusters(clustering.RowsByCluster(), problem.Labels, label, k, threshold);
        var logSparsities = kept.Select(rows => LogSparsity(problem.Features, rows)).ToList();
        var plan = new InterpolationPlan();
        double[] weights = NormalizedWeights(logSparsities);
        for (int c = 0; c < kept.Count; c++)
        {
            int[] neighbors = ClassNeighbors.AmongRows(problem.Features, kept[c], k, search);
            plan.DrawUniform(kept[c], neighbors, k, (int)Math.Ceiling(count * weights[c]), 1.0, random);
        }

        return plan;
    }

    /// <summary>
    /// The class rows of the clusters that receive synthetic rows, in cluster order: the candidates (at least k + 1
    /// class rows) whose class share reaches <paramref name="threshold"/>, or else, unless the threshold is strict,
    /// those reaching half the highest candidate share (see <see cref="KMeansSmoteOptions.StrictClusterBalanceThreshold"/>).
    /// </summary>
    private List<int[]> KeptClusters(IEnumerable<int[]> clusters, IReadOnlyList<int> labels, int label, int k, double threshold)
    {
        var candidates = new List<(int[] ClassRows, double Share)>();
        foreach (int[] clusterRows in clusters)
        {
            int[] classRows = clusterRows.Where(r => labels[r] == label).ToArray();
            if (classRows.Length >= k + 1)
            {
                candidates.Add((classRows, (double)classRows.Length / clusterRows.Length));
            }
        }

        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"No cluster has the {k + 1} rows of class {label} that K-Means SMOTE needs with KNeighbors = {k}; lower KNeighbors or Clusters.");
        }

        double best = candidates.Max(c => c.Share);
        if (best < threshold)
        {
            if (KMeansOptions.StrictClusterBalanceThreshold)
            {
                throw new InvalidOperationException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"No cluster reaches ClusterBalanceThreshold = {threshold:G4}{(KMeansOptions.ClusterBalanceThreshold is null ? " (auto)" : string.Empty)} for class {label}: its highest share in a cluster with at least {k + 1} of its rows is {best:G4}; lower ClusterBalanceThreshold, or turn off StrictClusterBalanceThreshold to fall back to the highest-share clusters."));
            }

            threshold = best / 2;
        }

        return candidates.Where(c => c.Share >= threshold).Select(c => c.ClassRows).ToList();
    }

    /// <summary>
    /// The natural logarithm of a cluster's sparsity, <c>mean distance^exponent / n</c> over its n class rows (logs,
    /// because the exponent grows with n and the power overflows for large distances).
    /// </summary>
    private double LogSparsity(DenseMatrix features, int[] rows)
    {
        double sum = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            ReadOnlySpan<float> a = features.Row(rows[i]);
            for (int j = i + 1; j < rows.Length; j++)
            {
                sum += Math.Sqrt(ExactNearestNeighbors.SquaredDistance(a, features.Row(rows[j])));
            }
        }

        double n = rows.Length;
        double meanDistance = 2 * sum / ((n * n) - n);
        double exponent = KMeansOptions.DensityExponent ?? (0.16 * Math.Pow(Math.Log(n, 1.6), 1.8));
        return (exponent * Math.Log(meanDistance)) - Math.Log(n);
    }

    /// <summary>Weights proportional to exp(logs), summing to 1.</summary>
    private static double[] NormalizedWeights(List<double> logs)
    {
        double max = logs.Max();
        if (double.IsNegativeInfinity(max))
        {
            return logs.Select(_ => 1.0 / logs.Count).ToArray(); // every kept cluster is a single repeated point
        }

        double[] weights = logs.Select(l => Math.Exp(l - max)).ToArray();
        double total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }
}
