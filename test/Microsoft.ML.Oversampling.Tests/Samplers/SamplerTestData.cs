using System.Globalization;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

/// <summary>Small data sets for the sampler tests.</summary>
internal static class SamplerTestData
{
    /// <summary>Gaussian classes (unit variance) centred at <c>centre[label]</c> on every axis, rows interleaved.</summary>
    public static (DenseMatrix Features, int[] Labels) Blobs(int seed, int features, params (int Label, int Count, double Centre)[] classes)
    {
        var random = new DeterministicRandom(seed);
        var labels = classes.SelectMany(c => Enumerable.Repeat(c.Label, c.Count)).ToArray();
        random.Shuffle(labels.AsSpan());
        var centre = classes.ToDictionary(c => c.Label, c => c.Centre);
        var matrix = new DenseMatrix(labels.Length, features);
        for (int i = 0; i < labels.Length; i++)
        {
            for (int j = 0; j < features; j++)
            {
                matrix[i, j] = (float)(centre[labels[i]] + random.NextGaussian());
            }
        }

        return (matrix, labels);
    }

    /// <summary>A CSV with a header, numeric features and an integer label in the last column.</summary>
    public static (DenseMatrix Features, int[] Labels) ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        int columns = lines[0].Split(',').Length - 1;
        var matrix = new DenseMatrix(lines.Length, columns);
        var labels = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            string[] parts = lines[i].Split(',');
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = float.Parse(parts[j], CultureInfo.InvariantCulture);
            }

            labels[i] = int.Parse(parts[columns], CultureInfo.InvariantCulture);
        }

        return (matrix, labels);
    }

    /// <summary>
    /// Whether <paramref name="point"/> lies on the segment from <paramref name="from"/> to <paramref name="to"/>:
    /// one step t in [0, 1] explains every coordinate up to float rounding.
    /// </summary>
    public static bool OnSegment(ReadOnlySpan<float> point, ReadOnlySpan<float> from, ReadOnlySpan<float> to, double maxStep = 1.0)
    {
        double t = double.NaN;
        int widest = -1;
        for (int j = 0; j < point.Length; j++)
        {
            if (widest < 0 || Math.Abs(to[j] - from[j]) > Math.Abs(to[widest] - from[widest]))
            {
                widest = j;
            }
        }

        double span = (double)to[widest] - from[widest];
        t = span == 0 ? 0 : (point[widest] - from[widest]) / span;
        if (t < -1e-6 || t > maxStep + 1e-6)
        {
            return false;
        }

        for (int j = 0; j < point.Length; j++)
        {
            double expected = from[j] + (t * ((double)to[j] - from[j]));
            double tolerance = 4e-7 * (Math.Abs(from[j]) + Math.Abs(to[j]) + 1);
            if (Math.Abs(point[j] - expected) > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Asserts that a sampler resamples bit-identically with 1 and with 2 threads.</summary>
    public static void AssertSameForOneAndTwoThreads(Func<int, Oversampler> create, DenseMatrix features, int[] labels, int seed)
    {
        ResampleResult one = create(1).FitResample(features, labels, seed);
        ResampleResult two = create(2).FitResample(features, labels, seed);
        Assert.Equal(one.Features.Values, two.Features.Values);
        Assert.Equal(one.Labels, two.Labels);
    }
}
