using Microsoft.ML.Oversampling.Generators;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>
/// The scalar-holding tensor operations give LibTorch's own results (bit for bit where the operation is the same one),
/// and the scalar-free softplus matches LibTorch's within float rounding.
/// </summary>
[Collection(ParallelismCollection.Name)]
public sealed class ScalarOperandsTests
{
    [Fact]
    public void ArithmeticWithHeldScalars_EqualsTorchSharpsOwnOperations()
    {
        using var scope = NewDisposeScope();
        Tensor x = linspace(-7, 9, 257, dtype: ScalarType.Float32);
        Tensor y = x.flip(0).mul(x).sin();

        AssertSameBits(x.mul(0.37), x.MulBy(0.37));
        AssertSameBits(x.div(2.9), x.DividedBy(2.9));
        AssertSameBits(x.sub(0.125), x.Minus(0.125));
        AssertSameBits(x.clamp_min(1), x.AtLeast(1));
        AssertSameBits(x.add(y), x.Plus(y));
        AssertSameBits(x.sub(y), x.Minus(y));
    }

    [Fact]
    public void Softplus_MatchesLibTorchWithinRounding_AndNeverOverflows()
    {
        using var scope = NewDisposeScope();
        Tensor z = cat([linspace(-100, 100, 2001, dtype: ScalarType.Float32), tensor(new[] { -1e30f, 1e30f, 0f })]);

        float[] ours = z.Softplus().data<float>().ToArray();
        float[] theirs = nn.functional.softplus(z).data<float>().ToArray();
        float[] input = z.data<float>().ToArray();

        for (int i = 0; i < ours.Length; i++)
        {
            // Both evaluate log(1 + e^z) in float32 with a few correctly rounded steps (exp, log1p, one add): each
            // contributes at most half an ulp of its result, so 4 ulps of the larger magnitude bound the difference.
            float scale = Math.Max(Math.Abs(theirs[i]), float.Epsilon);
            Assert.True(float.IsFinite(ours[i]), $"softplus({input[i]}) = {ours[i]}");
            Assert.True(Math.Abs(ours[i] - theirs[i]) <= 4 * MathF.BitIncrement(scale) - (4 * scale), $"softplus({input[i]}): ours {ours[i]:R}, LibTorch {theirs[i]:R}");
            Assert.True(ours[i] >= 0 && ours[i] >= input[i], $"softplus({input[i]}) = {ours[i]} is below max(z, 0)");
        }
    }

    private static void AssertSameBits(Tensor expected, Tensor actual)
    {
        int[] a = expected.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
        int[] b = actual.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
        Assert.Equal(a, b);
    }
}
