using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.Neighbors;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class SmoteNcTests
{
    /// <summary>Features 0 and 2 continuous, 1 and 3 categorical (codes 0..2 and 10..11).</summary>
    private static (DenseMatrix Features, int[] Labels) MixedData()
    {
        var (features, labels) = SamplerTestData.Blobs(31, 4, (0, 200, 0), (1, 40, 1));
        var random = new DeterministicRandom(8);
        for (int i = 0; i < labels.Length; i++)
        {
            features[i, 1] = random.NextInt(3);
            features[i, 3] = 10 + random.NextInt(2);
        }

        return (features, labels);
    }

    [Fact]
    public void EncodingMakesEachCategoryMismatchAddTheMedianStd()
    {
        var (features, labels) = MixedData();
        var sampler = new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [3, 1] });
        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1).ToArray();
        DenseMatrix encoded = sampler.Encode(features, rows, out double medianStd);

        double[] std = [.. ColumnStatistics.Compute(features, rows).StandardDeviation];
        Assert.Equal((std[0] + std[2]) / 2, medianStd, 12);
        for (int a = 0; a < 10; a++)
        {
            for (int b = 0; b < 10; b++)
            {
                double continuous = Math.Pow(features[rows[a], 0] - features[rows[b], 0], 2) + Math.Pow(features[rows[a], 2] - features[rows[b], 2], 2);
                int mismatches = (features[rows[a], 1] != features[rows[b], 1] ? 1 : 0) + (features[rows[a], 3] != features[rows[b], 3] ? 1 : 0);
                double expected = continuous + (mismatches * medianStd * medianStd);
                double actual = Enumerable.Range(0, encoded.Columns).Sum(j => Math.Pow(encoded[a, j] - encoded[b, j], 2));
                Assert.Equal(expected, actual, 4);
            }
        }
    }

    [Fact]
    public void ContinuousPartInterpolates_CategoriesAreTheNeighboursMostFrequent()
    {
        var (features, labels) = MixedData();
        var sampler = new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [1, 3] });
        Assert.Equal("smotenc", sampler.Name);
        ResampleResult result = sampler.FitResample(features, labels, seed: 6);
        Assert.Equal(200, result.CountsAfter[1]);

        int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1).ToArray();
        DenseMatrix encoded = sampler.Encode(features, rows, out _);
        var (neighbors, _) = BruteForceNeighbors.Search(encoded, encoded, 5, q => q);
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            float[] point = [result.Features[i, 0], result.Features[i, 2]];
            bool explained = Enumerable.Range(0, rows.Length).Any(b => Enumerable.Range(0, 5).Any(n =>
            {
                int target = rows[neighbors[(b * 5) + n]];
                float[] from = [features[rows[b], 0], features[rows[b], 2]];
                float[] to = [features[target, 0], features[target, 2]];
                return SamplerTestData.OnSegment(point, from, to) && IsMode(1, b) && IsMode(3, b);
            }));
            Assert.True(explained, $"row {i}: no base row explains both its continuous part and its categories");

            bool IsMode(int feature, int basePosition)
            {
                var votes = Enumerable.Range(0, 5).Select(n => features[rows[neighbors[(basePosition * 5) + n]], feature])
                    .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
                return votes.TryGetValue(result.Features[i, feature], out int count) && count == votes.Values.Max();
            }
        }
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreads()
    {
        var (features, labels) = MixedData();
        ResampleResult one = new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [1, 3], MaxDegreeOfParallelism = 1 }).FitResample(features, labels, 2);
        ResampleResult two = new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [1, 3], MaxDegreeOfParallelism = 2 }).FitResample(features, labels, 2);
        Assert.Equal(one.Features.Values, two.Features.Values);
    }

    [Fact]
    public void CategoricalFeatureErrors()
    {
        var (features, labels) = MixedData();
        Assert.Contains("at least one categorical", Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions())).Message);
        Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [1, 1] }));
        Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [-1] }));
        Assert.Contains(
            "out of range",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [4] }).FitResample(features, labels, 0)).Message);
        Assert.Contains(
            "All 4 features are categorical",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [0, 1, 2, 3] }).FitResample(features, labels, 0)).Message);
    }

    private static readonly string[] Names = ["age", "colour", "income", "region"];

    [Fact]
    public void CategoricalFeatureNames_GiveTheSameRowsAsIndices()
    {
        var (features, labels) = MixedData();
        ResampleResult byIndex = new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [1, 3] }).FitResample(features, labels, 5);
        ResampleResult byName = new SmoteNc(new SmoteNcOptions { CategoricalFeatureNames = ["region", "colour"], FeatureNames = Names })
            .FitResample(features, labels, 5);
        ResampleResult mixed = new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [3], CategoricalFeatureNames = ["colour", "region"], FeatureNames = Names })
            .FitResample(features, labels, 5);
        Assert.Equal(byIndex.Features.Values, byName.Features.Values);

        // Names set after the sampler is created, as a pipeline does once it knows its feature names.
        var late = new SmoteNcOptions { CategoricalFeatureNames = ["colour", "region"] };
        var lateSampler = new SmoteNc(late);
        late.FeatureNames = Names;
        Assert.Equal(byIndex.Features.Values, lateSampler.FitResample(features, labels, 5).Features.Values);
        Assert.Equal(byIndex.Features.Values, mixed.Features.Values);
        Assert.Equal([1, 3], new SmoteNcOptions { CategoricalFeatures = [3], CategoricalFeatureNames = ["colour"], FeatureNames = Names }.ResolveCategoricalFeatures());
    }

    [Fact]
    public void CategoricalFeatureNames_Errors()
    {
        var unknown = Assert.Throws<OptionException>(() =>
            new SmoteNc(new SmoteNcOptions { CategoricalFeatureNames = ["Colour"], FeatureNames = Names }));
        Assert.Equal("CategoricalFeatureNames has 'Colour', which is not a feature name; the features are age, colour, income, region.", unknown.Message);
        Assert.Equal(nameof(SmoteNcOptions.CategoricalFeatureNames), unknown.OptionName);

        var (features, labels) = MixedData();
        var noNames = Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatureNames = ["colour"] }).FitResample(features, labels, 0));
        Assert.Equal("CategoricalFeatureNames (colour) needs FeatureNames, the name of each feature in column order, to resolve against.", noNames.Message);
        Assert.Equal(nameof(SmoteNcOptions.FeatureNames), noNames.OptionName);

        var wrongCount = Assert.Throws<OptionException>(() =>
            new SmoteNc(new SmoteNcOptions { CategoricalFeatureNames = ["colour"], FeatureNames = Names[..3] }).FitResample(features, labels, 0));
        Assert.Equal("FeatureNames has 3 names but the data has 4 features.", wrongCount.Message);
    }
}
