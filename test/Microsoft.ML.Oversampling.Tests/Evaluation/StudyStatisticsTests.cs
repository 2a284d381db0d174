using Microsoft.ML.Oversampling.Evaluation;

namespace Microsoft.ML.Oversampling.Tests.Evaluation;

/// <summary>The study's statistics against examples worked by hand.</summary>
public class StudyStatisticsTests
{
    [Fact]
    public void Wilcoxon_ExactCase_MatchesHandCount()
    {
        // d = 1, −2, 3, 4, 5: ranks 1..5, W⁺ = 13, W⁻ = 2. Subsets of {1..5} summing to ≤ 2: {}, {1}, {2}, so
        // P(W ≤ 2) = 3/32 and the two-sided p = 6/32.
        WilcoxonResult result = WilcoxonSignedRankTest.Test([2.0, 3, 6, 9, 10], [1.0, 5, 3, 5, 5]);
        Assert.Equal(2, result.Statistic);
        Assert.True(result.Exact);
        Assert.Equal(6.0 / 32, result.PValue, 12);
    }

    [Fact]
    public void Wilcoxon_TiedCase_UsesTieCorrectedNormalApproximation()
    {
        // d = 1, 1, −2, 3: ranks 1.5, 1.5, 3, 4, W⁻ = 3; mean 5, variance 4·5·9/24 − (2³ − 2)/48 = 7.375,
        // z = −2/√7.375 = −0.736460, p = 2Φ(z) = 0.461451.
        WilcoxonResult result = WilcoxonSignedRankTest.Test([1.0, 1, 0, 3], [0.0, 0, 2, 0]);
        Assert.Equal(3, result.Statistic);
        Assert.False(result.Exact);
        Assert.Equal(0.461451, result.PValue, 5);
    }

    [Fact]
    public void Wilcoxon_DropsZeroDifferences()
    {
        // The pair (4, 4) is dropped, leaving the exact case above.
        WilcoxonResult result = WilcoxonSignedRankTest.Test([2.0, 3, 4, 6, 9, 10], [1.0, 5, 4, 3, 5, 5]);
        Assert.Equal(5, result.NonZeroPairs);
        Assert.Equal(6.0 / 32, result.PValue, 12);
    }

    [Fact]
    public void TiedRanks_AverageTiesAndCountCorrection()
    {
        double[] ranks = TiedRanks.Average([3.0, 1, 3, 2], out double correction);
        Assert.Equal([3.5, 1, 3.5, 2], ranks);
        Assert.Equal(6, correction);
    }

    [Fact]
    public void AverageRanks_BestIsOne_TiesShared()
    {
        double[] ranks = MethodRanking.AverageRanks([[0.9, 0.8, 0.7], [0.5, 0.6, 0.6]]);
        Assert.Equal([2.0, 1.75, 2.25], ranks);
    }

    [Fact]
    public void AverageRanks_RejectsRaggedRows()
    {
        Assert.Throws<ArgumentException>(() => MethodRanking.AverageRanks([[0.9, 0.8], [0.5]]));
    }

    [Fact]
    public void MacroScores_AverageBothClasses()
    {
        // Class 1: 3 true, 4 called, 3 hit → P 0.75, R 1, F1 6/7. Class 0: 5 true, 4 called, 4 hit → P 1, R 0.8, F1 8/9.
        MacroScores s = MacroScores.Of([1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 1, 1, 0, 0, 0, 0]);
        Assert.Equal(0.875, s.Precision, 12);
        Assert.Equal(0.9, s.Recall, 12);
        Assert.Equal(((6.0 / 7) + (8.0 / 9)) / 2, s.F1, 12);
        Assert.Equal(0.9, s.BalancedAccuracy, 12);
    }

    [Fact]
    public void MacroScores_ClassNeverPredicted_CountsZero()
    {
        // Class 1 is never called: its precision, recall and F1 are 0; class 0 has P 2/3, R 1, F1 0.8.
        MacroScores s = MacroScores.Of([0, 0, 1], [0, 0, 0]);
        Assert.Equal(1.0 / 3, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(0.4, s.F1, 12);
        Assert.Equal(0.5, s.BalancedAccuracy, 12);
    }

    [Fact]
    public void MacroScores_RejectsNonBinaryLabels()
    {
        Assert.Throws<ArgumentException>(() => MacroScores.Of([0, 2], [0, 1]));
    }
}
