using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Tests.Mixup;

/// <summary>The long-tail profiles and subsets of papers.md §4.8.</summary>
public sealed class MixupLongTailTests
{
    [Fact]
    public void ExponentialCounts_EqualTheSpecsCifar10AndSvhnRows()
    {
        Assert.Equal([5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50], LongTail.Counts(5000, 10, 100, LongTailProfile.Exponential));
        Assert.Equal([1000, 599, 359, 215, 129, 77, 46, 27, 16, 10], LongTail.Counts(1000, 10, 100, LongTailProfile.Exponential));
    }

    [Theory]
    // §4.8's table: n_max, classes, ρ, total (and smallest class where the table gives it).
    [InlineData(5000, 10, 100, 12406, 50)]
    [InlineData(5000, 10, 10, 20431, 500)]
    [InlineData(5000, 10, 200, 11203, 25)]
    [InlineData(500, 100, 100, 10847, 5)]
    [InlineData(500, 100, 10, 19573, 50)]
    [InlineData(500, 100, 200, 9502, 2)]
    [InlineData(1000, 10, 100, 2478, 10)]
    [InlineData(1000, 10, 10, 4084, 100)]
    [InlineData(1000, 10, 200, 2238, 5)]
    [InlineData(9000, 10, 100, 22332, 90)]
    [InlineData(9000, 10, 10, 36779, 900)]
    [InlineData(9000, 10, 200, 20168, 45)]
    [InlineData(500, 200, 100, 21549, 5)]
    [InlineData(500, 200, 10, 39072, 50)]
    [InlineData(500, 200, 200, 18836, 2)]
    public void ExponentialTotals_EqualTheSpecsTable(int largest, int classes, double ratio, int total, int smallest)
    {
        int[] counts = LongTail.Counts(largest, classes, ratio, LongTailProfile.Exponential);
        Assert.Equal(total, counts.Sum());
        Assert.Equal(largest, counts[0]);
        Assert.Equal(smallest, counts[^1]);
    }

    [Fact]
    public void StepCounts_KeepTheFirstHalfWhole_AndCutTheRestToNmaxOverRho()
    {
        Assert.Equal([6000, 6000, 6000, 6000, 6000, 60, 60, 60, 60, 60], LongTail.Counts(6000, 10, 100, LongTailProfile.Step));
        Assert.Equal([500, 500, 500, 5, 5, 5, 5], LongTail.Counts(500, 7, 100, LongTailProfile.Step));
    }

    [Fact]
    public void Subsample_KeepsTheCounts_FromAFixedShuffle_WhateverTheTrainingSeed()
    {
        int[] labels = [.. Enumerable.Range(0, 300).Select(i => i % 3)];
        int[] counts = [100, 30, 7];
        int[] rows = LongTail.Subsample(labels, counts);
        Assert.Equal(counts, Enumerable.Range(0, 3).Select(c => rows.Count(r => labels[r] == c)).ToArray());
        Assert.Equal(rows.Length, rows.Distinct().Count());
        Assert.True(rows.SequenceEqual(rows.Order()));
        Assert.Equal(rows, LongTail.Subsample(labels, counts));
        Assert.Equal(rows, LongTail.Subsample(labels, counts, seed: 0));
        Assert.NotEqual(rows, LongTail.Subsample(labels, counts, seed: 1));
    }

    [Fact]
    public void Counts_RefuseARatioThatLeavesAClassWithNoRows()
    {
        var error = Assert.Throws<ArgumentException>(() => LongTail.Counts(50, 10, 100, LongTailProfile.Exponential));
        Assert.Contains("Class 8 would keep 0 of 50 rows at ρ = 100", error.Message);
        Assert.Contains("ρ must be at most 50", error.Message);
        Assert.Throws<ArgumentException>(() => LongTail.Counts(50, 4, 51, LongTailProfile.Step));
        Assert.Throws<ArgumentOutOfRangeException>(() => LongTail.Counts(50, 4, 0.5, LongTailProfile.Step));
    }

    [Fact]
    public void Subsample_RefusesAClassWithTooFewRows_NamingIt()
    {
        // Class 2 has no rows in the pool, so the long-tailed subset would have a class with 0 rows.
        int[] labels = [0, 0, 0, 1, 1, 0];
        var error = Assert.Throws<ArgumentException>(() => LongTail.Subsample(labels, [2, 1, 1]));
        Assert.Contains("Class 2 has 0 rows; the long-tailed subset asks for 1", error.Message);
        Assert.Throws<ArgumentException>(() => LongTail.Subsample([0, 3], [1, 1]));
    }
}
