using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class SamplingStrategyTests
{
    // Majority 3 (100 rows), minority 7 (10 rows); ties resolved toward the smaller label.
    private static readonly Dictionary<int, int> Multi = new() { [1] = 40, [3] = 100, [5] = 40, [7] = 10 };
    private static readonly Dictionary<int, int> Binary = new() { [0] = 90, [1] = 20 };

    [Fact]
    public void StringForms_GrowTheChosenClassesToTheMajorityCount()
    {
        Assert.Equal(new SortedDictionary<int, int> { [1] = 60, [5] = 60, [7] = 90 }, SamplingStrategy.Auto.Resolve(Multi));
        Assert.Equal(SamplingStrategy.Auto.Resolve(Multi), SamplingStrategy.NotMajority.Resolve(Multi));
        Assert.Equal(new SortedDictionary<int, int> { [7] = 90 }, SamplingStrategy.Minority.Resolve(Multi));
        Assert.Equal(new SortedDictionary<int, int> { [1] = 60, [3] = 0, [5] = 60 }, SamplingStrategy.NotMinority.Resolve(Multi));
        Assert.Equal(new SortedDictionary<int, int> { [1] = 60, [3] = 0, [5] = 60, [7] = 90 }, SamplingStrategy.All.Resolve(Multi));
    }

    [Fact]
    public void TiedCounts_FirstLabelIsTheMajorityAndTheMinority()
    {
        var tied = new Dictionary<int, int> { [4] = 50, [2] = 50, [9] = 5, [8] = 5 };
        Assert.Equal(new SortedDictionary<int, int> { [4] = 0, [8] = 45, [9] = 45 }, SamplingStrategy.Auto.Resolve(tied));
        Assert.Equal(new SortedDictionary<int, int> { [8] = 45 }, SamplingStrategy.Minority.Resolve(tied));
    }

    [Fact]
    public void Ratio_TruncatesMajorityTimesRatioMinusCount()
    {
        Assert.Equal(new SortedDictionary<int, int> { [1] = 25 }, SamplingStrategy.Ratio(0.5).Resolve(Binary));
        Assert.Equal(new SortedDictionary<int, int> { [1] = 13 }, SamplingStrategy.Ratio(0.37).Resolve(Binary)); // 33.3 − 20
        Assert.Equal(new SortedDictionary<int, int> { [1] = 70 }, SamplingStrategy.Ratio(1).Resolve(Binary));
    }

    [Fact]
    public void Ratio_Errors()
    {
        Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(0));
        Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(1.01));
        Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(double.NaN));
        Assert.Contains("binary", Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(0.5).Resolve(Multi)).Message);
        Assert.Contains("increase the ratio", Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(0.2).Resolve(Binary)).Message); // 18 − 20 < 0
        Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(2 / 9.0).Resolve(Binary)); // exactly 0 new rows: imbalanced-learn raises too
    }

    [Fact]
    public void Counts_AreFinalTotals_UnlistedClassesUntouched()
    {
        var strategy = SamplingStrategy.Counts(new Dictionary<int, int> { [7] = 10, [1] = 55 });
        Assert.Equal(new SortedDictionary<int, int> { [1] = 15, [7] = 0 }, strategy.Resolve(Multi));
    }

    [Fact]
    public void Counts_Errors()
    {
        Assert.Throws<OptionException>(() => SamplingStrategy.Counts(new Dictionary<int, int>()));
        Assert.Throws<OptionException>(() => SamplingStrategy.Counts(new Dictionary<int, int> { [1] = -1 }));
        Assert.Contains("which the data does not have", Assert.Throws<OptionException>(() => SamplingStrategy.Counts(new Dictionary<int, int> { [2] = 50 }).Resolve(Multi)).Message);
        Assert.Contains(
            "at least its current count",
            Assert.Throws<OptionException>(() => SamplingStrategy.Counts(new Dictionary<int, int> { [3] = 99 }).Resolve(Multi)).Message);
    }

    [Fact]
    public void SingleClass_IsRejected() =>
        Assert.Throws<ArgumentException>(() => SamplingStrategy.Auto.Resolve(new Dictionary<int, int> { [1] = 10 }));

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("Not-Majority", "auto")]
    [InlineData("minority", "minority")]
    [InlineData("not_minority", "not minority")]
    [InlineData(" ALL ", "all")]
    [InlineData("0.75", "0.75")]
    [InlineData("1:300, 2:400", "1:300,2:400")]
    public void Parse_AcceptsEveryFormAndRoundTrips(string text, string canonical)
    {
        SamplingStrategy parsed = SamplingStrategy.Parse(text);
        Assert.Equal(canonical, parsed.ToString());
        Assert.Equal(canonical, SamplingStrategy.Parse(parsed.ToString()).ToString());
    }

    [Theory]
    [InlineData("majority", typeof(OptionException))]
    [InlineData("most", typeof(FormatException))]
    [InlineData("1:2:3", typeof(FormatException))]
    [InlineData("1:10,1:20", typeof(FormatException))]
    [InlineData("1.5", typeof(OptionException))]
    public void Parse_RejectsInvalidText(string text, Type exception) =>
        Assert.Throws(exception, () => SamplingStrategy.Parse(text));
}
