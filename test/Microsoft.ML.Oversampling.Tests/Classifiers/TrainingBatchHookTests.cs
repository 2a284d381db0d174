using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>The per-batch hook defines the inputs and the weighted targets of every step.</summary>
public sealed class TrainingBatchHookTests
{
    private static readonly DeepMlpOptions Options = new() { MaxEpoch = 4, BatchSize = 32, HiddenLayerSizes = [16] };

    private static ClassRows Rows(int classes)
    {
        var random = new DeterministicRandom(5);
        var features = new DenseMatrix(200, 4);
        random.FillGaussian(features.Values);
        return new ClassRows(features, [.. Enumerable.Range(0, 200).Select(i => i % classes)]);
    }

    private static (TrainingHistory History, float[] Weights) Train(int classes, ITrainingBatchHook hook)
    {
        ClassRows rows = Rows(classes);
        using var network = DeepMlpNetwork.Create(4, Options.HiddenLayerSizes, classes, 0, new DeterministicRandom(1), CPU);
        TrainingHistory history = ClassifierTraining.Train(network, rows, null, classes, Options, hook, new DeterministicRandom(2), CPU);
        return (history, [.. DeepMlpNetwork.Layers(network, 4, Options.HiddenLayerSizes, classes).SelectMany(l => l.Weight.Concat(l.Bias))]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ZeroTargetWeights_GiveZeroLoss_AndLeaveTheNetworkUntouched(int classes)
    {
        using var initial = DeepMlpNetwork.Create(4, Options.HiddenLayerSizes, classes, 0, new DeterministicRandom(1), CPU);
        float[] before = [.. DeepMlpNetwork.Layers(initial, 4, Options.HiddenLayerSizes, classes).SelectMany(l => l.Weight.Concat(l.Bias))];
        var (history, after) = Train(classes, new ScaledTargets(0));
        // Zero gradients give Adam zero moments, and a step of 0 / (0 + ε) = 0.
        Assert.All(history.TrainingLoss, loss => Assert.Equal(0, loss));
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void DoubledTargetWeights_DoubleTheLoss_OfTheSameTrajectory(int classes)
    {
        var (plain, plainWeights) = Train(classes, EmpiricalRiskHook.Instance);
        var (doubled, doubledWeights) = Train(classes, new ScaledTargets(2));
        // Adam's step m/(√v + ε) does not change when every gradient doubles, except through ε = 1e-8 against √v
        // (gradients here are ≥ 1e-3): the trajectory is the same to about 1e-5 relative, and each epoch's loss doubles.
        for (int e = 0; e < plain.TrainingLoss.Count; e++)
        {
            Assert.Equal(2 * plain.TrainingLoss[e], doubled.TrainingLoss[e], 2 * plain.TrainingLoss[e] * 1e-4);
        }

        for (int i = 0; i < plainWeights.Length; i++)
        {
            Assert.Equal(plainWeights[i], doubledWeights[i], 1e-4);
        }
    }

    [Fact]
    public void AugmentedInputs_AreWhatTheNetworkTrainsOn()
    {
        // Mixing every batch with itself reversed at λ = ½ and the same mixed target, as Mixup with one λ per batch does:
        // a different loss trajectory from ERM on the same rows and seeds.
        var (plain, _) = Train(3, EmpiricalRiskHook.Instance);
        var (mixed, _) = Train(3, new HalfMix());
        Assert.NotEqual(plain.TrainingLoss, mixed.TrainingLoss);
        Assert.All(mixed.TrainingLoss, loss => Assert.True(double.IsFinite(loss) && loss > 0));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    [InlineData(430)]
    public void AnEpoch_RunsTheHooksRowsPerEpoch_CyclingThroughFreshShuffles(int epochRows)
    {
        // Column 0 holds the row's index, so the hook sees which rows each batch took.
        ClassRows rows = Rows(2);
        for (int i = 0; i < rows.Features.Rows; i++)
        {
            rows.Features[i, 0] = i;
        }

        var hook = new RowRecorder(epochRows);
        using var network = DeepMlpNetwork.Create(4, Options.HiddenLayerSizes, 2, 0, new DeterministicRandom(1), CPU);
        ClassifierTraining.Train(network, rows, null, 2, Options, hook, new DeterministicRandom(2), CPU);

        int n = rows.Features.Rows, passes = epochRows / n, remainder = epochRows % n;
        Assert.Equal(Options.MaxEpoch, hook.Epochs.Count);
        foreach (List<int[]> epoch in hook.Epochs.Values)
        {
            // ⌈rows / B⌉ batches of B rows, the last one shorter; every row seen ⌊rows / n⌋ times, and the rest of the epoch
            // a part of one more shuffle, so remainder rows once more.
            Assert.Equal((epochRows + Options.BatchSize - 1) / Options.BatchSize, epoch.Count);
            Assert.All(epoch.SkipLast(1), b => Assert.Equal(Options.BatchSize, b.Length));
            int[] seen = new int[n];
            foreach (int row in epoch.SelectMany(b => b))
            {
                seen[row]++;
            }

            Assert.Equal(epochRows, seen.Sum());
            Assert.Equal(remainder, seen.Count(c => c == passes + 1));
            Assert.Equal(n - remainder, seen.Count(c => c == passes));
        }

        // Each pass is its own shuffle: the second pass of the first epoch is not the first pass again.
        if (passes >= 2)
        {
            int[] order = [.. hook.Epochs[0].SelectMany(b => b)];
            Assert.NotEqual(order[..n], order[n..(2 * n)]);
        }
    }

    private sealed class RowRecorder(int epochRows) : ITrainingBatchHook
    {
        public SortedDictionary<int, List<int[]>> Epochs { get; } = [];

        public int RowsPerEpoch(IReadOnlyList<int> classCounts) => epochRows;

        public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
        {
            using Tensor first = inputs.select(1, 0);
            int[] rows = [.. first.data<float>().ToArray().Select(v => (int)v)];
            if (!Epochs.TryGetValue(batch.Epoch, out List<int[]>? epoch))
            {
                Epochs[batch.Epoch] = epoch = [];
            }

            epoch.Add(rows);
            return (inputs, oneHot);
        }
    }

    private sealed class ScaledTargets(double factor) : ITrainingBatchHook
    {
        public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
        {
            using var scale = factor.ToScalar();
            return (inputs, oneHot.mul(scale));
        }
    }

    private sealed class HalfMix : ITrainingBatchHook
    {
        public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
        {
            using var half = 0.5.ToScalar();
            using Tensor flippedInputs = inputs.flip(0);
            using Tensor flippedTargets = oneHot.flip(0);
            using Tensor inputSum = inputs.add(flippedInputs);
            using Tensor targetSum = oneHot.add(flippedTargets);
            return (inputSum.mul(half), targetSum.mul(half));
        }
    }
}
