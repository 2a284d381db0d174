using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Mixup;

/// <summary>Deferred re-weighting and the learning-rate schedule of the imbalanced-DL recipe (papers.md §4.7).</summary>
public sealed class MixupReweightingTests
{
    private static readonly int[] Cifar10Lt100 = [5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50];

    [Fact]
    public void ClassBalancedWeights_EqualTheSpecsCifar10LtExample()
    {
        double[] weights = DeferredReweighting.ClassBalancedWeights(Cifar10Lt100, 0.9999);
        double[] expected = [0.051, 0.077, 0.121, 0.195, 0.319, 0.525, 0.868, 1.443, 2.409, 3.993];
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c], weights[c], 3);
        }

        Assert.Equal(10, weights.Sum(), 12);
    }

    [Fact]
    public void Weights_ApplyFromTheSwitchEpoch_AndTheHookWeightsEachRowsTarget()
    {
        var drw = new DeferredReweighting(Cifar10Lt100, 0.9999, switchEpoch: 160);
        Assert.Null(drw.WeightsAt(159));
        float[] after = drw.WeightsAt(160)!;
        var hook = new ReweightingHook(drw);
        using var scope = NewDisposeScope();
        Tensor labels = tensor(new long[] { 0, 9, 3 });
        Tensor oneHot = nn.functional.one_hot(labels, 10).to_type(ScalarType.Float32);
        Tensor inputs = zeros(3, 2);
        var counts = Cifar10Lt100;
        var (sameInputs, before) = hook.Prepare(inputs, labels, oneHot, new TrainingBatch(159, 0, counts, new DeterministicRandom(1)));
        Assert.Same(inputs, sameInputs);
        Assert.Equal(oneHot.data<float>().ToArray(), before.data<float>().ToArray());
        var (_, weighted) = hook.Prepare(inputs, labels, oneHot, new TrainingBatch(160, 0, counts, new DeterministicRandom(1)));
        float[] t = weighted.data<float>().ToArray();
        Assert.Equal(after[0], t[0]);
        Assert.Equal(after[9], t[10 + 9]);
        Assert.Equal(after[3], t[20 + 3]);
        Assert.Equal(27, t.Count(v => v == 0));
    }

    [Theory]
    // The code's schedule for 200 epochs (1-indexed e): lr·e/5 for e ≤ 5, lr to 160, ×0.01 to 180, ×0.0001 after.
    [InlineData(0, 0.2)]
    [InlineData(4, 1.0)]
    [InlineData(5, 1.0)]
    [InlineData(159, 1.0)]
    [InlineData(160, 0.01)]
    [InlineData(179, 0.01)]
    [InlineData(180, 1e-4)]
    [InlineData(199, 1e-4)]
    public void WarmupStepDecay_IsTheCodesScheduleAt200Epochs(int epoch, double factor)
    {
        Assert.Equal(factor, LearningRateSchedule.Factor(DeepLearningRateSchedule.WarmupStepDecay, epoch, 200), 15);
        Assert.Equal(1, LearningRateSchedule.Factor(DeepLearningRateSchedule.Constant, epoch, 200));
    }
}
