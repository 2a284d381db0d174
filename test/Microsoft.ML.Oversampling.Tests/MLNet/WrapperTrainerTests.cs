using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>The second form: a trainer wrapped with a sampler resamples inside its own Fit and returns its own model.</summary>
public sealed class WrapperTrainerTests
{
    [Fact]
    public void FastTreeWithOversampling_EqualsFastTreeOnTheOversampledData_AndKeepsItsModelType()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "ecoli3");
        var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20, minimumExampleCountPerLeaf: 5);

        BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> wrapped =
            trainer.WithOversampling(ml.Transforms.Oversampling.Adasyn(seed: 4)).Fit(data);
        var direct = trainer.Fit(ml.Data.Oversample(data, ml.Transforms.Oversampling.Adasyn(seed: 4)));

        Assert.IsType<FastTreeBinaryModelParameters>(wrapped.Model.SubModel);
        Assert.Equal(direct.Transform(data).GetColumn<float>("Score"), wrapped.Transform(data).GetColumn<float>("Score"));
        Assert.NotEqual(trainer.Fit(data).Transform(data).GetColumn<float>("Score"), wrapped.Transform(data).GetColumn<float>("Score"));
    }

    [Fact]
    public void LogisticWithOversampling_InAChain_ScoresEveryTestRowOnce()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(MLNetTestData.Load(ml, "yeast4"), testFraction: 0.25, seed: 1);
        var model = ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression().WithOversampling(ml.Transforms.Oversampling.Smote(seed: 1)))
            .Fit(split.TrainSet);

        Assert.IsType<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>(model.LastTransformer.Model, exactMatch: false);
        Assert.Equal(MLNetTestData.CountRows(split.TestSet), MLNetTestData.CountRows(model.Transform(split.TestSet)));
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        Assert.True(metrics.PositiveRecall > 0.5, $"recall {metrics.PositiveRecall}: a balanced logistic regression should find most minority rows");
    }
}
