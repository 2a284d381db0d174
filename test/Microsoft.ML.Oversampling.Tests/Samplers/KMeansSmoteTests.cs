using Microsoft.ML.Oversampling.Clustering;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.Neighbors;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class KMeansSmoteTests
{
    /// <summary>Minority rows in two places (one tight, one spread) among majority rows everywhere.</summary>
    private static (DenseMatrix Features, int[] Labels) TwoMinorityGroups()
    {
        var (features, labels) = SamplerTestData.Blobs(4, 3, (0, 600, 0), (1, 60, 0));
        var random = new DeterministicRandom(9);
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1)
            {
                // Half the minority tight around (6, 6, 6), half spread around (−6, −6, −6).
                bool tight = i % 2 == 0;
                for (int j = 0; j < 3; j++)
                {
                    features[i, j] = (float)(tight ? 6 + (0.3 * random.NextGaussian()) : -6 + (2 * random.NextGaussian()));
                }
            }
        }

        return (features, labels);
    }

    /// <summary>
    /// The clustering and the clusters kept, as documented: k-means on the first fork of the class's stream; the
    /// candidates are clusters with more than k class rows; keep those whose class share reaches the threshold ("auto"
    /// unless set) or, when none does, those reaching half the highest candidate share.
    /// </summary>
    private static List<int[]> KeptClusters(
        DenseMatrix features, int[] labels, int label, int count, int totalToGenerate, int seed, KMeansSmoteOptions options, out bool fellBack)
    {
        KMeansResult clustering = KMeansClustering.Fit(features, options.Clusters, Oversampler.ClassStream(seed, label).Fork(), options.MaxIterations);
        double threshold = options.Clusters == 1 ? double.NegativeInfinity : options.ClusterBalanceThreshold ?? ((double)count / totalToGenerate / 2);
        var candidates = clustering.RowsByCluster()
            .Select(rows => (All: rows, Class: rows.Where(r => labels[r] == label).ToArray()))
            .Where(c => c.Class.Length >= options.KNeighbors + 1)
            .Select(c => (c.Class, Share: (double)c.Class.Length / c.All.Length))
            .ToList();
        double best = candidates.Max(c => c.Share);
        fellBack = best < threshold;
        double used = fellBack ? best / 2 : threshold;
        return candidates.Where(c => c.Share >= used).Select(c => c.Class).ToList();
    }

    private static List<int[]> KeptClusters(DenseMatrix features, int[] labels, int label, int count, int totalToGenerate, int seed, KMeansSmoteOptions options) =>
        KeptClusters(features, labels, label, count, totalToGenerate, seed, options, out _);

    /// <summary>Σ ⌈requested · weight⌉ over the kept clusters, the weights from the sparsity's definition:
    /// mean pairwise distance ^ (0.16 · log₁.₆(n)^1.8) / n, normalised.</summary>
    private static int ExpectedCount(DenseMatrix features, List<int[]> kept, int requested)
    {
        double[] sparsity = kept.Select(rows =>
        {
            double n = rows.Length;
            double sum = 0;
            foreach (int a in rows)
            {
                foreach (int b in rows)
                {
                    sum += Math.Sqrt(Enumerable.Range(0, features.Columns).Sum(j => Math.Pow((double)features[a, j] - features[b, j], 2)));
                }
            }

            return Math.Pow(sum / ((n * n) - n), 0.16 * Math.Pow(Math.Log(n) / Math.Log(1.6), 1.8)) / n;
        }).ToArray();
        return sparsity.Sum(s => (int)Math.Ceiling(requested * s / sparsity.Sum()));
    }

    [Fact]
    public void CountsFollowTheSparsityWeights_AndRowsLieOnSegmentsWithinAKeptCluster()
    {
        var (features, labels) = TwoMinorityGroups();
        var options = new KMeansSmoteOptions { Clusters = 6 };
        ResampleResult result = new KMeansSmote(options).FitResample(features, labels, seed: 2);

        const int requested = 540;
        List<int[]> kept = KeptClusters(features, labels, 1, requested, requested, 2, options);
        Assert.True(kept.Count >= 2, "both minority groups should form clusters of their own");

        Assert.Equal(ExpectedCount(features, kept, requested), result.SyntheticRowCount);
        Assert.InRange(result.SyntheticRowCount, requested, requested + kept.Count - 1);

        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            Assert.Equal(1, result.Labels[i]);
            float[] point = result.Features.Row(i).ToArray();
            bool explained = kept.Any(rows =>
            {
                DenseMatrix cluster = features.SelectRows(rows);
                var (neighbors, _) = BruteForceNeighbors.Search(cluster, cluster, options.KNeighbors, q => q);
                return Enumerable.Range(0, rows.Length).Any(b => Enumerable.Range(0, options.KNeighbors)
                    .Any(n => SamplerTestData.OnSegment(point, cluster.Row(b), cluster.Row(neighbors[(b * options.KNeighbors) + n]))));
            });
            Assert.True(explained, $"synthetic row {i} is on no segment between a row of a kept cluster and one of its neighbours there");
        }
    }

    [Fact]
    public void SparseClustersReceiveMoreRows()
    {
        var (features, labels) = TwoMinorityGroups();
        ResampleResult result = new KMeansSmote(new KMeansSmoteOptions { Clusters = 6 }).FitResample(features, labels, seed: 2);
        int nearSpread = 0, nearTight = 0;
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            if (result.Features[i, 0] < 0)
            {
                nearSpread++;
            }
            else
            {
                nearTight++;
            }
        }

        Assert.True(nearSpread > 2 * nearTight, $"spread group got {nearSpread} rows, tight group {nearTight}");
    }

    [Fact]
    public void OneCluster_GeneratesExactlyTheRequestedCount()
    {
        var (features, labels) = SamplerTestData.Blobs(3, 4, (0, 200, 0), (1, 30, 1), (2, 20, -1));
        ResampleResult result = new KMeansSmote(new KMeansSmoteOptions { Clusters = 1 }).FitResample(features, labels, seed: 1);
        Assert.Equal(170, result.Labels.Count(l => l == 1) - 30);
        Assert.Equal(180, result.Labels.Count(l => l == 2) - 20);
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreads()
    {
        var (features, labels) = SamplerTestData.Blobs(5, 8, (0, 6000, 0), (1, 400, 4));
        SamplerTestData.AssertSameForOneAndTwoThreads(
            threads => new KMeansSmote(new KMeansSmoteOptions { MaxDegreeOfParallelism = threads }), features, labels, seed: 4);
    }

    [Fact]
    public void NoQualifyingCluster_StrictThrowsClearError_DefaultFallsBack()
    {
        var (features, labels) = SamplerTestData.Blobs(6, 2, (0, 300, 0), (1, 30, 0));
        var strict = new KMeansSmote(new KMeansSmoteOptions { ClusterBalanceThreshold = 0.9, StrictClusterBalanceThreshold = true });
        var error = Assert.Throws<InvalidOperationException>(() => strict.FitResample(features, labels, seed: 1));
        Assert.StartsWith("No cluster reaches ClusterBalanceThreshold = 0.9 for class 1: its highest share", error.Message);

        var options = new KMeansSmoteOptions { ClusterBalanceThreshold = 0.9 };
        ResampleResult result = new KMeansSmote(options).FitResample(features, labels, seed: 1);
        List<int[]> kept = KeptClusters(features, labels, 1, 270, 270, 1, options, out bool fellBack);
        Assert.True(fellBack);
        Assert.Equal(ExpectedCount(features, kept, 270), result.SyntheticRowCount);
    }

    [Fact]
    public void NoClusterWithKPlusOneClassRows_FailsEvenByDefault()
    {
        var (features, labels) = SamplerTestData.Blobs(6, 2, (0, 300, 0), (1, 4, 0));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new KMeansSmote(new KMeansSmoteOptions { KNeighbors = 4 }).FitResample(features, labels, seed: 1));
        Assert.Equal("No cluster has the 5 rows of class 1 that K-Means SMOTE needs with KNeighbors = 4; lower KNeighbors or Clusters.", error.Message);
    }

    /// <summary>Each feature z-scored (population standard deviation), as a pipeline normally feeds a sampler.</summary>
    private static DenseMatrix Standardized(DenseMatrix features)
    {
        ColumnStatistics stats = ColumnStatistics.Compute(features);
        var result = new DenseMatrix(features.Rows, features.Columns);
        for (int i = 0; i < features.Rows; i++)
        {
            for (int j = 0; j < features.Columns; j++)
            {
                result[i, j] = (float)((features[i, j] - stats.Mean[j]) / stats.StandardDeviation[j]);
            }
        }

        return result;
    }

    public static TheoryData<string, bool> EmbeddedNames()
    {
        var data = new TheoryData<string, bool>();
        foreach (EmbeddedDatasetInfo info in EmbeddedDatasets.All)
        {
            data.Add(info.Name, false);
            data.Add(info.Name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EmbeddedNames))]
    public void Defaults_SucceedOnEveryEmbeddedDataset_WithTheDocumentedClusters(string name, bool standardized)
    {
        LabeledMatrix data = EmbeddedDatasets.LoadMatrix(name);
        int[] labels = [.. data.Labels];
        if (standardized)
        {
            data = data with { Features = Standardized(data.Features) };
        }

        int requested = labels.Count(l => l == 0) - labels.Count(l => l == 1);
        var options = new KMeansSmoteOptions();
        ResampleResult result = new KMeansSmote(options).FitResample(data.Features, labels, seed: 3);

        List<int[]> kept = KeptClusters(data.Features, labels, 1, requested, requested, 3, options);
        Assert.Equal(ExpectedCount(data.Features, kept, requested), result.SyntheticRowCount);
        Assert.InRange(result.SyntheticRowCount, requested, requested + kept.Count - 1);
        Assert.All(result.Labels.Skip(result.OriginalRowCount), l => Assert.Equal(1, l));
    }

    [Theory]
    [InlineData("yeast4", 3)]
    [InlineData("ecoli3", 1)]
    public void StrictThreshold_FailsOnStandardizedRealData_AsImbalancedLearnDoes(string name, int seed)
    {
        LabeledMatrix data = EmbeddedDatasets.LoadMatrix(name);
        int[] labels = [.. data.Labels];
        data = data with { Features = Standardized(data.Features) };
        var strict = new KMeansSmote(new KMeansSmoteOptions { StrictClusterBalanceThreshold = true });
        var error = Assert.Throws<InvalidOperationException>(() => strict.FitResample(data.Features, labels, seed));
        Assert.StartsWith("No cluster reaches ClusterBalanceThreshold = 0.5 (auto) for class 1: its highest share in a cluster with at least 3 of its rows is ", error.Message);
        Assert.EndsWith("; lower ClusterBalanceThreshold, or turn off StrictClusterBalanceThreshold to fall back to the highest-share clusters.", error.Message);

        int requested = labels.Count(l => l == 0) - labels.Count(l => l == 1);
        KeptClusters(data.Features, labels, 1, requested, requested, seed, new KMeansSmoteOptions(), out bool fellBack);
        Assert.True(fellBack, "the default run on this dataset takes the fallback path");
    }

    [Fact]
    public void BadOptionsAndTooFewRows_AreRefusedClearly()
    {
        Assert.Throws<OptionException>(() => new KMeansSmote(new KMeansSmoteOptions { Clusters = 0 }));
        Assert.Throws<OptionException>(() => new KMeansSmote(new KMeansSmoteOptions { KNeighbors = 0 }));
        Assert.Throws<OptionException>(() => new KMeansSmote(new KMeansSmoteOptions { ClusterBalanceThreshold = 1.5 }));
        Assert.Throws<OptionException>(() => new KMeansSmote(new KMeansSmoteOptions { DensityExponent = -1 }));

        var (features, labels) = SamplerTestData.Blobs(1, 2, (0, 4, 0), (1, 2, 3));
        var error = Assert.Throws<OptionException>(() => new KMeansSmote().FitResample(features, labels, seed: 1));
        Assert.Contains("Clusters = 8", error.Message);
    }
}
