using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Pipeline.Training;
using Microsoft.ML.Oversampling.Pipeline.Transforms;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Tests.Persistence;

/// <summary>Every component round-trips through a model zip with bit-identical predictions.</summary>
public class ModelRoundTripTests
{
    [Fact]
    public void Pipeline_NormalizeSamplerTrainer_RoundTrips_WithItsTypeAndBitIdenticalPredictions()
    {
        var ctx = new OversamplingContext(seed: 1);
        DataView data = ctx.Data.LoadEmbedded("pima");
        var model = ctx.Transforms.NormalizeMeanVariance()
            .Append(ctx.Transforms.Oversampling.RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = 0.5, SamplingStrategy = SamplingStrategy.Parse("0.8") }))
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression())
            .Fit(data);

        var loaded = Assert.IsType<TransformerChain<BinaryPredictionTransformer<LinearBinaryModel>>>(ModelFiles.RoundTrip(ctx, model));

        ModelFiles.AssertSamePredictions(model, loaded, data);
        var normalizer = Assert.IsType<NormalizingTransformer>(loaded.Transformers[0]);
        var original = (NormalizingTransformer)model.Transformers[0];
        Assert.Equal(original.Offset, normalizer.Offset);
        Assert.Equal(original.Scale, normalizer.Scale);
        Assert.Equal(model.LastTransformer.Model.Weights, loaded.LastTransformer.Model.Weights);
        Assert.Equal(model.LastTransformer.Model.Bias, loaded.LastTransformer.Model.Bias);
    }

    [Fact]
    public void SamplerStep_LoadsAsTheIdentity_WithItsNameOptionsSeedAndCounts()
    {
        var ctx = new OversamplingContext(seed: 2);
        DataView data = ctx.Data.LoadEmbedded("glass2");
        var options = new RandomOverSamplerOptions { Shrinkage = 0.25, Seed = 77 };
        OversamplingTransformer fitted = ctx.Transforms.Oversampling.RandomOverSampler(options).Fit(data);
        Assert.NotNull(fitted.ResampledData);

        var loaded = Assert.IsType<OversamplingTransformer>(ModelFiles.RoundTrip(ctx, fitted));

        Assert.Null(loaded.ResampledData);
        Assert.Same(data, loaded.Transform(data));
        Assert.Throws<InvalidOperationException>(() => loaded.TransformForTraining(data));
        Assert.Equal("random", loaded.Sampler.Name);
        var loadedOptions = Assert.IsType<RandomOverSamplerOptions>(loaded.Sampler.Options);
        Assert.Equal(0.25, loadedOptions.Shrinkage);
        Assert.Equal(77, loadedOptions.Seed);
        Assert.Equal(fitted.Seed, loaded.Seed);
        Assert.Equal(fitted.CountsBefore, loaded.CountsBefore);
        Assert.Equal(fitted.CountsAfter, loaded.CountsAfter);

        // The restored sampler resamples exactly as the original would.
        var again = new OversamplingEstimator(loaded.Sampler, loaded.Seed).Fit(data);
        Assert.Equal(fitted.ResampledData!.GetVectorColumn("Features").ToMatrix().Values, again.ResampledData!.GetVectorColumn("Features").ToMatrix().Values);
    }

    [Fact]
    public void NestedChains_WithConcatenate_RoundTrip()
    {
        var ctx = new OversamplingContext(seed: 3);
        DataView pima = ctx.Data.LoadEmbedded("pima");
        DataView data = pima.WithColumn(new ScalarColumn<float>("Extra", Enumerable.Range(0, pima.RowCount).Select(i => (float)Math.Sin(i))));
        var inner = ctx.Transforms.NormalizeMeanVariance("All")
            .Append(ctx.Transforms.Oversampling.RandomOverSampler(new RandomOverSamplerOptions { FeatureColumnName = "All" }));
        var model = ctx.Transforms.Concatenate("All", "Features", "Extra")
            .Append(inner)
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression(labelColumnName: "Label", featureColumnName: "All"))
            .Fit(data);

        var loaded = Assert.IsType<TransformerChain<BinaryPredictionTransformer<LinearBinaryModel>>>(ModelFiles.RoundTrip(ctx, model));

        ModelFiles.AssertSamePredictions(model, loaded, data);
        var concat = Assert.IsType<ColumnConcatenatingTransformer>(loaded.Transformers[0]);
        Assert.Equal("All", concat.OutputColumnName);
        Assert.Equal(["Features", "Extra"], concat.InputColumnNames);
        var nested = Assert.IsType<TransformerChain<OversamplingTransformer>>(loaded.Transformers[1]);
        Assert.IsType<NormalizingTransformer>(nested.Transformers[0]);
        Assert.Null(nested.LastTransformer.ResampledData);
        Assert.Equal("All", nested.LastTransformer.Sampler.Options.FeatureColumnName);
    }

    [Fact]
    public void ChainTypedByABaseType_LoadsAsTransformerChainOfITransformer()
    {
        var ctx = new OversamplingContext(seed: 4);
        DataView data = ctx.Data.LoadEmbedded("haberman");
        IEstimator<ITransformer> trainer = ComponentRegistry.CreateTrainer(ctx, "logistic", ["L2Regularization=0.5"]);
        TransformerChain<ITransformer> model = ctx.Transforms.NormalizeMeanVariance().Append(trainer).Fit(data);

        var loaded = Assert.IsType<TransformerChain<ITransformer>>(ModelFiles.RoundTrip(ctx, model));

        Assert.IsType<BinaryPredictionTransformer<LinearBinaryModel>>(loaded.LastTransformer);
        ModelFiles.AssertSamePredictions(model, loaded, data);
    }

    [Fact]
    public void WrapperTrainerModel_WithChangedThreshold_RoundTrips()
    {
        var ctx = new OversamplingContext(seed: 5);
        DataView data = ctx.Data.LoadEmbedded("ecoli3");
        var trainer = ctx.BinaryClassification.Trainers.WithOversampling(
            ctx.Transforms.Oversampling.RandomOverSampler(), ctx.BinaryClassification.Trainers.LogisticRegression());
        BinaryPredictionTransformer<LinearBinaryModel> model = trainer.Fit(data).WithThreshold(0.75f);

        var loaded = Assert.IsType<BinaryPredictionTransformer<LinearBinaryModel>>(ModelFiles.RoundTrip(ctx, model));

        Assert.Equal(0.75f, loaded.Threshold);
        Assert.Equal("Features", loaded.FeatureColumnName);
        ModelFiles.AssertSamePredictions(model, loaded, data);
    }

    [Fact]
    public void InputSchema_IsSavedExplicitly_OrInferredFromTheFirstStep()
    {
        var ctx = new OversamplingContext(seed: 6);
        DataView data = ctx.Data.LoadEmbedded("pima");
        var model = ctx.Transforms.NormalizeMeanVariance().Append(ctx.BinaryClassification.Trainers.LogisticRegression()).Fit(data);

        ctx.Model.Load(new MemoryStream(ModelFiles.SaveToBytes(ctx, model, ModelInputSchema.FromData(data))), out ModelInputSchema? explicitSchema);
        Assert.NotNull(explicitSchema);
        Assert.Equal("Features", explicitSchema.FeatureColumnName);
        Assert.Equal(8, explicitSchema.FeatureCount);
        Assert.Equal(data.GetVectorColumn("Features").SlotNames, explicitSchema.FeatureNames);
        Assert.Equal("Label", explicitSchema.LabelColumnName);

        ctx.Model.Load(new MemoryStream(ModelFiles.SaveToBytes(ctx, model)), out ModelInputSchema? inferred);
        Assert.Equal(new ModelInputSchema("Features", 8), inferred);

        var concatenated = ctx.Transforms.Concatenate("All", "Features").Fit(data);
        ctx.Model.Load(new MemoryStream(ModelFiles.SaveToBytes(ctx, concatenated)), out ModelInputSchema? none);
        Assert.Null(none);
    }

    [Fact]
    public void Saving_IsDeterministic_AndLoadingWorksFromFilesAndNonSeekableStreams()
    {
        var ctx = new OversamplingContext(seed: 7);
        DataView data = ctx.Data.LoadEmbedded("new-thyroid1");
        var model = ctx.Transforms.NormalizeMeanVariance()
            .Append(ctx.Transforms.Oversampling.RandomOverSampler())
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression())
            .Fit(data);

        byte[] first = ModelFiles.SaveToBytes(ctx, model), second = ModelFiles.SaveToBytes(ctx, model);
        Assert.Equal(first, second);

        ModelFiles.AssertSamePredictions(model, ctx.Model.Load(new NonSeekableStream(first)), data);

        string folder = Directory.CreateTempSubdirectory("model-").FullName;
        try
        {
            string path = Path.Combine(folder, "model.zip");
            ctx.Model.Save(model, path);
            Assert.Equal(first, File.ReadAllBytes(path));
            ModelFiles.AssertSamePredictions(model, ctx.Model.Load(path), data);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Manifest_ListsFormatLibraryVersionComponentsAndOptions()
    {
        var ctx = new OversamplingContext(seed: 8);
        DataView data = ctx.Data.LoadEmbedded("haberman");
        var model = ctx.Transforms.NormalizeMeanVariance()
            .Append(ctx.Transforms.Oversampling.RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = 1.5 }))
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression())
            .Fit(data);

        var entries = ModelFiles.ReadEntries(ModelFiles.SaveToBytes(ctx, model));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(entries["manifest.json"])!;

        Assert.Equal(1, (int)manifest["formatVersion"]!);
        Assert.False(string.IsNullOrEmpty((string?)manifest["libraryVersion"]));
        var types = manifest["components"]!.AsArray().Select(c => (string)c!["type"]!).ToArray();
        Assert.Equal(["TransformerChain", "NormalizeMeanVariance", "Oversampler", "BinaryPrediction", "LinearBinaryModel"], types);
        var sampler = manifest["components"]![2]!;
        Assert.Equal("random", (string?)sampler["options"]!["method"]);
        Assert.Equal("1.5", (string?)sampler["options"]!["options"]!["Shrinkage"]);
        Assert.Contains("components/004-LinearBinaryModel.bin", entries.Keys);
        Assert.Contains("components/001-NormalizeMeanVariance.bin", entries.Keys);
    }

    /// <summary>A stream that refuses to seek, like a network or pipe stream.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }
    }
}
