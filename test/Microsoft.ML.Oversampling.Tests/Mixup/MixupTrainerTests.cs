using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Mixup;

/// <summary>The imbalance strategies through the ML.NET DeepMlp trainers: seeded bits, persistence, option checks.</summary>
public sealed class MixupTrainerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mixup-idx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A long-tailed 3-class set of 4 × 4 "images" (class c brighter in column c), written as IDX files and read back
    /// as the study reads Fashion-MNIST: 90, 30 and 9 rows.</summary>
    private IDataView LongTailedImages(MLContext ml)
    {
        var random = new DeterministicRandom(21);
        int[] counts = [90, 30, 9];
        int n = counts.Sum();
        var pixels = new byte[n * 16];
        var labels = new byte[n];
        int row = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            for (int i = 0; i < counts[c]; i++, row++)
            {
                labels[row] = (byte)c;
                for (int p = 0; p < 16; p++)
                {
                    double value = (p % 4 == c ? 150 : 60) + (40 * random.NextGaussian());
                    pixels[(row * 16) + p] = (byte)Math.Clamp(value, 0, 255);
                }
            }
        }

        string images = Path.Combine(_directory, "images"), labelFile = Path.Combine(_directory, "labels");
        File.WriteAllBytes(images, MixupIdxImageSetTests.Idx([n, 4, 4], pixels));
        File.WriteAllBytes(labelFile, MixupIdxImageSetTests.Idx([n], labels));
        return IdxImageSet.Load(images, labelFile).ToDataView(ml, 0.4f, 0.2f);
    }

    private static DeepMlpOptions Recipe(DeepImbalanceStrategy strategy, bool drw, int seed, bool perSample = false) => new()
    {
        HiddenLayerSizes = [16, 8],
        MaxEpoch = 20,
        BatchSize = 32,
        Optimizer = DeepOptimizer.Sgd,
        LearningRate = 0.1,
        WeightDecay = 2e-4,
        LearningRateSchedule = DeepLearningRateSchedule.WarmupStepDecay,
        Seed = seed,
        Imbalance = new DeepImbalanceOptions { Strategy = strategy, DeferredReweighting = drw, PerSampleMixing = perSample },
    };

    public static TheoryData<DeepImbalanceStrategy, bool, bool> Strategies => new()
    {
        { DeepImbalanceStrategy.Erm, true, false },
        { DeepImbalanceStrategy.Smote, true, false },
        { DeepImbalanceStrategy.SoftSmote, true, false },
        { DeepImbalanceStrategy.Mixup, true, false },
        { DeepImbalanceStrategy.Mixup, false, true },
        { DeepImbalanceStrategy.Remix, true, false },
        { DeepImbalanceStrategy.MarginAwareMixup, true, false },
        { DeepImbalanceStrategy.MarginAwareMixup, false, true },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void SameSeed_GivesTheSameModelBits_AndAnotherSeedOrStrategyOthers(DeepImbalanceStrategy strategy, bool drw, bool perSample)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = LongTailedImages(ml);
        byte[] Fit(DeepMlpOptions options)
        {
            using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(options).Fit(data);
            return model.Model.ToOnnx();
        }

        byte[] first = Fit(Recipe(strategy, drw, 3, perSample));
        Assert.Equal(first, Fit(Recipe(strategy, drw, 3, perSample)));
        Assert.NotEqual(first, Fit(Recipe(strategy, drw, 4, perSample)));
        Assert.NotEqual(first, Fit(Recipe(strategy == DeepImbalanceStrategy.Erm ? DeepImbalanceStrategy.Mixup : DeepImbalanceStrategy.Erm, drw, 3, perSample)));
    }

    [Fact]
    public void BinaryTrainer_TrainsWithMarginAwareMixupAndDrw_Reproducibly()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.FilterByCustomPredicate<KeyRow>(LongTailedImages(ml), r => r.Label == 3);
        data = ml.Transforms.CustomMapping<KeyRow, BoolRow>((input, output) => output.Positive = input.Label == 2, contractName: null).Fit(data).Transform(data);
        data = ml.Transforms.CopyColumns("Label", nameof(BoolRow.Positive)).Fit(data).Transform(data);
        var options = Recipe(DeepImbalanceStrategy.MarginAwareMixup, drw: true, seed: 5);
        using DeepMlpTransformer a = ml.BinaryClassification.Trainers.DeepMlp(options).Fit(data);
        using DeepMlpTransformer b = ml.BinaryClassification.Trainers.DeepMlp(options).Fit(data);
        Assert.Equal(a.Model.ToOnnx(), b.Model.ToOnnx());
        Assert.All(a.Model.TrainingLoss, loss => Assert.True(double.IsFinite(loss) && loss > 0));
        var metrics = ml.BinaryClassification.Evaluate(a.Transform(data));
        Assert.True(metrics.AreaUnderRocCurve > 0.9, $"AUC {metrics.AreaUnderRocCurve}");
    }

    [Fact]
    public void MarginAwareMixupDrwModel_SavesAndLoads_WithIdenticalScores()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = LongTailedImages(ml);
        using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(Recipe(DeepImbalanceStrategy.MarginAwareMixup, drw: true, seed: 2)).Fit(data);
        IDataView ours = Classifiers.DeepModelRoundTrip.AssertMulticlass(ml, model, data);
        var metrics = ml.MulticlassClassification.Evaluate(ours);
        Assert.True(metrics.MacroAccuracy > 0.8, $"macro accuracy {metrics.MacroAccuracy}");
    }

    [Fact]
    public void Margins_AreComputedPerClass_FromTheModelsLogits()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = LongTailedImages(ml);
        using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(Recipe(DeepImbalanceStrategy.Mixup, drw: true, seed: 2)).Fit(data);
        Classifiers.LogitMarginChecks.AssertMatchScores(model, data);
    }

    [Fact]
    public void BadImbalanceOptions_AreRefused_NamingTheOption()
    {
        var ml = new MLContext(seed: 1);
        DeepMlpOptions late = Recipe(DeepImbalanceStrategy.Mixup, drw: true, seed: 1);
        late.Imbalance.ReweightingEpoch = 20;
        Assert.Equal("ReweightingEpoch", Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DeepMlp(late)).ParamName);
        DeepMlpOptions alpha = Recipe(DeepImbalanceStrategy.Mixup, drw: false, seed: 1);
        alpha.Imbalance.MixingAlpha = 0;
        Assert.Equal("MixingAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DeepMlp(alpha)).ParamName);
        DeepMlpOptions momentum = Recipe(DeepImbalanceStrategy.Erm, drw: false, seed: 1);
        momentum.Momentum = 1;
        Assert.Equal("Momentum", Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp(momentum)).ParamName);
    }

    private sealed class KeyRow
    {
        [KeyType(3)]
        public uint Label { get; set; }
    }

    private sealed class BoolRow
    {
        public bool Positive { get; set; }
    }
}
