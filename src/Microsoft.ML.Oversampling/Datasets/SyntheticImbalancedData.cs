using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>
/// Generates binary imbalanced data with a controlled dimension and imbalance ratio, for dimensionality sweeps and
/// benchmarks: the majority class is N(0, I); the minority class is a mixture of three unit-variance Gaussian
/// clusters whose centres lie at distance <see cref="Separation"/> from the origin in a random direction within
/// the first min(d, 5) features (the informative ones); the other features are noise for both classes.
/// </summary>
public static class SyntheticImbalancedData
{
    /// <summary>Distance of each minority cluster centre from the majority mean. 2.5 makes the classes overlap
    /// partly (a Bayes error of a few percent), so oversampling choices matter.</summary>
    public const double Separation = 2.5;

    private const int Clusters = 3;
    private const int MaxInformative = 5;

    /// <summary>Generates the data: label 1 = minority, 0 = majority; features named <c>f0</c>, <c>f1</c>, ….</summary>
    /// <param name="rows">Total rows (at least 2).</param>
    /// <param name="features">Dimension d (at least 1).</param>
    /// <param name="imbalanceRatio">Majority rows per minority row (at least 1).</param>
    /// <param name="seed">Seed: the same arguments give the same data.</param>
    public static LabeledMatrix Generate(int rows, int features, double imbalanceRatio, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imbalanceRatio, 1.0);
        var random = new DeterministicRandom(seed);
        int minority = Math.Max(1, (int)Math.Round(rows / (1 + imbalanceRatio)));
        int informative = Math.Min(features, MaxInformative);

        var centres = new double[Clusters][];
        for (int c = 0; c < Clusters; c++)
        {
            double[] direction = Enumerable.Range(0, informative).Select(_ => random.NextGaussian()).ToArray();
            double norm = Math.Sqrt(direction.Sum(v => v * v));
            centres[c] = direction.Select(v => v / norm * Separation).ToArray();
        }

        var x = new DenseMatrix(rows, features);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            bool isMinority = i < minority;
            double[]? centre = isMinority ? centres[random.NextInt(Clusters)] : null;
            Span<float> row = x.Row(i);
            for (int j = 0; j < features; j++)
            {
                row[j] = (float)(random.NextGaussian() + (centre is not null && j < informative ? centre[j] : 0));
            }

            labels[i] = isMinority ? 1 : 0;
        }

        // Shuffle so the minority rows are not all first.
        int[] order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order.AsSpan());
        DenseMatrix shuffled = x.SelectRows(order);
        int[] shuffledLabels = order.Select(i => labels[i]).ToArray();
        string[] names = Enumerable.Range(0, features).Select(j => "f" + j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new LabeledMatrix(shuffled, shuffledLabels, names);
    }
}
