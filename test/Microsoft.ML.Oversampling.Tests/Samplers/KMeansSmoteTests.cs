using Microsoft.ML.Oversampling.Clustering;
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
    /// The clustering and the clusters kept, as the sampler computes them: k-means on the first fork of the class's
    /// stream, clusters where the class has at least the "auto" share and more than k rows.
    /// </summary>
    private static List<int[]> KeptClusters(DenseMatrix features, int[] labels, int label, int count, int totalToGenerate, int seed, KMeansSmoteOptions options)
    {
        KMeansResult clustering = KMeansClustering.Fit(features, options.Clusters, Oversampler.ClassStream(seed, label).Fork(), options.MaxIterations);
        double threshold = options.Clusters == 1 ? double.NegativeInfinity : options.ClusterBalanceThreshold ?? ((double)count / totalToGenerate / 2);
        return clustering.RowsByCluster()
            .Where(rows => rows.Length > 0)
            .Select(rows => (All: rows, Class: rows.Where(r => labels[r] == label).ToArray()))
            .Where(c => (double)c.Class.Length / c.All.Length >= threshold && c.Class.Length >= options.KNeighbors + 1)
            .Select(c => c.Class)
            .ToList();
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

        // Sparsity straight from the definition: mean pairwise distance ^ (0.16 · log₁.₆(n)^1.8) / n.
        double[] sparsity = kept.Select(rows =>
        {
            double n = rows.Length;
            double sum = 0;
            foreach (int a in rows)
            {
                foreach (int b in rows)
                {
                    sum += Math.Sqrt(Enumerable.Range(0, 3).Sum(j => Math.Pow((double)features[a, j] - features[b, j], 2)));
                }
            }

            return Math.Pow(sum / ((n * n) - n), 0.16 * Math.Pow(Math.Log(n) / Math.Log(1.6), 1.8)) / n;
        }).ToArray();
        int expected = sparsity.Sum(s => (int)Math.Ceiling(requested * s / sparsity.Sum()));
        Assert.Equal(expected, result.SyntheticRowCount);
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
    public void NoQualifyingCluster_ThrowsClearError()
    {
        var (features, labels) = SamplerTestData.Blobs(6, 2, (0, 300, 0), (1, 30, 0));
        var sampler = new KMeansSmote(new KMeansSmoteOptions { ClusterBalanceThreshold = 0.9 });
        var error = Assert.Throws<InvalidOperationException>(() => sampler.FitResample(features, labels, seed: 1));
        Assert.Contains("class 1", error.Message);
        Assert.Contains("ClusterBalanceThreshold", error.Message);
    }

    [Fact]
    public void BadOptionsAndTooFewRows_AreRefusedClearly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansSmote(new KMeansSmoteOptions { Clusters = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansSmote(new KMeansSmoteOptions { KNeighbors = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansSmote(new KMeansSmoteOptions { ClusterBalanceThreshold = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansSmote(new KMeansSmoteOptions { DensityExponent = -1 }));

        var (features, labels) = SamplerTestData.Blobs(1, 2, (0, 4, 0), (1, 2, 3));
        var error = Assert.Throws<ArgumentException>(() => new KMeansSmote().FitResample(features, labels, seed: 1));
        Assert.Contains("Clusters = 8", error.Message);
    }
}
