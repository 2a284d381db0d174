using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.MLNet;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>AutoSMOTE as an ML.NET trainer: reproducible, persisted through the classifier's ONNX chain, and its
/// criteria usable as an oversampler for another trainer.</summary>
public sealed class AutoSmoteTrainerTests
{
    private static AutoSmoteOptions Options(int seed, AutoSmoteVariant variant = AutoSmoteVariant.Cohort) => new()
    {
        Classifier = new DeepMlpOptions { MaxEpoch = 4, BatchSize = 32, Seed = seed },
        Variant = variant,
    };

    [Theory]
    [InlineData(AutoSmoteVariant.Cohort)]
    [InlineData(AutoSmoteVariant.Self)]
    public void SameSeed_GivesTheSameBits(AutoSmoteVariant variant)
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = AutoSmoteTestData.Rows(120, 25, 3, seed: 1);
        IDataView data = AutoSmoteTestData.View(ml, rows);
        using AutoSmoteTransformer first = ml.BinaryClassification.Trainers.AutoSmote(Options(3, variant)).Fit(data);
        using AutoSmoteTransformer second = ml.BinaryClassification.Trainers.AutoSmote(Options(3, variant)).Fit(data);
        using AutoSmoteTransformer other = ml.BinaryClassification.Trainers.AutoSmote(Options(4, variant)).Fit(data);
        Assert.Equal(first.Model.Classifier.ToOnnx(), second.Model.Classifier.ToOnnx());
        Assert.NotEqual(first.Model.Classifier.ToOnnx(), other.Model.Classifier.ToOnnx());
        Assert.Equal(Bits(first.Model.Classifier.TrainingLoss), Bits(second.Model.Classifier.TrainingLoss));

        var (features, labels) = Matrix(rows);
        ResampleResult a = first.Model.ToSampler().FitResample(features, labels, seed: 9);
        ResampleResult b = second.Model.ToSampler().FitResample(features, labels, seed: 9);
        Assert.Equal(a.Features.Values.Select(BitConverter.SingleToInt32Bits), b.Features.Values.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(95, a.SyntheticRowCount);
    }

    [Fact]
    public void SaveLoad_GivesIdenticalScores()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = AutoSmoteTestData.View(ml, AutoSmoteTestData.Rows(120, 25, 3, seed: 2));
        AutoSmoteOptions options = Options(5);
        options.Classifier.MaxEpoch = 20;
        using AutoSmoteTransformer model = ml.BinaryClassification.Trainers.AutoSmote(options).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        using var loaded = (TransformerChain<ITransformer>)ml.Model.Load(stream, out _);
        IDataView ours = model.Transform(data), theirs = loaded.Transform(data);
        Assert.Equal(ours.GetColumn<float>("Score").Select(BitConverter.SingleToInt32Bits), theirs.GetColumn<float>("Score").Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(ours.GetColumn<float>("Probability").Select(BitConverter.SingleToInt32Bits), theirs.GetColumn<float>("Probability").Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(ours.GetColumn<bool>("PredictedLabel"), theirs.GetColumn<bool>("PredictedLabel"));
        CalibratedBinaryClassificationMetrics metrics = ml.BinaryClassification.Evaluate(ours);
        Assert.True(metrics.AreaUnderRocCurve > 0.9, $"AUC {metrics.AreaUnderRocCurve}"); // the classes are 1.5·√3 apart
    }

    [Fact]
    public void StandaloneSampler_BalancesTheData_AndFeedsFastTree()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = AutoSmoteTestData.Rows(120, 25, 3, seed: 3);
        IDataView data = AutoSmoteTestData.View(ml, rows);
        using AutoSmoteTransformer model = ml.BinaryClassification.Trainers.AutoSmote(Options(6)).Fit(data);
        OversamplingEstimator sampler = ml.Transforms.Oversampling.Create(model.Model.ToSampler());
        OversamplingTransformer fitted = sampler.Fit(data);
        Assert.Equal(120, fitted.CountsAfter[0]);
        Assert.Equal(120, fitted.CountsAfter[1]);
        var trees = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 10).WithOversampling(sampler).Fit(data);
        Assert.True(ml.BinaryClassification.Evaluate(trees.Transform(data)).AreaUnderRocCurve > 0.9);
    }

    [Fact]
    public void FrozenCriteria_Sampler_IsSmote_RowsOnSmoteSegments()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = AutoSmoteTestData.Rows(80, 20, 3, seed: 4);
        var options = Options(7);
        options.FreezeCriteria = true;
        using AutoSmoteTransformer model = ml.BinaryClassification.Trainers.AutoSmote(options).Fit(AutoSmoteTestData.View(ml, rows));
        Assert.True(model.Model.CriteriaFrozen);
        var (features, labels) = Matrix(rows);
        ResampleResult result = model.Model.ToSampler().FitResample(features, labels, seed: 1);
        Assert.Equal(60, result.SyntheticRowCount);
        AutoSmoteTestData.AssertOnSmoteSegments(
            [.. rows.Where(r => r.Label).Select(r => r.Features)],
            Enumerable.Range(result.OriginalRowCount, result.SyntheticRowCount).Select(i => result.Features.Row(i).ToArray()), k: 5);
    }

    [Fact]
    public void Multiclass_GrowsEverySmallerClass_AndScoresWithSoftmax()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = AutoSmoteTestData.ThreeImbalancedClasses(ml, seed: 1);
        using AutoSmoteTransformer model = ml.MulticlassClassification.Trainers.AutoSmote(Options(8)).Fit(data);
        Assert.Equal(2, model.Model.CohortCounts.Count); // classes 2 and 3 (keys) are grown
        Assert.Equal([5, 4], model.Model.CohortCounts); // min(8, ⌈√m⌉) for m = 20 and 15
        float[][] scores = [.. model.Transform(data).GetColumn<float[]>("Score")];
        Assert.All(scores, s => Assert.Equal(1.0, s.Sum(v => (double)v), 5));
        OversamplingTransformer fitted = ml.Transforms.Oversampling.Create(model.Model.ToSampler()).Fit(data);
        Assert.All(fitted.CountsAfter.Values, count => Assert.Equal(60, count));
    }

    internal static (Oversampling.Numerics.DenseMatrix Features, int[] Labels) Matrix(BinaryRow[] rows) =>
        (new Oversampling.Numerics.DenseMatrix(rows.Length, rows[0].Features.Length, [.. rows.SelectMany(r => r.Features)]), [.. rows.Select(r => r.Label ? 1 : 0)]);

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
