using Microsoft.ML.Oversampling.AutoSmote;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>The straight-through Gumbel-Softmax: exact one-hot forward, the soft sample's gradient backward, and the
/// Gumbel-max property of its noise.</summary>
public sealed class AutoSmoteGumbelSoftmaxTests
{
    [Fact]
    public void Hard_ForwardIsExactlyOneHot_AndTheGradientIsTheSoftSamplesJacobian()
    {
        const int rows = 6, options = 5;
        const double temperature = 0.7;
        var random = new DeterministicRandom(11);
        float[] values = [.. Enumerable.Range(0, rows * options).Select(_ => (float)random.NextGaussian())];
        float[] weights = [.. Enumerable.Range(0, rows * options).Select(_ => (float)random.NextGaussian())];
        using var scope = NewDisposeScope();
        Tensor logits = tensor(values).view(rows, options).detach().requires_grad_(true);
        Tensor noise = GumbelSoftmax.Noise(rows, options, random, CPU);
        Tensor hard = GumbelSoftmax.Hard(logits, noise, temperature);

        float[] forward = hard.detach().data<float>().ToArray();
        float[] perturbed = logits.detach().add(noise).data<float>().ToArray();
        for (int r = 0; r < rows; r++)
        {
            float[] row = forward[(r * options)..((r + 1) * options)];
            Assert.Equal(options - 1, row.Count(v => v == 0f)); // exactly zero, not rounding residue
            Assert.Equal(1, row.Count(v => v == 1f));
            int argmax = Array.IndexOf(perturbed, perturbed[(r * options)..((r + 1) * options)].Max(), r * options) - (r * options);
            Assert.Equal(1f, row[argmax]);
        }

        // L = Σ w ⊙ y: the straight-through gradient is that of the soft sample s = softmax((ℓ + g)/τ),
        // ∂L/∂ℓ_i = (1/τ)·s_i·(w_i − Σ_j s_j·w_j).
        hard.mul(tensor(weights).view(rows, options)).sum().backward();
        float[] gradient = logits.grad!.data<float>().ToArray();
        for (int r = 0; r < rows; r++)
        {
            double[] z = [.. Enumerable.Range(0, options).Select(i => perturbed[(r * options) + i] / temperature)];
            double max = z.Max();
            double[] e = [.. z.Select(v => Math.Exp(v - max))];
            double[] s = [.. e.Select(v => v / e.Sum())];
            double mean = Enumerable.Range(0, options).Sum(i => s[i] * weights[(r * options) + i]);
            for (int i = 0; i < options; i++)
            {
                double expected = s[i] * (weights[(r * options) + i] - mean) / temperature;
                Assert.True(Math.Abs(gradient[(r * options) + i] - expected) <= 1e-6, $"row {r} option {i}: {gradient[(r * options) + i]} vs {expected}");
            }
        }

        Assert.Contains(gradient, g => g != 0);
    }

    [Fact]
    public void Noise_MakesTheChoiceAGumbelMaxSample_OfSoftmaxOfTheLogits()
    {
        // P(argmax(ℓ + g) = k) = softmax(ℓ)_k; with N draws each frequency is within 4 standard errors √(p(1 − p)/N).
        const int draws = 20_000;
        double[] p = [0.5, 0.3, 0.2];
        using var scope = NewDisposeScope();
        Tensor logits = tensor(p.Select(v => (float)Math.Log(v)).ToArray()).view(1, 3).expand(draws, 3);
        Tensor hard = GumbelSoftmax.Hard(logits, GumbelSoftmax.Noise(draws, 3, new DeterministicRandom(5), CPU), 1.0);
        float[] frequency = hard.sum([0L]).div(draws).data<float>().ToArray();
        for (int k = 0; k < 3; k++)
        {
            Assert.InRange(frequency[k], p[k] - (4 * Math.Sqrt(p[k] * (1 - p[k]) / draws)), p[k] + (4 * Math.Sqrt(p[k] * (1 - p[k]) / draws)));
        }
    }
}
