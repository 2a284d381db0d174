using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class RandomOverSamplerTests
{
    [Fact]
    public void PlainBootstrap_CopiesRowsOfTheSameClassToTheRequestedCounts()
    {
        var (features, labels) = SamplerTestData.Blobs(1, 3, (0, 120, 0), (1, 30, 2), (2, 12, -2));
        ResampleResult result = new RandomOverSampler().FitResample(features, labels, seed: 4);
        Assert.Equal("random", new RandomOverSampler().Name);
        Assert.Equal(new Dictionary<int, int> { [0] = 120, [1] = 120, [2] = 120 }, result.CountsAfter.ToDictionary());

        var rowsByClass = Enumerable.Range(0, labels.Length).ToLookup(i => labels[i], i => features.Row(i).ToArray());
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            float[] row = result.Features.Row(i).ToArray();
            Assert.Contains(rowsByClass[result.Labels[i]], source => source.SequenceEqual(row));
        }
    }

    [Fact]
    public void Shrinkage_AddsGaussianNoiseWithStdShrinkageTimesBandwidthTimesClassStd()
    {
        // Class rows 100 apart and a small shrinkage: each synthetic row's source is its nearest class row, and the
        // residual is the noise, N(0, (s·h·std_class)²) per feature. The sample std of N residuals has relative
        // standard error 1/√(2N); allow 6 of them.
        const int classSize = 20, majority = 2000;
        var features = new DenseMatrix(classSize + majority, 2);
        var labels = new int[classSize + majority];
        for (int i = 0; i < classSize; i++)
        {
            labels[i] = 1;
            features[i, 0] = 100 * i;
            features[i, 1] = -300 * (i % 5);
        }

        for (int i = classSize; i < labels.Length; i++)
        {
            features[i, 0] = 1e5f + i;
            features[i, 1] = 1e5f;
        }

        const double shrinkage = 0.01;
        ResampleResult result = new RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = shrinkage }).FitResample(features, labels, seed: 8);
        Assert.Equal(majority - classSize, result.SyntheticRowCount);
        IReadOnlyList<double> classStd = ColumnStatistics.Compute(features, Enumerable.Range(0, classSize).ToArray()).StandardDeviation;
        double bandwidth = Math.Pow(4.0 / ((2 + 2.0) * labels.Length), 1.0 / (2 + 4.0));

        var residuals = new List<double>[] { [], [] };
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            int source = Enumerable.Range(0, classSize).MinBy(r =>
                Math.Pow(result.Features[i, 0] - features[r, 0], 2) + Math.Pow(result.Features[i, 1] - features[r, 1], 2));
            residuals[0].Add(result.Features[i, 0] - features[source, 0]);
            residuals[1].Add(result.Features[i, 1] - features[source, 1]);
        }

        double tolerance = 6 / Math.Sqrt(2.0 * result.SyntheticRowCount);
        for (int j = 0; j < 2; j++)
        {
            double expected = shrinkage * bandwidth * classStd[j];
            double std = Math.Sqrt(residuals[j].Sum(r => r * r) / residuals[j].Count);
            Assert.InRange(std, expected * (1 - tolerance), expected * (1 + tolerance));
            Assert.InRange(residuals[j].Average(), -6 * expected / Math.Sqrt(residuals[j].Count), 6 * expected / Math.Sqrt(residuals[j].Count));
        }

        Assert.Throws<OptionException>(() => new RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = -1 }));
    }

    [Fact]
    public void ShrinkageNoiseIsCentredOnTheDrawnRow()
    {
        // A class whose rows are all identical: synthetic rows are that row plus noise of std s·h·std_class = 0.
        var features = new DenseMatrix(60, 1);
        var labels = new int[60];
        for (int i = 0; i < 10; i++)
        {
            labels[i] = 1;
            features[i, 0] = 5;
        }

        ResampleResult result = new RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = 2 }).FitResample(features, labels, seed: 1);
        Assert.All(Enumerable.Range(60, result.SyntheticRowCount), i => Assert.Equal(5f, result.Features[i, 0]));
    }
}
