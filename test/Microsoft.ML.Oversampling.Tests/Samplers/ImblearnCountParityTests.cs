using System.Text.Json;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

/// <summary>
/// Class counts after resampling equal imbalanced-learn 0.10's, for every sampler and sampling-strategy form, on the
/// fixture made by <c>Fixtures/make_imblearn_counts.py</c> (ADASYN included: its rounded per-row counts make the
/// totals differ from the request, identically).
/// </summary>
public class ImblearnCountParityTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", "imblearn_counts.json")));
        foreach (JsonElement c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("dataset").GetString()!, c.GetProperty("strategy").GetString()!, c.GetProperty("sampler").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CountsAfterResamplingEqualImbalancedLearns(string dataset, string strategy, string sampler)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", "imblearn_counts.json")));
        JsonElement expected = json.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("dataset").GetString() == dataset && c.GetProperty("strategy").GetString() == strategy && c.GetProperty("sampler").GetString() == sampler)
            .GetProperty("counts");

        var (features, labels) = SamplerTestData.ReadCsv(Path.Combine("Fixtures", "imblearn_counts.csv"));
        if (dataset == "binary")
        {
            int[] keep = Enumerable.Range(0, labels.Length).Where(i => labels[i] != 2).ToArray();
            features = features.SelectRows(keep);
            labels = keep.Select(i => labels[i]).ToArray();
        }

        SamplingStrategy parsed = SamplingStrategy.Parse(strategy);
        Oversampler oversampler = sampler switch
        {
            "random" => new RandomOverSampler(new RandomOverSamplerOptions { SamplingStrategy = parsed }),
            "smote" => new Smote(new SmoteOptions { SamplingStrategy = parsed }),
            "borderline" => new BorderlineSmote(new BorderlineSmoteOptions { SamplingStrategy = parsed }),
            "adasyn" => new Adasyn(new AdasynOptions { SamplingStrategy = parsed }),
            _ => throw new ArgumentException(sampler),
        };

        ResampleResult result = oversampler.FitResample(features, labels, seed: 0);
        var actual = result.CountsAfter.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value);
        var wanted = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(wanted.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
    }
}
