using System.Text.Json;
using Microsoft.ML.Oversampling.Evaluation;
using Microsoft.ML.Oversampling.Tests.Fixtures;

namespace Microsoft.ML.Oversampling.Tests.Evaluation;

public class WilcoxonSignedRankTests
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
    public void MatchesScipy(string caseName)
    {
        JsonElement c = Load().EnumerateArray().Single(e => e.GetProperty("name").GetString() == caseName);
        double[] x = c.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] y = c.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        WilcoxonResult result = WilcoxonSignedRankTest.Test(x, y);
        Assert.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic, 9);
        // Exact p-values are sums of integers over 2^n; the normal approximation uses an erfc accurate to ~1e-7.
        Assert.Equal(c.GetProperty("pvalue").GetDouble(), result.PValue, 6);
    }

    [Fact]
    public void AllZeroDifferences_AreRejected()
    {
        Assert.Contains("zero", Assert.Throws<ArgumentException>(() => WilcoxonSignedRankTest.Test([1.0, 2.0], [1.0, 2.0])).Message);
    }

    private static JsonElement Load() => JsonDocument.Parse(File.ReadAllText(FixturePath.Of("wilcoxon_scipy.json"))).RootElement;
}
