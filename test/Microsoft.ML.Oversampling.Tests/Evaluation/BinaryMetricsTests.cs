using System.Text.Json;
using Microsoft.ML.Oversampling.Evaluation;
using Microsoft.ML.Oversampling.Tests.Fixtures;

namespace Microsoft.ML.Oversampling.Tests.Evaluation;

public class BinaryMetricsTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Load().EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryMetricMatchesScikitLearn(string caseName)
    {
        JsonElement c = Load().EnumerateArray().Single(e => e.GetProperty("name").GetString() == caseName);
        bool[] labels = c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();
        float[] scores = c.GetProperty("scores").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        float[] probabilities = scores.Select(s => (float)(1 / (1 + Math.Exp(-s)))).ToArray();
        bool[] predicted = scores.Select(s => s > 0).ToArray();

        BinaryClassificationMetrics metrics = BinaryMetricsCalculator.Compute(labels, scores, probabilities, predicted);

        foreach (JsonProperty expected in c.GetProperty("expected").EnumerateObject())
        {
            // Counting metrics are exact ratios; only the log-loss sees float32 probabilities (relative error ~1e-7).
            double tolerance = expected.Name == "LogLoss" ? 1e-6 : 1e-12;
            Assert.True(Math.Abs(expected.Value.GetDouble() - metrics.Get(expected.Name)) <= tolerance,
                $"{caseName} {expected.Name}: sklearn {expected.Value.GetDouble()}, ours {metrics.Get(expected.Name)}");
        }
    }

    [Fact]
    public void AucCountsTiesAsHalf()
    {
        // One positive and one negative with the same score: the only pair is a tie, AUC = 0.5.
        var m = BinaryMetricsCalculator.Compute([true, false], [0.3f, 0.3f], [0.5f, 0.5f], [true, true]);
        Assert.Equal(0.5, m.AreaUnderRocCurve);
        Assert.Equal(new ConfusionMatrix(1, 0, 1, 0), m.ConfusionMatrix);
    }

    [Fact]
    public void SingleClassOrEmptyInput_IsRejectedWithAClearMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => BinaryMetricsCalculator.Compute([true, true], [1f, 2f], [0.5f, 0.5f], [true, true]));
        Assert.Contains("single class", e.Message);
        Assert.Throws<ArgumentException>(() => BinaryMetricsCalculator.Compute([], [], [], []));
        var nan = Assert.Throws<ArgumentException>(() => BinaryMetricsCalculator.Compute([true, false], [float.NaN, 1f], [0.5f, 0.5f], [true, true]));
        Assert.Contains("row 0", nan.Message);
    }

    [Fact]
    public void CrossValidationSummaryUsesSampleStandardDeviation()
    {
        var s = new MetricStatistics([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), s.StandardDeviation, 12);
    }

    private static JsonElement Load() => JsonDocument.Parse(File.ReadAllText(FixturePath.Of("metrics_sklearn.json"))).RootElement;
}
