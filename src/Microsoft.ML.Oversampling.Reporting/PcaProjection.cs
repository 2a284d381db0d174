namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>
/// A two-component principal component analysis: learned on rows (standardized per feature), it projects any rows of
/// the same width onto the two directions of largest variance, so real and synthetic rows share one picture.
/// </summary>
public sealed class PcaProjection
{
    private const int PowerIterations = 200;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[][] _components;

    private PcaProjection(double[] mean, double[] scale, double[][] components, double[] explainedVariance)
    {
        _mean = mean;
        _scale = scale;
        _components = components;
        ExplainedVarianceRatio = explainedVariance;
    }

    /// <summary>The share of the standardized variance each of the two components explains.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Learns the projection from <paramref name="rows"/> (at least two rows, all of one width).</summary>
    /// <exception cref="ArgumentException">Fewer than two rows or features, or rows of different widths.</exception>
    public static PcaProjection Fit(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2)
        {
            throw new ArgumentException("PCA needs at least two rows.", nameof(rows));
        }

        int d = rows[0].Length;
        if (rows.Any(r => r.Length != d))
        {
            throw new ArgumentException("All rows must have the same number of features.", nameof(rows));
        }

        if (d < 2)
        {
            throw new ArgumentException("A two-component projection needs at least two features.", nameof(rows));
        }

        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = rows.Average(r => (double)r[j]);
            double variance = rows.Sum(r => (r[j] - mean[j]) * (r[j] - mean[j])) / (rows.Count - 1);
            scale[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }

        var covariance = new double[d, d];
        foreach (float[] row in rows)
        {
            for (int a = 0; a < d; a++)
            {
                double za = (row[a] - mean[a]) / scale[a];
                for (int b = 0; b < d; b++)
                {
                    covariance[a, b] += za * (row[b] - mean[b]) / scale[b] / (rows.Count - 1);
                }
            }
        }

        double total = Enumerable.Range(0, d).Sum(j => covariance[j, j]);
        var components = new double[2][];
        var explained = new double[2];
        for (int c = 0; c < 2; c++)
        {
            (components[c], double eigenvalue) = LeadingEigenvector(covariance, d, components[..c]);
            explained[c] = total > 0 ? eigenvalue / total : 0;
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    covariance[a, b] -= eigenvalue * components[c][a] * components[c][b];
                }
            }
        }

        return new PcaProjection(mean, scale, components, explained);
    }

    /// <summary>The two coordinates of each row.</summary>
    public (double[] X, double[] Y) Project(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var x = new double[rows.Count];
        var y = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != _mean.Length)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} features; the projection was fitted on {_mean.Length}.", nameof(rows));
            }

            for (int j = 0; j < _mean.Length; j++)
            {
                double z = (rows[i][j] - _mean[j]) / _scale[j];
                x[i] += z * _components[0][j];
                y[i] += z * _components[1][j];
            }
        }

        return (x, y);
    }

    // Power iteration from a fixed start (deterministic), kept orthogonal to the earlier components so a component of
    // zero variance is still a unit direction orthogonal to them; the sign is fixed so the largest entry is positive.
    private static (double[] Vector, double Eigenvalue) LeadingEigenvector(double[,] matrix, int d, double[][] earlier)
    {
        double[] v = StartVector(d, earlier);
        double eigenvalue = 0;
        for (int iteration = 0; iteration < PowerIterations; iteration++)
        {
            var next = new double[d];
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    next[a] += matrix[a, b] * v[b];
                }
            }

            Orthogonalize(next, earlier);
            double norm = Math.Sqrt(next.Sum(x => x * x));
            if (norm < 1e-12)
            {
                eigenvalue = 0;
                break;
            }

            eigenvalue = norm;
            v = [.. next.Select(x => x / norm)];
        }

        int largest = Array.IndexOf(v, v.MaxBy(Math.Abs));
        return (v[largest] < 0 ? [.. v.Select(x => -x)] : v, eigenvalue);
    }

    private static double[] StartVector(int d, double[][] earlier)
    {
        var candidates = new List<double[]> { Enumerable.Range(0, d).Select(j => 1.0 + (j % 3)).ToArray() };
        candidates.AddRange(Enumerable.Range(0, d).Select(j => Enumerable.Range(0, d).Select(i => i == j ? 1.0 : 0.0).ToArray()));
        foreach (double[] candidate in candidates)
        {
            Orthogonalize(candidate, earlier);
            double norm = Math.Sqrt(candidate.Sum(x => x * x));
            if (norm > 1e-6)
            {
                return [.. candidate.Select(x => x / norm)];
            }
        }

        return candidates[0];
    }

    private static void Orthogonalize(double[] v, double[][] earlier)
    {
        foreach (double[] u in earlier)
        {
            double dot = v.Zip(u).Sum(p => p.First * p.Second);
            for (int j = 0; j < v.Length; j++)
            {
                v[j] -= dot * u[j];
            }
        }
    }
}
