using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neural;

/// <summary>
/// Compares the gradients that <see cref="Tensor.Backward"/> computes with central finite differences.
/// </summary>
/// <remarks>
/// The checked scalar is <c>Σ wᵢ·yᵢ</c> with fixed random weights w, so every output element's gradient path is
/// exercised (a plain sum would hide errors that cancel). The forward passes run in float32 while the scalar and the
/// differences are accumulated in double. With step h = 1e-2 the truncation error of the central difference is about
/// h²/6·|f'''| ≈ 2e-5 for the smooth, O(1)-scaled functions used here, and float32 rounding of the forward adds about
/// n·1e-7/h ≈ 1e-4 for n ≤ 100 outputs; the tolerance 1e-3 + 1e-2·|numeric| sits well above both and far below the
/// O(1)-relative errors a wrong derivative produces. Inputs are chosen at least 0.05 away from kinks (ReLU, abs,
/// clamp), more than h, so the one-sided slopes agree.
/// </remarks>
internal static class GradientCheck
{
    private const double Step = 1e-2;

    public static void Check(Func<Tensor[], Tensor> function, params Tensor[] inputs)
    {
        foreach (var input in inputs)
        {
            input.RequiresGrad = true;
        }

        var output = function(inputs);
        var random = new DeterministicRandom(12345);
        var weights = Tensor.Zeros(output.Shape);
        for (int i = 0; i < weights.Size; i++)
        {
            weights.Data[i] = (float)((random.NextDouble() * 2) - 1);
        }

        Functional.Sum(Functional.Mul(output, weights)).Backward();

        for (int t = 0; t < inputs.Length; t++)
        {
            var input = inputs[t];
            Assert.NotNull(input.Grad);
            var analytic = input.Grad!.ToArray();
            for (int i = 0; i < input.Size; i++)
            {
                float original = input.Data[i];
                input.Data[i] = (float)(original + Step);
                double plus = Objective(function, inputs, weights);
                input.Data[i] = (float)(original - Step);
                double minus = Objective(function, inputs, weights);
                input.Data[i] = original;
                double numeric = (plus - minus) / (2 * Step);
                double tolerance = 1e-3 + (1e-2 * Math.Abs(numeric));
                Assert.True(
                    Math.Abs(analytic[i] - numeric) <= tolerance,
                    $"input {t}, element {i}: analytic {analytic[i]} vs numeric {numeric}");
            }
        }
    }

    /// <summary>Uniform values in [low, high), keeping at least 0.05 away from each of <paramref name="kinks"/>.</summary>
    public static Tensor Random(int seed, float low, float high, int[] shape, params float[] kinks)
    {
        var random = new DeterministicRandom(seed);
        var tensor = Tensor.Zeros(shape);
        var values = tensor.Data;
        for (int i = 0; i < values.Length; i++)
        {
            float v;
            do
            {
                v = low + ((high - low) * random.NextSingle());
            }
            while (kinks.Any(k => Math.Abs(v - k) < 0.05f));

            values[i] = v;
        }

        return tensor;
    }

    private static double Objective(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor weights)
    {
        using (Autograd.NoGrad())
        {
            var y = function(inputs);
            double total = 0;
            for (int i = 0; i < y.Size; i++)
            {
                total += (double)y.Data[i] * weights.Data[i];
            }

            return total;
        }
    }
}
