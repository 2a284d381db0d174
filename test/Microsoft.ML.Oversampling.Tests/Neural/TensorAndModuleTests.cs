using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;
using F = Microsoft.ML.Oversampling.Neural.Functional;

namespace Microsoft.ML.Oversampling.Tests.Neural;

public class TensorAndModuleTests
{
    [Fact]
    public void GradientsAccumulateAcrossBackwardCalls()
    {
        var x = Tensor.FromArray([1f, 2f, 3f], 3);
        x.RequiresGrad = true;
        F.Sum(x * x).Backward();
        Assert.Equal(new[] { 2f, 4f, 6f }, x.Grad!.ToArray());
        F.Sum(x * x).Backward();
        Assert.Equal(new[] { 4f, 8f, 12f }, x.Grad!.ToArray());
        x.ZeroGrad();
        Assert.Equal(new[] { 0f, 0f, 0f }, x.Grad!.ToArray());
    }

    [Fact]
    public void SharedSubexpressionGetsBothContributions()
    {
        // y = x·e^x with x used twice: dy/dx = e^x (1 + x).
        var x = Tensor.FromArray([0.5f], 1);
        x.RequiresGrad = true;
        F.Sum(x * F.Exp(x)).Backward();
        Assert.Equal(MathF.Exp(0.5f) * 1.5f, x.Grad!.Data[0], 5);
    }

