using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class OptionsBinderTests
{
    [Theory]
    [InlineData("KNeighbors", "abc", "KNeighbors must be a whole number from -2147483648 to 2147483647, but it is 'abc'.")]
    [InlineData("KNeighbors", "99999999999", "KNeighbors must be a whole number from -2147483648 to 2147483647, but it is '99999999999'.")]
    [InlineData("MaxDegreeOfParallelism", "two", "MaxDegreeOfParallelism must be a whole number from -2147483648 to 2147483647 (or null), but it is 'two'.")]
    [InlineData("CategoricalFeatures", "1,x", "CategoricalFeatures must be comma-separated whole numbers such as 1,3, but it is '1,x'.")]
    [InlineData("SamplingStrategy", "most", "Unknown SamplingStrategy 'most'; use auto, not majority, minority, not minority, all, a ratio in (0, 1], or class:total pairs such as 1:300,2:400.")]
    [InlineData("SamplingStrategy", "2", "A SamplingStrategy ratio is the minority/majority ratio after resampling and must be in (0, 1], but it is 2.")]
    public void UnparsableValues_GiveOneSentenceNamingTheOption(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionException>(() => OptionsBinder.Set(new SmoteNcOptions(), key, value));
        Assert.Equal(expected, error.Message);
        Assert.Equal(key, error.OptionName);
        Assert.DoesNotContain("System.", error.Message);
    }

    [Fact]
    public void UnknownKey_ListsTheOptions()
    {
        var error = Assert.Throws<ArgumentException>(() => OptionsBinder.Set(new SmoteOptions(), "k", "3"));
        Assert.StartsWith("SmoteOptions has no option 'k'; its options are ", error.Message);
        Assert.Contains("KNeighbors", error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public void EnumsBoolsAndNumbers_SayWhatTheyExpect()
    {
        Assert.Equal(
            "Kind must be one of Borderline1, Borderline2, but it is '3'.",
            Assert.Throws<OptionException>(() => OptionsBinder.Set(new BorderlineSmoteOptions(), "kind", "3")).Message);
        Assert.Equal(
            "StrictClusterBalanceThreshold must be true or false, but it is 'yes'.",
            Assert.Throws<OptionException>(() => OptionsBinder.Set(new KMeansSmoteOptions(), "StrictClusterBalanceThreshold", "yes")).Message);
        Assert.Equal(
            "ClusterBalanceThreshold must be a number such as 0.5 (or null), but it is 'half'.",
            Assert.Throws<OptionException>(() => OptionsBinder.Set(new KMeansSmoteOptions(), "ClusterBalanceThreshold", "half")).Message);
    }

    [Fact]
    public void StringListsAndEnums_RoundTripThroughDescribe()
    {
        var options = new SmoteNcOptions();
        OptionsBinder.Apply(options, ["CategoricalFeatureNames=colour, region", "FeatureNames=age,colour,income,region", "KNeighbors=3"]);
        Assert.Equal(["colour", "region"], options.CategoricalFeatureNames);
        Assert.Equal([1, 3], options.ResolveCategoricalFeatures());

        IReadOnlyDictionary<string, string> described = OptionsBinder.Describe(options);
        Assert.Equal("colour,region", described["CategoricalFeatureNames"]);
        var copy = new SmoteNcOptions();
        OptionsBinder.Apply(copy, described.Select(kv => $"{kv.Key}={kv.Value}"));
        Assert.Equal(options.FeatureNames, copy.FeatureNames);
        Assert.Equal(3, copy.KNeighbors);

        var borderline = new BorderlineSmoteOptions();
        OptionsBinder.Set(borderline, "kind", "borderline2");
        Assert.Equal(BorderlineKind.Borderline2, borderline.Kind);
    }
}
