using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Pipeline;

/// <summary>The three usage forms of design.md, end to end on an embedded dataset.</summary>
public class PipelineUsageTests
{
    [Fact]
    public void PipelineStep_RebalancesWhileFitting_IsIdentityAtScoring()
    {
        var ctx = new OversamplingContext(seed: 1);
        DataView data = ctx.Data.LoadEmbedded("yeast4");
        var (train, test) = ctx.Data.TrainTestSplit(data, testFraction: 0.25);

        var pipeline = ctx.Transforms.NormalizeMeanVariance("Features")
            .Append(ctx.Transforms.Oversampling.RandomOverSampler())
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression());
        var model = pipeline.Fit(train);
        DataView scored = model.Transform(test);

        Assert.Equal(test.RowCount, scored.RowCount);
        Assert.Equal(test.GetColumn<bool>("Label").Values.ToArray(), scored.GetColumn<bool>("Label").Values.ToArray());
        var sampler = Assert.IsType<OversamplingTransformer>(model.Transformers[1]);
        Assert.Null(sampler.ResampledData); // the fitted model keeps no training data
        Assert.Equal(sampler.CountsAfter[0], sampler.CountsAfter[1]);
        var metrics = ctx.BinaryClassification.Evaluate(scored);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.5, 1.0);
    }

    [Fact]
    public void OversamplingChangesTheModel_RecallOfMinorityRises()
    {
        // With 28:1 imbalance an unweighted logistic regression rarely predicts the minority class; training on
        // balanced data moves the decision boundary toward the majority, so minority recall can only grow.
        var ctx = new OversamplingContext(seed: 3);
        DataView data = ctx.Data.LoadEmbedded("yeast4");
        var plain = ctx.Transforms.NormalizeMeanVariance().Append(ctx.BinaryClassification.Trainers.LogisticRegression());
        var balanced = ctx.Transforms.NormalizeMeanVariance()
            .Append(ctx.Transforms.Oversampling.RandomOverSampler())
            .Append(ctx.BinaryClassification.Trainers.LogisticRegression());
        double recallPlain = ctx.BinaryClassification.CrossValidate(data, plain, 5, seed: 7).Summary["PositiveRecall"].Mean;
        double recallBalanced = ctx.BinaryClassification.CrossValidate(data, balanced, 5, seed: 7).Summary["PositiveRecall"].Mean;
        Assert.True(recallBalanced > recallPlain + 0.2, $"recall {recallPlain} -> {recallBalanced}");
    }

    [Fact]
    public void WrapperTrainer_And_DataOperation_AgreeWithPipelineStep()
    {
        var ctx = new OversamplingContext(seed: 5);
        DataView data = ctx.Data.LoadEmbedded("ecoli3");
        var options = new RandomOverSamplerOptions { Seed = 11 };
        var sampler = ctx.Transforms.Oversampling.RandomOverSampler(options);
        var trainer = ctx.BinaryClassification.Trainers.LogisticRegression();

        var viaStep = sampler.Append(trainer).Fit(data).LastTransformer.Model;
        var viaWrapper = ctx.BinaryClassification.Trainers.WithOversampling(sampler, trainer).Fit(data).Model;
        DataView balanced = ctx.Data.Oversample(data, sampler);
        var viaData = trainer.Fit(balanced).Model;

        Assert.Equal(viaStep.Weights, viaWrapper.Weights);
        Assert.Equal(viaStep.Weights, viaData.Weights);
        Assert.Equal(viaStep.Bias, viaData.Bias);
    }
}
