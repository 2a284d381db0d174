using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Tests.Samplers.Deep;

/// <summary>
/// Where a pair generator's outputs sit relative to their pairs: for each pair (a, b) the step
/// <c>t = ⟨g − a, b − a⟩ / ‖b − a‖²</c> along the segment and the distance off it relative to <c>‖b − a‖</c>.
/// For SMOTE's random interpolation t is uniform on [0, 1) (mean 1/2, standard deviation 1/√12 ≈ 0.289) and the
/// distance from the midpoint averages 1/4 of the pair's length; a generator that learned the midpoint has t ≈ 1/2
/// with a small spread and outputs close to the midpoint.
/// </summary>
internal sealed record PairGeometry(double MeanStep, double StepStd, double MedianDistanceFromMidpoint)
{
    /// <summary>The spread of t under SMOTE's uniform u.</summary>
    public static readonly double UniformStepStd = 1 / Math.Sqrt(12);

    public static (int[] First, int[] Second) RandomPairs(int rows, int count, int seed)
    {
        var random = new DeterministicRandom(seed);
        var first = new int[count];
        var second = new int[count];
        for (int i = 0; i < count; i++)
        {
            first[i] = random.NextInt(rows);
            second[i] = (first[i] + 1 + random.NextInt(rows - 1)) % rows;
        }

        return (first, second);
    }

    /// <summary>Measures <paramref name="generated"/> (row i made from <c>classRows[first[i]]</c> and <c>classRows[second[i]]</c>).</summary>
    public static PairGeometry Measure(DenseMatrix classRows, DenseMatrix generated, int[] first, int[] second)
    {
        var steps = new double[first.Length];
        var distances = new double[first.Length];
        for (int i = 0; i < first.Length; i++)
        {
            ReadOnlySpan<float> a = classRows.Row(first[i]), b = classRows.Row(second[i]), g = generated.Row(i);
            double dot = 0, length2 = 0, off = 0;
            for (int j = 0; j < a.Length; j++)
            {
                dot += ((double)g[j] - a[j]) * ((double)b[j] - a[j]);
                length2 += ((double)b[j] - a[j]) * ((double)b[j] - a[j]);
                double mid = (a[j] + (double)b[j]) / 2;
                off += (g[j] - mid) * (g[j] - mid);
            }

            steps[i] = dot / length2;
            distances[i] = Math.Sqrt(off / length2);
        }

        double mean = steps.Average();
        double std = Math.Sqrt(steps.Sum(s => (s - mean) * (s - mean)) / (steps.Length - 1));
        Array.Sort(distances);
        return new PairGeometry(mean, std, distances[distances.Length / 2]);
    }

    /// <summary>Fits <paramref name="sampler"/> and measures its class-1 generator on random pairs of class-1 rows.</summary>
    public static PairGeometry OfFittedSampler(Oversampler sampler, DenseMatrix x, int[] y, int seed)
    {
        ResampleResult result = sampler.FitResample(x, y, seed);
        DenseMatrix minority = ClassRows(x, y, 1);
        var (first, second) = RandomPairs(minority.Rows, 400, seed: 9);
        return Measure(minority, Generator(result.Generator!, 1).GenerateFromPairs(first, second, new DeterministicRandom(1)), first, second);
    }

    /// <summary>
    /// §2.4: MSE on targets a + u(b − a) with u ~ U(0,1) is minimised by E[t | a, b], the midpoint. SMOTE's own points
    /// have step std 1/√12 ≈ 0.289 and a median distance of 1/4 from the midpoint; a quarter of that spread and half
    /// that distance cannot come from random interpolation.
    /// </summary>
    public void AssertMidpointGenerator()
    {
        Assert.InRange(MeanStep, 0.45, 0.55);
        Assert.True(StepStd < UniformStepStd / 4, $"step std {StepStd:F3}");
        Assert.True(MedianDistanceFromMidpoint < 0.125, $"median distance from midpoint {MedianDistanceFromMidpoint:F3} of the pair length");
    }

    /// <summary>The median over pairs of <paramref name="distance"/>(row of <paramref name="left"/>, row of
    /// <paramref name="right"/>, a, b) for the pairs <c>(first[i], second[i])</c> of <paramref name="classRows"/>.</summary>
    public static double Measure(DenseMatrix left, DenseMatrix right, int[] first, int[] second,
        Func<float[], float[], float[], float[], double> distance, DenseMatrix classRows)
    {
        var values = Enumerable.Range(0, first.Length)
            .Select(i => distance(left.Row(i).ToArray(), right.Row(i).ToArray(), classRows.Row(first[i]).ToArray(), classRows.Row(second[i]).ToArray()))
            .Order().ToArray();
        return values[values.Length / 2];
    }

    /// <summary>Squared Euclidean distance.</summary>
    public static double Squared(float[] u, float[] v) => u.Zip(v).Sum(p => ((double)p.First - p.Second) * ((double)p.First - p.Second));

    /// <summary>The rows of class <paramref name="label"/>, in order (the generator's class rows).</summary>
    public static DenseMatrix ClassRows(DenseMatrix features, int[] labels, int label) =>
        features.SelectRows(Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToArray());

    public static PairGenerator Generator(SyntheticDataGenerator generators, int label) =>
        Assert.IsType<PairGenerator>(generators.For(label));
}
