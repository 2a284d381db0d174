using Microsoft.ML.Oversampling.AutoSmote;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>The straight-through Gumbel-Softmax: exactly one option per head forward, the soft sample's gradient
/// backward (checked against LibTorch's autograd of softmax), and the Gumbel-max property of its noise.</summary>
public sealed class AutoSmoteGumbelSoftmaxTests
{
    [Fact]
    public void Sample_PicksThePerturbedArgmaxOfEachHead_AndBackwardIsTheSoftSamplesJacobian()
    {
        const int rows = 6;
        const double temperature = 0.7;
        int[] heads = [2, 5, 4];
        int width = heads.Sum();
        var random = new DeterministicRandom(11);
        float[] logits = [.. Enumerable.Range(0, rows * width).Select(_ => (float)random.NextGaussian())];
        double[] upstream = [.. Enumerable.Range(0, rows * width).Select(_ => random.NextGaussian())];
        float[] noise = GumbelSoftmax.Noise(rows, width, random);
        GumbelSoftmax sample = GumbelSoftmax.Sample(logits, noise, temperature, heads);

        var gradient = new double[rows * width];
        sample.Backward(upstream, gradient);
        using var scope = NewDisposeScope();
        for (int r = 0, offset = 0; r < rows; r++)
        {
            for (int head = 0; head < heads.Length; offset += heads[head++])
            {
                float[] perturbed = [.. Enumerable.Range(offset, heads[head]).Select(j => logits[j] + noise[j])];
                Assert.Equal(Array.IndexOf(perturbed, perturbed.Max()), sample.Choice(r, head));

                // L = Σ G ⊙ softmax((ℓ + g)/τ) through LibTorch's autograd: the straight-through gradient is that of the soft sample.
                Tensor leaf = tensor(perturbed.Select(v => (double)v).ToArray()).requires_grad_(true);
                leaf.div(temperature).softmax(0).mul(tensor(upstream[offset..(offset + heads[head])])).sum().backward();
                double[] expected = leaf.grad!.data<double>().ToArray();
                for (int j = 0; j < heads[head]; j++)
                {
                    Assert.True(Math.Abs(gradient[offset + j] - expected[j]) <= 1e-12, $"row {r} head {head} option {j}: {gradient[offset + j]} vs {expected[j]}");
                }
            }
        }

        Assert.Contains(gradient, g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void Noise_MakesTheChoiceAGumbelMaxSample_OfSoftmaxOfTheLogits()
    {
        // P(argmax(ℓ + g) = k) = softmax(ℓ)_k; with N draws each frequency is within 4 standard errors √(p(1 − p)/N).
        const int draws = 20_000;
        double[] p = [0.5, 0.3, 0.2];
        float[] logits = [.. Enumerable.Range(0, draws).SelectMany(_ => p.Select(v => (float)Math.Log(v)))];
        GumbelSoftmax sample = GumbelSoftmax.Sample(logits, GumbelSoftmax.Noise(draws, 3, new DeterministicRandom(5)), 1.0, [3]);
        for (int k = 0; k < 3; k++)
        {
            double frequency = Enumerable.Range(0, draws).Count(r => sample.Choice(r, 0) == k) / (double)draws;
            Assert.InRange(frequency, p[k] - (4 * Math.Sqrt(p[k] * (1 - p[k]) / draws)), p[k] + (4 * Math.Sqrt(p[k] * (1 - p[k]) / draws)));
        }
    }
}
