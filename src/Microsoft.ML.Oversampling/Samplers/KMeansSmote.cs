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
/// and so counts, differ from imbalanced-learn's in detail. When no cluster qualifies,
/// <see cref="InvalidOperationException"/> is thrown (imbalanced-learn's <c>RuntimeError</c>).
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
        if (KMeansOptions.ClusterBalanceThreshold is double threshold && !(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(KMeansSmoteOptions.ClusterBalanceThreshold), threshold, "ClusterBalanceThreshold must be between 0 and 1, or null for \"auto\".");
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
            throw new ArgumentException(
                $"Clusters = {KMeansOptions.Clusters} needs at least that many rows; the data has {rows}. Lower Clusters.");
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
        var kept = new List<int[]>();
        var logSparsities = new List<double>();
        foreach (int[] clusterRows in clustering.RowsByCluster())
        {
            int[] classRows = clusterRows.Where(r => problem.Labels[r] == label).ToArray();
            if (clusterRows.Length == 0 || (double)classRows.Length / clusterRows.Length < threshold || classRows.Length < k + 1)
            {
                continue;
            }

            kept.Add(classRows);
            logSparsities.Add(LogSparsity(problem.Features, classRows));
        }

        if (kept.Count == 0)
        {
            throw new InvalidOperationException(
                $"No cluster has enough rows of class {label} for K-Means SMOTE (each needs a class share of at least {threshold:G3} and {k + 1} class rows). Lower ClusterBalanceThreshold or KNeighbors, or change Clusters.");
        }

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
