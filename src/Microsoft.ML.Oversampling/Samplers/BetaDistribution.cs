using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Draws from Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia and Tsang, 2000).</summary>
internal static class BetaDistribution
{
    public static double Sample(DeterministicRandom random, double a, double b)
    {
        double x = SampleGamma(random, a);
        double y = SampleGamma(random, b);
        return x / (x + y);
    }

    /// <summary>Gamma(shape, 1): Marsaglia–Tsang for shape ≥ 1; below 1, Gamma(shape + 1)·U^(1/shape) (their boost).</summary>
    private static double SampleGamma(DeterministicRandom random, double shape)
    {
        if (shape < 1)
        {
            double boosted = SampleGamma(random, shape + 1);
            return boosted * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = random.NextGaussian();
            double v = 1.0 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
