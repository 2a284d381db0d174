using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Pipeline.Training;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Tests.Pipeline;

/// <summary>Samplers act only while fitting: never at scoring, never on a cross-validation test fold.</summary>
public class TrainingOnlySamplerTests
{
    /// <summary>A trainer that records the rows it was fitted on, via an integer row-id column.</summary>
    private sealed class RecordingTrainer(IEstimator<BinaryPredictionTransformer<LinearBinaryModel>> inner) : IEstimator<BinaryPredictionTransformer<LinearBinaryModel>>
    {
        public List<int[]> SeenIds { get; } = [];

        public BinaryPredictionTransformer<LinearBinaryModel> Fit(DataView input)
        {
            SeenIds.Add(input.GetColumn<int>("Id").Values.ToArray());
            return inner.Fit(input);
        }
    }

    private static DataView WithRowIds(DataView data) =>
        data.WithColumn(new ScalarColumn<int>("Id", Enumerable.Range(1, data.RowCount)));

    [Fact]
    public void SyntheticRowsReachTheTrainer_WithMissingValuesInOtherColumns_AndOriginalsFirst()
    {
        var ctx = new OversamplingContext(2);
        DataView data = WithRowIds(ctx.Data.LoadEmbedded("glass2"));
        var recorder = new RecordingTrainer(ctx.BinaryClassification.Trainers.LogisticRegression());
        ctx.Transforms.Oversampling.RandomOverSampler().Append(recorder).Fit(data);

        int[] ids = recorder.SeenIds.Single();
        Assert.Equal(Enumerable.Range(1, data.RowCount), ids.Take(data.RowCount)); // originals unchanged and in order
        Assert.Equal(2 * (214 - 17), ids.Length);
        Assert.All(ids.Skip(data.RowCount), id => Assert.Equal(0, id)); // synthetic rows: missing id
    }

    [Fact]
    public void CrossValidation_NeverScoresSyntheticRows_InAnyForm()
    {
        var ctx = new OversamplingContext(4);
        DataView data = WithRowIds(ctx.Data.LoadEmbedded("ecoli3"));
        var sampler = ctx.Transforms.Oversampling.RandomOverSampler();
        var trainer = ctx.BinaryClassification.Trainers.LogisticRegression();

        var step = ctx.BinaryClassification.CrossValidate(data, sampler.Append(trainer), numberOfFolds: 5, repeats: 2, seed: 9);
        var wrapper = ctx.BinaryClassification.CrossValidate(data, ctx.BinaryClassification.Trainers.WithOversampling(sampler, trainer), numberOfFolds: 5, repeats: 2, seed: 9);

        foreach (var result in new[] { step.Folds.Select(f => (f.TestRowCount, f.TrainingRowCount, f.Metrics)), wrapper.Folds.Select(f => (f.TestRowCount, f.TrainingRowCount, f.Metrics)) })
        {
            var folds = result.ToList();
            Assert.Equal(2 * data.RowCount, folds.Sum(f => f.TestRowCount)); // each repeat scores every original row once
            Assert.All(folds, f => Assert.Equal(data.RowCount, f.TestRowCount + f.TrainingRowCount));
            Assert.All(folds, f => Assert.Equal(f.TestRowCount, f.Metrics.ConfusionMatrix.Total));
        }

        // Same seeds, same folds, same resampling: both forms give the same metrics.
        Assert.Equal(step.Summary["F1Score"].Values, wrapper.Summary["F1Score"].Values);
    }

