using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.Neighbors;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class BorderlineSmoteTests
{
    private static readonly (DenseMatrix Features, int[] Labels) Overlapping = SamplerTestData.Blobs(11, 3, (0, 400, 0), (1, 60, 1), (2, 40, -0.7));

    /// <summary>Brute-force danger set: m nearest rows of the whole data (self excluded), m/2 ≤ other-class &lt; m.</summary>
    private static int[] BruteForceDanger(DenseMatrix features, int[] labels, int label, int m)
    {
        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
        var (neighbors, _) = BruteForceNeighbors.Search(features, features.SelectRows(rows), m, q => rows[q]);
        return Enumerable.Range(0, rows.Length)
            .Where(q =>
            {
                int other = Enumerable.Range(0, m).Count(j => labels[neighbors[(q * m) + j]] != label);
                return other * 2 >= m && other < m;
            })
            .ToArray();
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 10)]
    [InlineData(1, 7)]
    public void DangerSetEqualsBruteForce(int label, int m)
    {
        var (features, labels) = Overlapping;
        SamplingProblem problem = Oversampler.CreateProblem(features, labels, SamplingStrategy.Auto);
        int[] danger = BorderlineSmote.DangerPositions(problem, label, m, new NearestNeighborOptions());
        Assert.NotEmpty(danger);
        Assert.Equal(BruteForceDanger(features, labels, label, m), danger);
    }

    [Fact]
    public void Kind1_RowsLieOnSegmentsFromDangerRowsToTheirSameClassNeighbours()
    {
        var (features, labels) = Overlapping;
        ResampleResult result = new BorderlineSmote().FitResample(features, labels, seed: 2);
        Assert.Equal(400, result.CountsAfter[1]);
        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1).ToArray();
        int[] danger = BruteForceDanger(features, labels, 1, 10);
        DenseMatrix classFeatures = features.SelectRows(rows);
        var (neighbors, _) = BruteForceNeighbors.Search(classFeatures, classFeatures, 5, q => q);
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            if (result.Labels[i] != 1)
            {
                continue;
            }

            float[] point = result.Features.Row(i).ToArray();
            Assert.True(
                danger.Any(b => Enumerable.Range(0, 5).Any(n => SamplerTestData.OnSegment(point, classFeatures.Row(b), classFeatures.Row(neighbors[(b * 5) + n])))),
                $"row {i} is not between a danger row and one of its 5 same-class neighbours");
        }
    }

    [Fact]
    public void Kind2_SplitsBetweenSameClassAndHalfStepsTowardOtherClasses()
    {
        var (features, labels) = Overlapping;
        var sampler = new BorderlineSmote(new BorderlineSmoteOptions { Kind = BorderlineKind.Borderline2, SamplingStrategy = SamplingStrategy.Minority });
        Assert.Equal("borderline2", sampler.Name);
        ResampleResult result = sampler.FitResample(features, labels, seed: 4);
        Assert.InRange(result.SyntheticRowCount, 359, 360); // floor(f(n+1)) + floor((1-f)n) is n or n-1

        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 2).ToArray();
        int[] otherRows = Enumerable.Range(0, labels.Length).Where(i => labels[i] != 2).ToArray();
        int[] danger = BruteForceDanger(features, labels, 2, 10);
        DenseMatrix classFeatures = features.SelectRows(rows);
        DenseMatrix otherFeatures = features.SelectRows(otherRows);
        var (same, _) = BruteForceNeighbors.Search(classFeatures, classFeatures, 5, q => q);
        var (other, _) = BruteForceNeighbors.Search(otherFeatures, classFeatures, 5);
        int towardSame = 0, towardOther = 0;
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            float[] point = result.Features.Row(i).ToArray();
            if (danger.Any(b => Enumerable.Range(0, 5).Any(n => SamplerTestData.OnSegment(point, classFeatures.Row(b), classFeatures.Row(same[(b * 5) + n])))))
            {
                towardSame++;
            }
            else
            {
                Assert.True(
                    danger.Any(b => Enumerable.Range(0, 5).Any(n => SamplerTestData.OnSegment(point, classFeatures.Row(b), otherFeatures.Row(other[(b * 5) + n]), maxStep: 0.5))),
                    $"row {i} is neither toward a same-class neighbour nor within half-way toward one of the 5 nearest other-class rows");
                towardOther++;
            }
        }

        // f ~ Beta(10, 10): mean 0.5, sd 0.109; both parts are far from empty.
        Assert.InRange(towardSame, 50, 310);
        Assert.InRange(towardOther, 50, 310);
    }

    [Fact]
    public void NoRowInDanger_NoRowGenerated()
    {
        var (features, labels) = SamplerTestData.Blobs(3, 2, (0, 100, 0), (1, 20, 30));
        ResampleResult result = new BorderlineSmote().FitResample(features, labels, seed: 0);
        Assert.Equal(0, result.SyntheticRowCount);
        Assert.Equal(20, result.CountsAfter[1]);
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreads()
    {
        var (features, labels) = Overlapping;
        foreach (BorderlineKind kind in new[] { BorderlineKind.Borderline1, BorderlineKind.Borderline2 })
        {
            ResampleResult one = new BorderlineSmote(new BorderlineSmoteOptions { Kind = kind, MaxDegreeOfParallelism = 1 }).FitResample(features, labels, 7);
            ResampleResult two = new BorderlineSmote(new BorderlineSmoteOptions { Kind = kind, MaxDegreeOfParallelism = 2 }).FitResample(features, labels, 7);
            Assert.Equal(one.Features.Values, two.Features.Values);
        }
    }

    [Fact]
    public void BadOptionsAndTooLittleData_AreRejectedClearly()
    {
        Assert.Throws<OptionException>(() => new BorderlineSmote(new BorderlineSmoteOptions { MNeighbors = 0 }));
        Assert.Throws<OptionException>(() => new BorderlineSmote(new BorderlineSmoteOptions { KNeighbors = 0 }));
        Assert.Throws<OptionException>(() => new BorderlineSmote(new BorderlineSmoteOptions { Kind = (BorderlineKind)3 }));

        var (small, smallLabels) = SamplerTestData.Blobs(3, 2, (0, 8, 0), (1, 2, 1));
        var error = Assert.Throws<OptionException>(() => new BorderlineSmote().FitResample(small, smallLabels, 0));
        Assert.Contains("10 rows but MNeighbors = 10 needs at least 11", error.Message);

        var (few, fewLabels) = SamplerTestData.Blobs(3, 2, (0, 30, 0), (1, 5, 1));
        error = Assert.Throws<OptionException>(() => new BorderlineSmote().FitResample(few, fewLabels, 0));
        Assert.Contains("Class 1 has 5 rows but KNeighbors = 5 needs at least 6", error.Message);

        // Growing the majority (explicit totals) when the other classes have fewer than k rows.
        var (fewOthers, fewOthersLabels) = SamplerTestData.Blobs(3, 2, (0, 2, 0), (1, 30, 0.5));
        var growMajority = SamplingStrategy.Counts(new Dictionary<int, int> { [1] = 40 });
        error = Assert.Throws<OptionException>(() =>
            new BorderlineSmote(new BorderlineSmoteOptions { Kind = BorderlineKind.Borderline2, SamplingStrategy = growMajority }).FitResample(
                fewOthers, fewOthersLabels, 0));
        Assert.Contains("Borderline-2 with KNeighbors = ", error.Message);
    }
}
