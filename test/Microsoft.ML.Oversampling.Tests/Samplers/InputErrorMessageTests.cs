using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

/// <summary>
/// Bad input gives one sentence naming the option as users set it, the class, the counts, or the cell at fault, with
/// none of .NET's " (Parameter '…')" or "Actual value was …" text.
/// </summary>
public class InputErrorMessageTests
{
    private static (DenseMatrix Features, int[] Labels) Data(int majority = 50, int minority = 10) =>
        SamplerTestData.Blobs(6, 2, (0, majority, 0), (1, minority, 1));

    private static void AssertMessage(string expected, Exception error)
    {
        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
        Assert.DoesNotContain("Actual value", error.Message);
    }

    private static void AssertOption(string option, string expected, OptionException error)
    {
        AssertMessage(expected, error);
        Assert.Equal(option, error.OptionName);
        Assert.Equal(option, error.ParamName);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void NonFiniteCell_NamesRowAndFeature(float value, string shown)
    {
        var (features, labels) = Data();
        features[7, 1] = value;
        AssertMessage(
            $"The value at row 7, feature 1 (both counted from 0) is {shown}; oversamplers need finite values, so impute or drop missing values first.",
            Assert.Throws<ArgumentException>(() => new Smote().FitResample(features, labels, 0)));
    }

    [Fact]
    public void SingleClass_NamesTheClass()
    {
        var (features, _) = Data();
        int[] labels = [.. Enumerable.Repeat(4, features.Rows)];
        AssertMessage(
            "The label needs at least 2 classes to oversample, but all 60 rows are class 4.",
            Assert.Throws<ArgumentException>(() => new Smote().FitResample(features, labels, 0)));
    }

    [Fact]
    public void EmptyDataAndLabelCountMismatch()
    {
        AssertMessage(
            "The data has no rows; oversamplers need at least one.",
            Assert.Throws<ArgumentException>(() => new Smote().FitResample(new DenseMatrix(0, 2), [], 0)));
        var (features, labels) = Data();
        AssertMessage(
            "There are 59 labels for 60 feature rows; give one label per row.",
            Assert.Throws<ArgumentException>(() => new Smote().FitResample(features, labels[1..], 0)));
    }

    [Fact]
    public void ClassTooSmallForK_ImbalancedLearnStyle()
    {
        var (features, labels) = Data(minority: 3);
        AssertOption(
            "KNeighbors",
            "Class 1 has 3 rows but KNeighbors = 5 needs at least 6 (each row and its 5 nearest same-class neighbours); lower KNeighbors or use random oversampling for this class.",
            Assert.Throws<OptionException>(() => new Smote().FitResample(features, labels, 0)));
        AssertOption(
            "NNeighbors",
            "Class 1 has 3 rows but NNeighbors = 5 needs at least 6 (each row and its 5 nearest same-class neighbours); lower NNeighbors or use random oversampling for this class.",
            Assert.Throws<OptionException>(() => new Adasyn().FitResample(features, labels, 0)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveK_IsRefusedWhenTheSamplerIsCreated(int k)
    {
        string expected = $"KNeighbors must be at least 1, but it is {k}.";
        AssertOption("KNeighbors", expected, Assert.Throws<OptionException>(() => new Smote(new SmoteOptions { KNeighbors = k })));
        AssertOption("KNeighbors", expected, Assert.Throws<OptionException>(() => new BorderlineSmote(new BorderlineSmoteOptions { KNeighbors = k })));
        AssertOption("KNeighbors", expected, Assert.Throws<OptionException>(() => new SvmSmote(new SvmSmoteOptions { KNeighbors = k })));
        AssertOption("KNeighbors", expected, Assert.Throws<OptionException>(() => new KMeansSmote(new KMeansSmoteOptions { KNeighbors = k })));
        AssertOption("KNeighbors", expected, Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { KNeighbors = k, CategoricalFeatures = [0] })));
    }

    [Fact]
    public void OtherOptionRanges_NameOptionAndValue()
    {
        AssertOption("C", "C must be a finite number above 0, but it is -1.", Assert.Throws<OptionException>(() => new SvmSmote(new SvmSmoteOptions { C = -1 })));
        AssertOption("Shrinkage", "Shrinkage must be a finite number of 0 or more, but it is NaN.",
            Assert.Throws<OptionException>(() => new RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = double.NaN })));
        AssertOption("ClusterBalanceThreshold", "ClusterBalanceThreshold must be between 0 and 1, but it is 1.5.",
            Assert.Throws<OptionException>(() => new KMeansSmote(new KMeansSmoteOptions { ClusterBalanceThreshold = 1.5 })));
        AssertOption("Kind", "Kind must be one of Borderline1, Borderline2, but it is 7.",
            Assert.Throws<OptionException>(() => new BorderlineSmote(new BorderlineSmoteOptions { Kind = (BorderlineKind)7 })));
        AssertOption("MaxDegreeOfParallelism", "MaxDegreeOfParallelism must be at least 1, but it is 0.",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [0], MaxDegreeOfParallelism = 0 })));
        AssertOption("SamplingStrategy", "SamplingStrategy must be set; use SamplingStrategy.Auto for imbalanced-learn's default.",
            Assert.Throws<OptionException>(() => new Smote(new SmoteOptions { SamplingStrategy = null! })));
    }

    [Fact]
    public void InvalidSamplingStrategies_NameTheClassesAndCounts()
    {
        var (features, labels) = Data();
        AssertOption(
            "SamplingStrategy",
            "The SamplingStrategy ratio 0.1 asks for no new rows of class 1 (10 rows, majority 50), since oversampling cannot remove rows; increase the ratio above the current 0.2.",
            Assert.Throws<OptionException>(() => new Smote(new SmoteOptions { SamplingStrategy = SamplingStrategy.Ratio(0.1) }).FitResample(features, labels, 0)));
        AssertOption(
            "SamplingStrategy",
            "SamplingStrategy names class(es) 5, which the data does not have (its classes are 0, 1).",
            Assert.Throws<OptionException>(() => new Smote(new SmoteOptions { SamplingStrategy = SamplingStrategy.Parse("1:60,5:70") }).FitResample(features, labels, 0)));
        AssertOption(
            "SamplingStrategy",
            "Class 1 has 10 rows but SamplingStrategy asks for a total of 8; oversampling cannot remove rows, so a class's total must be at least its current count.",
            Assert.Throws<OptionException>(() => new Smote(new SmoteOptions { SamplingStrategy = SamplingStrategy.Parse("1:8") }).FitResample(features, labels, 0)));
        AssertOption(
            "SamplingStrategy",
            "A SamplingStrategy ratio is the minority/majority ratio after resampling and must be in (0, 1], but it is 1.5.",
            Assert.Throws<OptionException>(() => SamplingStrategy.Ratio(1.5)));
    }

    [Fact]
    public void SmoteNcCategoricalFeatures_OutOfRangeAllOrNone()
    {
        var (features, labels) = Data();
        AssertOption(
            "CategoricalFeatures",
            "Categorical feature index 2 is out of range: the data has 2 features (indices 0 to 1).",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [2] }).FitResample(features, labels, 0)));
        AssertOption(
            "CategoricalFeatures",
            "All 2 features are categorical, but SMOTE-NC needs at least one continuous feature.",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [0, 1] }).FitResample(features, labels, 0)));
        AssertOption(
            "CategoricalFeatures",
            "SMOTE-NC needs at least one categorical feature in CategoricalFeatures or CategoricalFeatureNames; for continuous-only data use SMOTE.",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions())));
        AssertOption(
            "CategoricalFeatures",
            "CategoricalFeatures must be distinct feature indices of 0 or more, but it is 1, -1.",
            Assert.Throws<OptionException>(() => new SmoteNc(new SmoteNcOptions { CategoricalFeatures = [1, -1] })));
    }
}