    [Fact]
    public void ScoringTheFittedPipeline_KeepsTheRowsExactly()
    {
        var ctx = new OversamplingContext(5);
        DataView data = WithRowIds(ctx.Data.LoadEmbedded("new-thyroid1"));
        var model = ctx.Transforms.Oversampling.RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = 1.0 })
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression())
            .Fit(data);
        DataView scored = model.Transform(data);
        Assert.Equal(data.GetColumn<int>("Id").Values.ToArray(), scored.GetColumn<int>("Id").Values.ToArray());
        Assert.Equal(data.GetVectorColumn("Features").ToMatrix().Values, scored.GetVectorColumn("Features").ToMatrix().Values);
    }

    [Fact]
    public void SamplerInsideANestedChain_StillFeedsTheStepsAfterIt()
    {
        var ctx = new OversamplingContext(6);
        DataView data = WithRowIds(ctx.Data.LoadEmbedded("glass2"));
        var recorder = new RecordingTrainer(ctx.BinaryClassification.Trainers.LogisticRegression());
        var inner = ctx.Transforms.NormalizeMeanVariance().Append(ctx.Transforms.Oversampling.RandomOverSampler());
        var outer = ctx.Transforms.Concatenate("Features", "Features").Append(inner).Append(recorder);
        outer.Fit(data);
        Assert.Equal(2 * (214 - 17), recorder.SeenIds.Single().Length);
    }

    [Fact]
    public void ScoringDataWithAnotherSchema_GetsASchemaMismatchError()
    {
        var ctx = new OversamplingContext(7);
        DataView train = ctx.Data.LoadEmbedded("pima");
        var model = ctx.Transforms.Oversampling.RandomOverSampler().Append(ctx.BinaryClassification.Trainers.LogisticRegression()).Fit(train);
        DataView narrower = ctx.Data.LoadFromArrays(new DenseMatrix(2, 7), [true, false]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(narrower));
        Assert.Contains("Schema mismatch for feature column 'Features': expected Vector<Single, 8>, got Vector<Single, 7>", e.Message);
        Assert.Contains("Could not find feature column", Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(narrower.DropColumns("Features"))).Message);
    }

    [Fact]
    public void SamplerRejectsBadTrainingData_BeforeAnyWork()
    {
        var ctx = new OversamplingContext(8);
        var sampler = ctx.Transforms.Oversampling.RandomOverSampler();
        DataView oneClass = ctx.Data.LoadFromArrays(new DenseMatrix(3, 1, [1, 2, 3]), [false, false, false]);
        Assert.Contains("at least 2 classes", Assert.Throws<ArgumentException>(() => sampler.Fit(oneClass)).Message);
        DataView nan = ctx.Data.LoadFromArrays(new DenseMatrix(2, 1, [1, float.NaN]), [false, true]);
        Assert.Contains("row 1, feature 0", Assert.Throws<ArgumentException>(() => sampler.Fit(nan)).Message);
        DataView noFeatures = nan.DropColumns("Features");
        Assert.Contains("Could not find feature column 'Features'", Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Fit(noFeatures)).Message);
        DataView textLabel = nan.WithColumn(new ScalarColumn<string>("Label", ["a", "b"]));
        Assert.Contains("Schema mismatch for label column 'Label'", Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Fit(textLabel)).Message);
    }

    [Fact]
    public void MultiClassLabels_AreRebalancedPerClass()
    {
        var ctx = new OversamplingContext(9);
        var x = new DenseMatrix(9, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        DataView data = ctx.Data.LoadFromArrays(x, [0, 0, 0, 0, 0, 1, 1, 2, 2]);
        var fitted = ctx.Transforms.Oversampling.RandomOverSampler().Fit(data);
        int[] labels = fitted.ResampledData!.GetColumn<int>("Label").Values.ToArray();
        Assert.Equal(15, labels.Length);
        Assert.All(new[] { 0, 1, 2 }, c => Assert.Equal(5, labels.Count(l => l == c)));
        Assert.Equal(new[] { 1, 1, 1, 2, 2, 2 }, labels[9..]); // synthetic rows by ascending class
    }

    [Fact]
    public void SameContextSeed_GivesIdenticalPipelines_DifferentSeedsDiffer()
    {
        float[] Fit(int seed)
        {
            var ctx = new OversamplingContext(seed);
            var data = ctx.Data.LoadEmbedded("yeast4");
            return ctx.Transforms.Oversampling.RandomOverSampler().Append(ctx.BinaryClassification.Trainers.LogisticRegression()).Fit(data).LastTransformer.Model.Weights.ToArray();
        }

        Assert.Equal(Fit(1), Fit(1));
        Assert.NotEqual(Fit(1), Fit(2));
    }
}
