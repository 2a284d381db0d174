using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Numerics;

public class DeterministicRandomTests
{
    [Fact]
    public void SameSeedGivesSameStream_DifferentSeedsDiffer()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        var c = new DeterministicRandom(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        var sb = Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray();
        var sc = Enumerable.Range(0, 100).Select(_ => c.NextUInt64()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void DerivedStreamsAreReproducibleAndDistinct()
    {
        Assert.Equal(DeterministicRandom.Derive(7, 3).NextUInt64(), DeterministicRandom.Derive(7, 3).NextUInt64());
        Assert.NotEqual(DeterministicRandom.Derive(7, 3).NextUInt64(), DeterministicRandom.Derive(7, 4).NextUInt64());
    }

    [Fact]
    public void NextIntIsUniform_ChiSquareWithinBound()
    {
        // 10 bins, 100k draws: chi-square with 9 degrees of freedom; P(X > 27.9) = 0.001.
        var rng = new DeterministicRandom(1);
        var counts = new int[10];
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            counts[rng.NextInt(10)]++;
        }

        double expected = n / 10.0;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi2 < 27.9, $"chi-square {chi2}");
    }

    [Fact]
    public void GaussianHasUnitMomentsWithinStandardErrors()
    {
        var rng = new DeterministicRandom(5);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double g = rng.NextGaussian();
            sum += g;
            sumSq += g * g;
        }

        double mean = sum / n;
        double variance = (sumSq / n) - (mean * mean);
        // Standard error of the mean is 1/sqrt(n) ~ 0.0022; of the variance sqrt(2/n) ~ 0.0032. Allow 5 SE.
        Assert.InRange(mean, -0.011, 0.011);
        Assert.InRange(variance, 1 - 0.016, 1 + 0.016);
    }

    [Fact]
    public void UnitIntervalDrawsStayInRange()
    {
        var rng = new DeterministicRandom(9);
        for (int i = 0; i < 10_000; i++)
        {
            double d = rng.NextDouble();
            float f = rng.NextSingle();
            Assert.InRange(d, 0.0, 0.9999999999999999);
            Assert.True(f >= 0f && f < 1f);
        }
    }
}
