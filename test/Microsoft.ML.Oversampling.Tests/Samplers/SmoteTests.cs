using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.Neighbors;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class SmoteTests
{
    [Fact]
    public void EveryNewRowLiesOnASegmentToOneOfItsKSameClassNeighbours()
    {
        var (features, labels) = SamplerTestData.Blobs(1, 6, (0, 300, 0), (1, 40, 1), (2, 25, -1));
        ResampleResult result = new Smote().FitResample(features, labels, seed: 3);

        foreach (int label in new[] { 1, 2 })
        {
            int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray();
            DenseMatrix classFeatures = features.SelectRows(rows);
            var (neighbors, _) = BruteForceNeighbors.Search(classFeatures, classFeatures, 5, q => q);
            for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
            {
                if (result.Labels[i] != label)
                {
                    continue;
                }

                float[] point = result.Features.Row(i).ToArray();
                bool explained = Enumerable.Range(0, rows.Length).Any(b =>
                    Enumerable.Range(0, 5).Any(n => SamplerTestData.OnSegment(point, classFeatures.Row(b), classFeatures.Row(neighbors[(b * 5) + n]))));
                Assert.True(explained, $"synthetic row {i} of class {label} is on no segment between a class row and one of its 5 neighbours");
            }
        }
    }

    [Fact]
    public void OriginalRowsComeFirstUnchanged_ThenClassesInAscendingOrder()
    {
        var (features, labels) = SamplerTestData.Blobs(2, 3, (5, 100, 0), (2, 30, 1), (9, 20, -1));
        float[] before = (float[])features.Values.Clone();
        ResampleResult result = new Smote().FitResample(features, labels, seed: 1);

        Assert.Equal(before, features.Values);
        Assert.Equal(before, result.Features.Values.AsSpan(0, before.Length).ToArray());
        Assert.Equal(labels, result.Labels.Take(labels.Length));
        int[] synthetic = result.Labels.Skip(labels.Length).ToArray();
        Assert.Equal(Enumerable.Repeat(2, 70).Concat(Enumerable.Repeat(9, 80)), synthetic);
    }

    [Fact]
    public void PairsAndStepsAreDrawnUniformly()
    {
        // Five far-apart pairs of rows, k = 1: every row's neighbour is its partner, so a synthetic row falls in
        // its pair's unit segment with probability 2/10 and at a uniform offset. Bounds: 6 standard errors.
        var features = new DenseMatrix(40, 1);
        var labels = new int[40];
        for (int i = 0; i < 10; i++)
        {
            features[i, 0] = (1000 * (i / 2)) + (i % 2);
            labels[i] = 1;
        }

        for (int i = 10; i < 40; i++)
        {
            features[i, 0] = -5000 - i;
        }

        const int n = 20_000;
        var options = new SmoteOptions { KNeighbors = 1, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<int, int> { [1] = n + 10 }) };
        ResampleResult result = new Smote(options).FitResample(features, labels, seed: 5);
        Assert.Equal(n, result.SyntheticRowCount);
        var pairs = new int[5];
        double offsetSum = 0;
        for (int i = 40; i < result.Labels.Count; i++)
        {
            float x = result.Features[i, 0];
            int pair = (int)Math.Round(x / 1000);
            double offset = x - (1000 * pair);
            Assert.InRange(offset, 0, 1);
            pairs[pair]++;
            offsetSum += offset;
        }

        double pairTolerance = 6 * Math.Sqrt(n * 0.2 * 0.8);
        Assert.All(pairs, c => Assert.InRange(c, (n * 0.2) - pairTolerance, (n * 0.2) + pairTolerance));
        Assert.InRange(offsetSum / n, 0.5 - (6 * Math.Sqrt(1.0 / 12 / n)), 0.5 + (6 * Math.Sqrt(1.0 / 12 / n)));
    }

    [Fact]
    public void SameSeedSameRows_AnyThreadCount_DifferentSeedDifferentRows()
    {
        var (features, labels) = SamplerTestData.Blobs(4, 8, (0, 3000, 0), (1, 400, 1));
        ResampleResult one = new Smote(new SmoteOptions { MaxDegreeOfParallelism = 1 }).FitResample(features, labels, seed: 9);
        ResampleResult two = new Smote(new SmoteOptions { MaxDegreeOfParallelism = 2 }).FitResample(features, labels, seed: 9);
        ResampleResult other = new Smote(new SmoteOptions { MaxDegreeOfParallelism = 2 }).FitResample(features, labels, seed: 10);
        Assert.Equal(one.Features.Values, two.Features.Values);
        Assert.NotEqual(one.Features.Values, other.Features.Values);
    }

    [Fact]
    public void ClassTooSmallForK_ErrorNamesClassRowsAndK()
    {
        var (features, labels) = SamplerTestData.Blobs(5, 2, (0, 50, 0), (1, 4, 1));
        var error = Assert.Throws<OptionException>(() => new Smote().FitResample(features, labels, seed: 0));
        Assert.Contains("Class 1 has 4 rows but KNeighbors = 5 needs at least 6", error.Message);

        // k = class size − 1 is the largest that works.
        var (ok, okLabels) = SamplerTestData.Blobs(5, 2, (0, 50, 0), (1, 6, 1));
        Assert.Equal(44, new Smote().FitResample(ok, okLabels, seed: 0).SyntheticRowCount);
    }

    [Fact]
    public void InvalidOptionsAndNonFiniteValuesAreRejected()
    {
        Assert.Throws<OptionException>(() => new Smote(new SmoteOptions { KNeighbors = 0 }));
        var (features, labels) = SamplerTestData.Blobs(6, 2, (0, 50, 0), (1, 10, 1));
        features[3, 1] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => new Smote().FitResample(features, labels, seed: 0));
        Assert.Contains("row 3, feature 1", error.Message);
    }
}
