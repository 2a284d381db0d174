using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.Neighbors;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class AdasynTests
{
    private static readonly (DenseMatrix Features, int[] Labels) Overlapping = SamplerTestData.Blobs(21, 4, (0, 500, 0), (1, 70, 0.8), (2, 33, -0.8));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5)]
    [InlineData(1, 9)]
    public void PerRowCountsEqualBruteForce(int label, int k)
    {
        var (features, labels) = Overlapping;
        SamplingProblem problem = Oversampler.CreateProblem(features, labels, SamplingStrategy.Auto);
        int request = problem.RowsToGenerate[label];
        int[] actual = Adasyn.RowsPerSeed(problem, label, request, k, new NearestNeighborOptions());

        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
        var (neighbors, _) = BruteForceNeighbors.Search(features, features.SelectRows(rows), k, q => rows[q]);
        int[] other = Enumerable.Range(0, rows.Length).Select(q => Enumerable.Range(0, k).Count(j => labels[neighbors[(q * k) + j]] != label)).ToArray();
        decimal total = other.Sum();
        int[] expected = other.Select(c => (int)Math.Round(c * (decimal)request / total, MidpointRounding.ToEven)).ToArray();

        Assert.Equal(expected, actual);
        Assert.Contains(actual, c => c > 0);
    }

    [Fact]
    public void GeneratesTheRoundedCountsOnSegmentsToSameClassNeighbours()
    {
        var (features, labels) = Overlapping;
        ResampleResult result = new Adasyn().FitResample(features, labels, seed: 1);
        SamplingProblem problem = Oversampler.CreateProblem(features, labels, SamplingStrategy.Auto);
        int expected1 = Adasyn.RowsPerSeed(problem, 1, 430, 5, new NearestNeighborOptions()).Sum();
        Assert.Equal(70 + expected1, result.CountsAfter[1]);

        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1).ToArray();
        DenseMatrix classFeatures = features.SelectRows(rows);
        var (same, _) = BruteForceNeighbors.Search(classFeatures, classFeatures, 5, q => q);
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            if (result.Labels[i] == 1)
            {
                float[] point = result.Features.Row(i).ToArray();
                bool explained = Enumerable.Range(0, rows.Length).Any(b => Enumerable.Range(0, 5).Any(n =>
                    SamplerTestData.OnSegment(point, classFeatures.Row(b), classFeatures.Row(same[(b * 5) + n]))));
                Assert.True(explained, $"row {i} is on no segment between a class row and one of its 5 same-class neighbours");
            }
        }
    }

    [Fact]
    public void NoOtherClassNeighbour_ThrowsClearError()
    {
        var (features, labels) = SamplerTestData.Blobs(3, 2, (0, 100, 0), (1, 20, 40));
        var error = Assert.Throws<InvalidOperationException>(() => new Adasyn().FitResample(features, labels, 0));
        Assert.Contains("class 1", error.Message);
        Assert.EndsWith("so every weight would be 0/0; use SMOTE for this data.", error.Message);
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreads_AndKValidated()
    {
        var (features, labels) = Overlapping;
        ResampleResult one = new Adasyn(new AdasynOptions { MaxDegreeOfParallelism = 1 }).FitResample(features, labels, 3);
        ResampleResult two = new Adasyn(new AdasynOptions { MaxDegreeOfParallelism = 2 }).FitResample(features, labels, 3);
        Assert.Equal(one.Features.Values, two.Features.Values);

        Assert.Throws<OptionException>(() => new Adasyn(new AdasynOptions { NNeighbors = 0 }));
        var error = Assert.Throws<OptionException>(() => new Adasyn(new AdasynOptions { NNeighbors = 33 }).FitResample(features, labels, 0));
        Assert.Contains("Class 2 has 33 rows but NNeighbors = 33 needs at least 34", error.Message);
    }
}
