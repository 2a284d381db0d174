using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class BetaDistributionTests
{
    [Fact]
    public void Beta10_10_HasTheRightMeanAndVariance()
    {
        // Beta(10, 10): mean 1/2, variance ab/((a+b)²(a+b+1)) = 1/84. 20k draws; 6 standard errors.
        var random = new DeterministicRandom(12);
        const int n = 20_000;
        double[] draws = Enumerable.Range(0, n).Select(_ => BetaDistribution.Sample(random, 10, 10)).ToArray();
        double mean = draws.Average();
        double variance = draws.Sum(x => (x - mean) * (x - mean)) / n;
        Assert.InRange(mean, 0.5 - (6 * Math.Sqrt(1.0 / 84 / n)), 0.5 + (6 * Math.Sqrt(1.0 / 84 / n)));
        Assert.InRange(variance, (1.0 / 84) * (1 - (6 * Math.Sqrt(2.0 / n))), (1.0 / 84) * (1 + (6 * Math.Sqrt(2.0 / n))));
        Assert.All(draws, x => Assert.InRange(x, 0, 1));
    }
}
