using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Pipeline.Training;
using Microsoft.ML.Oversampling.Samplers.Deep;
using Microsoft.ML.Oversampling.Tests.Persistence;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Tests.Samplers.Deep;

/// <summary>The deep oversamplers as pipeline steps: training-only, saved with their generators, generating after loading.</summary>
public class DeepOversamplerPipelineTests
{
    private static OversamplingEstimator Sampler(OversamplingContext ctx, string method) => method switch
    {
        "deep-smote" => ctx.Transforms.Oversampling.DeepSmote(new DeepSmoteOptions { MaxEpochs = 3 }),
        "deep-smote-residual" => ctx.Transforms.Oversampling.DeepSmote(new DeepSmoteOptions { MaxEpochs = 3, ResidualMidpoint = true }),
        "da-smote" => ctx.Transforms.Oversampling.DaSmote(new DaSmoteOptions { MaxEpochs = 3, AdversarialIterations = 30, NoiseDimension = 2 }),
        _ => ctx.Transforms.Oversampling.Gan(new GanOptions { Iterations = 30 }),
    };

    [Theory]
    [InlineData("deep-smote")]
    [InlineData("deep-smote-residual")]
    [InlineData("da-smote")]
    [InlineData("gan")]
    public void SavedPipelinePredictsIdentically_AndItsLoadedGeneratorGeneratesTheSameRows(string method)
    {
        var ctx = new OversamplingContext(seed: 4);
        DataView data = ctx.Data.LoadEmbedded("glass2");
        var model = ctx.Transforms.NormalizeMeanVariance()
            .Append(Sampler(ctx, method))
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression())
            .Fit(data);

        var loaded = Assert.IsType<TransformerChain<BinaryPredictionTransformer<LinearBinaryModel>>>(ModelFiles.RoundTrip(ctx, model));

        ModelFiles.AssertSamePredictions(model, loaded, data);
        var fittedStep = Assert.IsType<OversamplingTransformer>(model.Transformers[1]);
        var loadedStep = Assert.IsType<OversamplingTransformer>(loaded.Transformers[1]);
        Assert.Equal(method.Replace("-residual", string.Empty), loadedStep.Sampler.Name);
        Assert.Same(data, loadedStep.Transform(data)); // training-only: scoring data passes through untouched
        DenseMatrix before = fittedStep.Generate(50, seed: 9);
        DenseMatrix after = loadedStep.Generate(50, seed: 9);
        Assert.Equal(before.Values, after.Values);
        Assert.Equal(data.Schema["Features"].Type.VectorSize, after.Columns);
    }

    [Fact]
    public void GeneratorReplaysTheSyntheticRowsTheFitAppended()
    {
        var ctx = new OversamplingContext(seed: 6);
        DataView data = ctx.Data.LoadEmbedded("glass2");
        OversamplingTransformer fitted = Sampler(ctx, "deep-smote").Fit(data);
        int original = data.RowCount;
        DenseMatrix resampled = fitted.ResampledData!.GetFeatureMatrix("Features");

        DenseMatrix replay = fitted.Generate(resampled.Rows - original, fitted.Seed);

        Assert.Equal(resampled.Values.AsSpan(original * resampled.Columns).ToArray(), replay.Values);
    }

    [Fact]
    public void ClassicSamplersHaveNoGenerator_AndSayWhichMethodsDo()
    {
        var ctx = new OversamplingContext(seed: 6);
        OversamplingTransformer fitted = ctx.Transforms.Oversampling.Smote().Fit(ctx.Data.LoadEmbedded("glass2"));

        Assert.Null(fitted.Generator);
        var error = Assert.Throws<InvalidOperationException>(() => fitted.Generate(5, 1));
        Assert.Contains("deep-smote, da-smote, gan", error.Message);
    }

    [Fact]
    public void CorruptGeneratorNetworkInAModelFile_IsReportedByName()
    {
        var ctx = new OversamplingContext(seed: 4);
        OversamplingTransformer fitted = Sampler(ctx, "deep-smote").Fit(ctx.Data.LoadEmbedded("glass2"));
        var entries = ModelFiles.ReadEntries(ModelFiles.SaveToBytes(ctx, fitted));
        var manifest = JsonNode.Parse(entries["manifest.json"])!.AsObject();
        JsonObject generator = manifest.Descendants().Single(o => (string?)o["type"] == PairGenerator.TypeName);
        generator["options"]!["network.inputs"] = 3;
        entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => ModelFiles.LoadFromBytes(ctx, ModelFiles.WriteEntries(entries)));

        Assert.Contains("PairGenerator", error.Message);
        Assert.Contains("network", error.Message);
    }
}

internal static class JsonNodeExtensions
{
    public static IEnumerable<JsonObject> Descendants(this JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).Where(v => v is not null).SelectMany(v => v!.Descendants()).Prepend(o),
        JsonArray a => a.Where(v => v is not null).SelectMany(v => v!.Descendants()),
        _ => [],
    };
}
