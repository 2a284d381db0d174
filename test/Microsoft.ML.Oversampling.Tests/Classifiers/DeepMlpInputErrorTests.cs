using System.Diagnostics;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Tests.MLNet;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>Bad input to the deep classifier gets one clear message; training frees every tensor it creates (run
/// alone, so the resident-memory reading is this test's).</summary>
[Collection(ParallelismCollection.Name)]
public sealed class DeepMlpInputErrorTests
{
    private static BinaryRow Row(bool label, float a, float b) => new() { Label = label, Features = [a, b] };

    [Fact]
    public void NaNFeature_IsRefused_NamingRowAndSlot()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, [Row(true, 1, 2), Row(false, float.NaN, 0)], 2);
        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.DeepMlp(seed: 1).Fit(data));
        Assert.Equal(
            "Column 'Features' has the value NaN at row 1, slot 0 ('Slot 0'); the deep classifier needs finite feature values (replace or drop missing values first, e.g. with ReplaceMissingValues).",
            error.Message);
    }

    [Fact]
    public void OneClass_IsRefused()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, [Row(true, 1, 2), Row(true, 0, 0)], 2);
        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.DeepMlp(seed: 1).Fit(data));
        Assert.StartsWith("The training data has only one class (true) in label column 'Label'; a classifier needs rows of at least two classes.", error.Message);
    }

    [Fact]
    public void WrongLabelTypes_AreRefused_WithMLNetsSchemaMessage()
    {
        var ml = new MLContext(seed: 1);
        IDataView boolean = MLNetTestData.Load(ml, [Row(true, 1, 2), Row(false, 0, 0)], 2);
        IDataView key = DeepMlpTestData.ThreeClasses(ml, 6, 3, seed: 1);
        IDataView single = ml.Data.LoadFromEnumerable([new FloatLabelRow { Label = 1, Features = [1, 2] }]);

        var binaryOnKey = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp().Fit(key));
        Assert.StartsWith("Schema mismatch for label column 'Label': expected Boolean, got Key<UInt32>", binaryOnKey.Message);
        var multiclassOnBool = Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DeepMlp().Fit(boolean));
        Assert.StartsWith("Schema mismatch for label column 'Label': expected a key type, got Boolean", multiclassOnBool.Message);
        var onSingle = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp().Fit(single));
        Assert.StartsWith("Schema mismatch for label column 'Label': expected Boolean (two classes) or a key type (several classes), got Single", onSingle.Message);
    }

    [Fact]
    public void BadOptions_AreRefusedWhenTheTrainerIsCreated()
    {
        var ml = new MLContext(seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp(new DeepMlpOptions { Dropout = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp(new DeepMlpOptions { HiddenLayerSizes = [8, 0] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DeepMlp(batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.DeepMlp(new DeepMlpOptions { GpuDeviceId = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DeepMlp(learningRate: double.NaN));
    }

    [Fact]
    public void GpuRequested_WithoutCuda_FallsBackOrSaysWhy()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, [Row(true, 1, 2), Row(false, 0, 0)], 2);
        var strict = ml.BinaryClassification.Trainers.DeepMlp(new DeepMlpOptions { GpuDeviceId = 0, FallbackToCpu = false, MaxEpoch = 1, Seed = 1 });
        if (torch.cuda.is_available())
        {
            return; // a CUDA machine trains on the GPU; the CPU-only LibTorch of this repository never gets here
        }

        var error = Assert.Throws<InvalidOperationException>(() => strict.Fit(data));
        Assert.Contains("FallbackToCpu = false", error.Message);
        Assert.Single(ml.BinaryClassification.Trainers.DeepMlp(new DeepMlpOptions { GpuDeviceId = 0, MaxEpoch = 1, Seed = 1 }).Fit(data).Model.TrainingLoss);
    }

    [Fact]
    public void Training_FreesEveryTensor_AndNativeMemoryDoesNotGrowWithEpochs()
    {
        var random = new DeterministicRandom(3);
        var features = new DenseMatrix(512, 16);
        random.FillGaussian(features.Values);
        var train = new ClassRows(features, [.. Enumerable.Range(0, 512).Select(i => i % 3)]);
        var options = new DeepMlpOptions { BatchSize = 64, HiddenLayerSizes = [64, 64], Dropout = 0.1, WeightDecay = 1e-4 };

        using var network = DeepMlpNetwork.Create(16, options.HiddenLayerSizes, 3, options.Dropout, random.Fork(), CPU);
        void Fit(int epochs)
        {
            options.MaxEpoch = epochs;
            ClassifierTraining.Train(network, train, train, 3, options, EmpiricalRiskHook.Instance, random.Fork(), CPU);
        }

        Fit(100); // warm up allocator caches (the first long fit grew resident memory by 14 MB, the next by none)
        long liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long rssBefore = ResidentBytes();
        Fit(300); // 2,400 steps and 300 validation passes
        long rssGrowth = ResidentBytes() - rssBefore;
        // A step makes about 30 tensors (batch gathers, activations, dropout masks, loss terms), ≈ 100 KB: a leak of
        // any of them would show in the live count, and of their memory as hundreds of MB over 2,400 steps.
        Assert.Equal(liveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.True(rssGrowth < 32L << 20, $"resident memory grew by {rssGrowth >> 20} MB over 300 epochs");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private sealed class FloatLabelRow
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