    [Fact]
    public void NoGradScopeRecordsNothing()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        Tensor y;
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsGradEnabled);
            y = F.Sum(x * x);
        }

        Assert.True(Autograd.IsGradEnabled);
        Assert.False(y.RequiresGrad);
        Assert.Throws<InvalidOperationException>(y.Backward);
    }

    [Fact]
    public void BackwardNeedsAScalar()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var error = Assert.Throws<InvalidOperationException>(() => (x * 2f).Backward());
        Assert.Contains("[2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposeScopeReleasesItsTensorsAndReusesTheirStorage()
    {
        Tensor inside;
        Tensor kept;
        float[] firstStorage;
        using (var scope = Tensor.NewDisposeScope())
        {
            inside = Tensor.Zeros(17, 3);
            firstStorage = inside.Values;
            kept = scope.MoveToOuter(Tensor.Full(2f, 4));
        }

        Assert.True(inside.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => inside.ToArray());
        Assert.Equal(new[] { 2f, 2f, 2f, 2f }, kept.ToArray());

        using (Tensor.NewDisposeScope())
        {
            Assert.Same(firstStorage, Tensor.Zeros(17, 3).Values);
        }
    }

    [Fact]
    public void BroadcastMismatchNamesBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(3, 4) + Tensor.Zeros(3));
        Assert.Contains("[3, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardValuesOfCommonOperations()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        Assert.Equal(new[] { 5f, 7f, 9f }, F.Sum(x, 0).ToArray());
        Assert.Equal(new[] { 2f, 5f }, F.Mean(x, 1).ToArray());
        Assert.Equal(new[] { 2, 1 }, F.Mean(x, 1, keepDimension: true).Shape);
        Assert.Equal(new[] { 2f, 3f, 5f, 6f }, F.Narrow(x, 1, 2).ToArray());
        Assert.Equal(new[] { 4f, 5f, 6f, 1f, 2f, 3f, 4f, 5f, 6f }, F.IndexSelect(x, [1, 0, 1]).ToArray());
        Assert.Equal(new[] { 1f, 2f, 3f, 9f, 4f, 5f, 6f, 9f }, F.Concat([x, Tensor.Full(9f, 2, 1)]).ToArray());
        var softmax = F.Softmax(x).ToArray();
        Assert.Equal(1f, softmax[0] + softmax[1] + softmax[2], 6);
        Assert.Equal(MathF.Log(softmax[4]), F.LogSoftmax(x).ToArray()[4], 5);
        Assert.Equal(new[] { 11f, 12f, 13f, 24f, 25f, 26f }, (x + Tensor.FromArray([10f, 20f], 2, 1)).ToArray());
    }

    [Fact]
    public void DropoutZeroesAboutPAndKeepsTheMean()
    {
        var x = Tensor.Full(1f, 100, 100);
        var layer = new Dropout(0.3f, new DeterministicRandom(4));
        var y = layer.Forward(x).ToArray();
        double zeros = y.Count(v => v == 0f) / 10000.0;
        Assert.InRange(zeros, 0.27, 0.33);
        Assert.All(y, v => Assert.True(v == 0f || Math.Abs(v - (1f / 0.7f)) < 1e-6));
        layer.Eval();
        Assert.Same(x, layer.Forward(x));
    }

    [Fact]
    public void BatchNormUsesBatchStatisticsInTrainingAndRunningOnesInEvaluation()
    {
        var norm = new BatchNorm1d(2, momentum: 0.5f);
        var x = Tensor.FromArray([1f, 10f, 3f, 30f], 2, 2);
        var trained = norm.Forward(x).ToArray();
        Assert.Equal(new[] { -1f, -1f, 1f, 1f }, trained.Select(v => MathF.Round(v, 4)).ToArray());

        // Running mean = 0.5·0 + 0.5·batch mean; running variance = 0.5·1 + 0.5·unbiased variance (2 and 200).
        Assert.Equal(new[] { 1f, 10f }, norm.RunningMean.ToArray());
        Assert.Equal(new[] { 1.5f, 100.5f }, norm.RunningVariance.ToArray());

        var sequential = new Sequential(norm);
        sequential.Eval();
        Assert.False(norm.Training);
        var evaluated = norm.Forward(Tensor.FromArray([1f, 10f], 1, 2)).ToArray();
        Assert.Equal(0f, evaluated[0], 5);
        Assert.Equal(0f, evaluated[1], 5);
    }

    [Fact]
    public void ModuleNamesFollowTheTorchConvention()
    {
        var random = new DeterministicRandom(1);
        var model = new Sequential(new Linear(3, 4, random), new ReLU(), new Linear(4, 2, random, hasBias: false));
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight" }, model.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Equal(3, model.Parameters().Count);
        Assert.All(model.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void LinearInitializationBoundsDependOnTheScheme()
    {
        var random = new DeterministicRandom(1);
        float Max(LinearInitialization scheme) => new Linear(100, 50, random, initialization: scheme).Weight.ToArray().Max(MathF.Abs);
        Assert.InRange(Max(LinearInitialization.Default), 0.09f, 0.1f);
        Assert.InRange(Max(LinearInitialization.KaimingUniform), 0.23f, MathF.Sqrt(6f / 100));
        Assert.InRange(Max(LinearInitialization.XavierUniform), 0.19f, MathF.Sqrt(6f / 150));
    }

    [Fact]
    public void RandomTensorsAreReproducibleAndShaped()
    {
        var normal = Tensor.Randn(new DeterministicRandom(8), 200, 50);
        Assert.Equal(new[] { 200, 50 }, normal.Shape);
        Assert.Equal(normal.ToArray(), Tensor.Randn(new DeterministicRandom(8), 200, 50).ToArray());
        double mean = normal.ToArray().Average(v => (double)v);
        double variance = normal.ToArray().Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(variance, 0.9, 1.1);

        var uniform = Tensor.Rand(new DeterministicRandom(8), 1000).ToArray();
        Assert.All(uniform, v => Assert.InRange(v, 0f, 0.99999994f));
        Assert.InRange(uniform.Average(), 0.45f, 0.55f);
    }

    [Fact]
    public void DetachedCopyHasNoHistory()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var y = x * 3f;
        var detached = y.Detach();
        Assert.False(detached.RequiresGrad);
        Assert.True(detached.IsLeaf);
        Assert.Equal(y.ToArray(), detached.ToArray());
    }

    [Fact]
    public void BackwardThroughAFreedGraphFailsInsteadOfStoppingSilently()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var hidden = F.Exp(x);
        F.Sum(hidden).Backward();
        var error = Assert.Throws<InvalidOperationException>(() => F.Sum(hidden * 2f).Backward());
        Assert.Contains("Detach", error.Message, StringComparison.Ordinal);

        // A detached copy starts a new graph.
        var detached = hidden.Detach();
        detached.RequiresGrad = true;
        F.Sum(detached * 2f).Backward();
        Assert.Equal(new[] { 2f, 2f }, detached.Grad!.ToArray());
    }
}
