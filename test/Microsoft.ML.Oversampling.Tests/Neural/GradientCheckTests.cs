using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;
using F = Microsoft.ML.Oversampling.Neural.Functional;

namespace Microsoft.ML.Oversampling.Tests.Neural;

/// <summary>Finite-difference checks of every differentiable operation and loss (see <see cref="GradientCheck"/>).</summary>
public class GradientCheckTests
{
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Function, Func<Tensor[]> Inputs)> Cases = new()
    {
        ["Add"] = (x => x[0] + x[1], () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 3, 4)]),
        ["AddRowBroadcast"] = (x => x[0] + x[1], () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 4)]),
        ["SubColumnBroadcast"] = (x => x[0] - x[1], () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 3, 1)]),
        ["SubBroadcastLeft"] = (x => x[0] - x[1], () => [R(1, -1, 1, 4), R(2, -1, 1, 2, 3, 4)]),
        ["MulRowBroadcast"] = (x => x[0] * x[1], () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 1, 4)]),
        ["MulScalarTensor"] = (x => x[0] * x[1], () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 1)]),
        ["Div"] = (x => x[0] / x[1], () => [R(1, -1, 1, 3, 4), R(2, 1, 2, 3, 4)]),
        ["DivRowBroadcast"] = (x => x[0] / x[1], () => [R(1, -1, 1, 3, 4), R(2, 1, 2, 4)]),
        ["Affine"] = (x => (2.5f * x[0]) - 1f, () => [R(1, -1, 1, 3, 4)]),
        ["Neg"] = (x => -x[0], () => [R(1, -1, 1, 5)]),
        ["MatMul"] = (x => F.MatMul(x[0], x[1]), () => [R(1, -1, 1, 3, 5), R(2, -1, 1, 5, 4)]),
        ["MatMulTransposeA"] = (x => F.MatMul(x[0], x[1], transposeA: true), () => [R(1, -1, 1, 5, 3), R(2, -1, 1, 5, 4)]),
        ["MatMulTransposeB"] = (x => F.MatMul(x[0], x[1], transposeB: true), () => [R(1, -1, 1, 3, 5), R(2, -1, 1, 4, 5)]),
        ["MatMulTransposeBoth"] = (x => F.MatMul(x[0], x[1], true, true), () => [R(1, -1, 1, 5, 3), R(2, -1, 1, 4, 5)]),
        ["Linear"] = (x => F.Linear(x[0], x[1], x[2]), () => [R(1, -1, 1, 4, 3), R(2, -1, 1, 5, 3), R(3, -1, 1, 5)]),
        ["SumAll"] = (x => F.Sum(x[0]), () => [R(1, -1, 1, 3, 4)]),
        ["MeanAll"] = (x => F.Mean(x[0]), () => [R(1, -1, 1, 3, 4)]),
        ["SumRows"] = (x => F.Sum(x[0], 0), () => [R(1, -1, 1, 3, 4)]),
        ["SumColumnsKeep"] = (x => F.Sum(x[0], 1, keepDimension: true), () => [R(1, -1, 1, 3, 4)]),
        ["MeanMiddleOf3D"] = (x => F.Mean(x[0], 1), () => [R(1, -1, 1, 2, 3, 4)]),
        ["Exp"] = (x => F.Exp(x[0]), () => [R(1, -1, 1, 3, 4)]),
        ["Log"] = (x => F.Log(x[0]), () => [R(1, 0.5f, 2, 3, 4)]),
        ["Sqrt"] = (x => F.Sqrt(x[0]), () => [R(1, 0.5f, 2, 3, 4)]),
        ["PowCube"] = (x => F.Pow(x[0], 3f), () => [R(1, -1, 1, 3, 4)]),
        ["PowHalf"] = (x => F.Pow(x[0], 0.5f), () => [R(1, 0.5f, 2, 3, 4)]),
        ["Abs"] = (x => F.Abs(x[0]), () => [K(1, -1, 1, [3, 4], 0f)]),
        ["Clamp"] = (x => F.Clamp(x[0], -0.5f, 0.5f), () => [K(1, -1, 1, [3, 4], -0.5f, 0.5f)]),
        ["Relu"] = (x => F.Relu(x[0]), () => [K(1, -1, 1, [3, 4], 0f)]),
        ["LeakyRelu"] = (x => F.LeakyRelu(x[0], 0.2f), () => [K(1, -1, 1, [3, 4], 0f)]),
        ["Tanh"] = (x => F.Tanh(x[0]), () => [R(1, -2, 2, 3, 4)]),
        ["Sigmoid"] = (x => F.Sigmoid(x[0]), () => [R(1, -3, 3, 3, 4)]),
        ["Softplus"] = (x => F.Softplus(x[0]), () => [R(1, -3, 3, 3, 4)]),
        ["Softmax"] = (x => F.Softmax(x[0]), () => [R(1, -2, 2, 3, 4)]),
        ["LogSoftmax"] = (x => F.LogSoftmax(x[0]), () => [R(1, -2, 2, 3, 4)]),
        ["ConcatColumns"] = (x => F.Concat([x[0], x[1], x[2]]), () => [R(1, -1, 1, 3, 2), R(2, -1, 1, 3, 1), R(3, -1, 1, 3, 3)]),
        ["ConcatRows"] = (x => F.Concat([x[0], x[1]], 0), () => [R(1, -1, 1, 2, 3), R(2, -1, 1, 1, 3)]),
        ["NarrowColumns"] = (x => F.Narrow(x[0], 1, 2), () => [R(1, -1, 1, 3, 4)]),
        ["IndexSelectWithRepeats"] = (x => F.IndexSelect(x[0], new[] { 2, 0, 2, 1 }), () => [R(1, -1, 1, 3, 4)]),
        ["Transpose"] = (x => F.Transpose(x[0]) * x[1], () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 4, 3)]),
        ["Reshape"] = (x => F.Reshape(x[0], 4, 3) * F.Reshape(x[1], 4, 3), () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 2, 6)]),
        ["Dropout"] = (x => F.Dropout(x[0], 0.4f, training: true, new DeterministicRandom(7)), () => [R(1, -1, 1, 4, 5)]),
        ["GumbelSoftmax"] = (x => F.GumbelSoftmax(x[0], 0.7f, hard: false, new DeterministicRandom(7)), () => [R(1, -1, 1, 3, 4)]),
        ["MseLoss"] = (x => F.MseLoss(x[0], x[1]), () => [R(1, -1, 1, 3, 4), R(2, -1, 1, 3, 4)]),
        ["L1Loss"] = (x => F.L1Loss(x[0], x[1]), () => [K(1, -1, 1, [3, 4], 0f), Tensor.Zeros(3, 4)]),
        ["BinaryCrossEntropyWithLogits"] = (x => F.BinaryCrossEntropyWithLogits(x[0], x[1]), () => [R(1, -3, 3, 3, 4), R(2, 0, 1, 3, 4)]),
        ["CrossEntropyHard"] = (x => F.CrossEntropy(x[0], new[] { 1, 0, 3 }), () => [R(1, -2, 2, 3, 4)]),
        ["CrossEntropySoft"] = (x => F.CrossEntropy(x[0], x[1]), () => [R(1, -2, 2, 3, 4), R(2, 0, 1, 3, 4)]),
        ["HingeLoss"] = (x => F.HingeLoss(x[0], x[1]), () => [K(1, -2, 2, [3, 4], -1f, 1f), Labels(3, 4)]),
        ["MarginRankingLoss"] = (x => F.MarginRankingLoss(x[0], x[1], x[2], 0.5f), () => [R(1, -2, 2, 6), Tensor.Zeros(6), Labels(6)]),
        ["BatchNorm1dTraining"] = (x => new BatchNorm1d(3).Forward(x[0]), () => [R(1, -2, 2, 5, 3)]),
        ["LayerNorm"] = (x => new LayerNorm(4).Forward(x[0]), () => [R(1, -2, 2, 3, 4)]),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void AnalyticGradientMatchesFiniteDifferences(string name)
    {
        var (function, inputs) = Cases[name];
        GradientCheck.Check(function, inputs());
    }

    [Fact]
    public void FusedLinearReluMatchesComposition()
    {
        var (x1, w1, b1) = (R(1, -1, 1, 6, 5), R(2, -1, 1, 7, 5), R(3, -1, 1, 7));
        var (x2, w2, b2) = (x1.Clone(), w1.Clone(), b1.Clone());
        foreach (var t in new[] { x1, w1, b1, x2, w2, b2 })
        {
            t.RequiresGrad = true;
        }

        var fused = F.Linear(x1, w1, b1, GemmActivation.Relu);
        var composed = F.Relu(F.Linear(x2, w2, b2));
        Assert.Equal(composed.ToArray(), fused.ToArray());
        Assert.Contains(fused.ToArray(), v => v == 0f);
        F.Sum(fused * fused).Backward();
        F.Sum(composed * composed).Backward();
        Assert.Equal(x2.Grad!.ToArray(), x1.Grad!.ToArray());
        Assert.Equal(w2.Grad!.ToArray(), w1.Grad!.ToArray());
        Assert.Equal(b2.Grad!.ToArray(), b1.Grad!.ToArray());
    }

    [Fact]
    public void HardGumbelSoftmaxIsOneHotWithTheSoftGradient()
    {
        var logits = R(1, -1, 1, 5, 4);
        logits.RequiresGrad = true;
        var hard = F.GumbelSoftmax(logits, 0.5f, hard: true, new DeterministicRandom(3));
        for (int r = 0; r < 5; r++)
        {
            var row = hard.ToArray().AsSpan(r * 4, 4).ToArray();
            Assert.Equal(1, row.Count(v => v == 1f));
            Assert.Equal(3, row.Count(v => v == 0f));
        }

        var weights = R(9, -1, 1, 5, 4);
        F.Sum(hard * weights).Backward();
        var hardGrad = logits.Grad!.ToArray();

        var logits2 = logits.Clone();
        logits2.RequiresGrad = true;
        var soft = F.GumbelSoftmax(logits2, 0.5f, hard: false, new DeterministicRandom(3));
        F.Sum(soft * weights).Backward();
        Assert.Equal(logits2.Grad!.ToArray(), hardGrad);
        Assert.Contains(hardGrad, g => g != 0f);
    }

    private static Tensor R(int seed, float low, float high, params int[] shape) => GradientCheck.Random(seed, low, high, shape);

    private static Tensor K(int seed, float low, float high, int[] shape, params float[] kinks) => GradientCheck.Random(seed, low, high, shape, kinks);

    private static Tensor Labels(params int[] shape)
    {
        var labels = Tensor.Zeros(shape);
        for (int i = 0; i < labels.Size; i++)
        {
            labels.Data[i] = i % 3 == 0 ? -1f : 1f;
        }

        return labels;
    }
}
