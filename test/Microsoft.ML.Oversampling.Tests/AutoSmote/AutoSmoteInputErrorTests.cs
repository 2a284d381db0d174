using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.MLNet;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>Bad input to AutoSMOTE gets one clear message naming the problem.</summary>
public sealed class AutoSmoteInputErrorTests
{
    [Fact]
    public void OneMinorityRow_IsRefused_NamingTheClassAndTheNeighbourCount()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = [.. AutoSmoteTestData.Rows(30, 1, 2, seed: 1)];
        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.AutoSmote(maxEpoch: 1, seed: 1).Fit(AutoSmoteTestData.View(ml, rows)));
        Assert.Equal(
            "Class true has 1 training row; AutoSMOTE grows it from its MaxNeighbors = 5 nearest same-class neighbours, so it needs at least 6 (lower MaxNeighbors or add rows).",
            error.Message);
    }

    [Fact]
    public void NaNFeature_IsRefused_NamingRowAndSlot()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = AutoSmoteTestData.Rows(30, 10, 2, seed: 1);
        rows[3].Features[1] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.AutoSmote(maxEpoch: 1, seed: 1).Fit(AutoSmoteTestData.View(ml, rows)));
        Assert.StartsWith("Column 'Features' has the value NaN at row 3, slot 1", error.Message);
    }

    [Fact]
    public void WrongLabelType_IsRefused_WithMLNetsSchemaMessage()
    {
        var ml = new MLContext(seed: 1);
        IDataView single = ml.Data.LoadFromEnumerable([new FloatLabelRow { Label = 1, Features = [1, 2] }, new FloatLabelRow { Label = 0, Features = [0, 1] }]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.AutoSmote(maxEpoch: 1).Fit(single));
        Assert.StartsWith("Schema mismatch for label column 'Label': expected Boolean (two classes) or a key type (several classes), got Single", error.Message);
        IDataView key = AutoSmoteTestData.ThreeImbalancedClasses(ml, seed: 1);
        var onKey = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.AutoSmote(maxEpoch: 1).Fit(key));
        Assert.StartsWith("Schema mismatch for label column 'Label': expected Boolean, got Key<UInt32>", onKey.Message);
    }

    [Fact]
    public void BadOptions_AreRefusedWhenTheTrainerIsCreated_NamingTheOption()
    {
        var ml = new MLContext(seed: 1);
        Assert.Equal("MaxNeighbors", Assert.Throws<OptionException>(() => ml.BinaryClassification.Trainers.AutoSmote(new AutoSmoteOptions { MaxNeighbors = 0 })).OptionName);
        Assert.Equal("Aggregations", Assert.Throws<OptionException>(() => ml.BinaryClassification.Trainers.AutoSmote(new AutoSmoteOptions { Aggregations = [] })).OptionName);
        Assert.Equal("FreezeCriteria", Assert.Throws<OptionException>(() => ml.BinaryClassification.Trainers.AutoSmote(
            new AutoSmoteOptions { FreezeCriteria = true, Aggregations = [AutoSmoteAggregation.Mean] })).OptionName);
        Assert.Equal("TargetParticipationRate", Assert.Throws<OptionException>(() => ml.BinaryClassification.Trainers.AutoSmote(new AutoSmoteOptions { TargetParticipationRate = 0 })).OptionName);
        Assert.Equal("Cohorts", Assert.Throws<OptionException>(() => ml.MulticlassClassification.Trainers.AutoSmote(new AutoSmoteOptions { Cohorts = 0 })).OptionName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.AutoSmote(new AutoSmoteOptions { Classifier = new DeepMlpOptions { BatchSize = 0 } }));
    }

    [Fact]
    public void Sampler_RefusesAClassItWasNotTrainedToGrow()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = AutoSmoteTestData.Rows(40, 12, 2, seed: 2);
        using AutoSmoteTransformer model = ml.BinaryClassification.Trainers.AutoSmote(maxEpoch: 1, seed: 1).Fit(AutoSmoteTestData.View(ml, rows));
        var (features, labels) = AutoSmoteTrainerTests.Matrix(rows);
        int[] flipped = [.. labels.Select(l => 1 - l)]; // now class 0 is the minority
        var error = Assert.Throws<ArgumentException>(() => model.Model.ToSampler().FitResample(features, flipped, seed: 1));
        Assert.Equal("Class 0 was not grown when the AutoSMOTE criteria were trained (they grow class 1), so they have no decisions for it.", error.Message);
    }

    private sealed class FloatLabelRow
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
