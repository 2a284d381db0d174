using Microsoft.ML.Oversampling.Clustering;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Tests.Neighbors;
using Microsoft.ML.Oversampling.Tests.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Clustering;

[Collection(ParallelismCollection.Name)]
public class KMeansClusteringTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RecoversWellSeparatedBlobs(int seed)
    {
        // Blobs 50 standard deviations apart: k-means++ puts the second and third seeds in another blob with
        // probability about 1 − 10⁻³ each, and Lloyd's iterations then converge to the blobs.
        var (features, labels) = SamplerTestData.Blobs(seed, 4, (0, 100, 0), (1, 80, 50), (2, 60, -50));
        KMeansResult result = KMeansClustering.Fit(features, 3, new DeterministicRandom((ulong)seed));

        var clusterOfLabel = new Dictionary<int, int>();
        for (int i = 0; i < labels.Length; i++)
        {
            Assert.Equal(clusterOfLabel.GetValueOrDefault(labels[i], result.Assignments[i]), result.Assignments[i]);
            clusterOfLabel[labels[i]] = result.Assignments[i];
        }

        Assert.Equal(3, clusterOfLabel.Values.Distinct().Count());
    }

    [Fact]
    public void ConvergedResult_CentroidsAreMeans_AndRowsSitWithTheirNearestCentroid()
    {
        var (features, _) = SamplerTestData.Blobs(7, 3, (0, 400, 0), (1, 300, 2));
        KMeansResult result = KMeansClustering.Fit(features, 5, new DeterministicRandom(11));
        Assert.True(result.Iterations < 100, "the clustering should converge on this data");

        int[][] rows = result.RowsByCluster();
        for (int c = 0; c < result.ClusterCount; c++)
        {
            Assert.NotEmpty(rows[c]);
            for (int j = 0; j < features.Columns; j++)
            {
                double mean = rows[c].Average(r => (double)features[r, j]);
                Assert.Equal(mean, result.Centroids[c, j], 1e-5);
            }
        }

        for (int i = 0; i < features.Rows; i++)
        {
            double own = Distance(features, i, result.Centroids, result.Assignments[i]);
            for (int c = 0; c < result.ClusterCount; c++)
            {
                Assert.True(own <= Distance(features, i, result.Centroids, c) + 1e-9, $"row {i} is nearer to centroid {c} than to its own");
            }
        }
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreads()
    {
        // 20 000 rows × 8 clusters × 10 features is above the size at which the assignment step runs in parallel.
        DenseMatrix data = ExactNearestNeighborsTests.RandomData(20_000, 10, seed: 3);
        KMeansResult one = KMeansClustering.Fit(data, 8, new DeterministicRandom(5), maxDegreeOfParallelism: 1);
        KMeansResult two = KMeansClustering.Fit(data, 8, new DeterministicRandom(5), maxDegreeOfParallelism: 2);
        Assert.Equal(one.Assignments, two.Assignments);
        Assert.Equal(one.Centroids.Values, two.Centroids.Values);
        Assert.Equal(one.Iterations, two.Iterations);
    }

    [Fact]
    public void FewerRowsThanClusters_OrNonFiniteValues_AreRefusedClearly()
    {
        var small = new DenseMatrix(3, 2);
        var error = Assert.Throws<ArgumentException>(() => KMeansClustering.Fit(small, 4, new DeterministicRandom(1)));
        Assert.Contains("at least 4 rows", error.Message);

        var bad = new DenseMatrix(5, 2);
        bad[3, 1] = float.NaN;
        error = Assert.Throws<ArgumentException>(() => KMeansClustering.Fit(bad, 2, new DeterministicRandom(1)));
        Assert.Contains("row 3, feature 1", error.Message);
    }

    [Fact]
    public void MoreClustersThanDistinctRows_LeavesEmptyClustersWithoutFailing()
    {
        var data = new DenseMatrix(6, 1);
        for (int i = 0; i < 6; i++)
        {
            data[i, 0] = i % 2;
        }

        KMeansResult result = KMeansClustering.Fit(data, 4, new DeterministicRandom(2));
        int[][] rows = result.RowsByCluster();
        Assert.Equal(6, rows.Sum(r => r.Length));
        Assert.All(rows.Where(r => r.Length > 0), r => Assert.Single(r.Select(i => data[i, 0]).Distinct()));
    }

    private static double Distance(DenseMatrix data, int row, DenseMatrix centroids, int c) =>
        Enumerable.Range(0, data.Columns).Sum(j => Math.Pow((double)data[row, j] - centroids[c, j], 2));
}
