namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>Per-column mean and standard deviation of a matrix (or of a subset of its rows).</summary>
public sealed class ColumnStatistics
{
    private ColumnStatistics(double[] mean, double[] standardDeviation, int count)
    {
        Mean = mean;
        StandardDeviation = standardDeviation;
        Count = count;
    }

    /// <summary>The mean of each column.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>The population standard deviation (divisor n, numpy's default) of each column.</summary>
    public IReadOnlyList<double> StandardDeviation { get; }

    /// <summary>The number of rows the statistics were computed over.</summary>
    public int Count { get; }

    /// <summary>Computes the statistics of all rows.</summary>
    public static ColumnStatistics Compute(DenseMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var all = new int[matrix.Rows];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return Compute(matrix, all);
    }

    /// <summary>Computes the statistics of the given rows (Welford's numerically stable update, in row order).</summary>
    public static ColumnStatistics Compute(DenseMatrix matrix, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int d = matrix.Columns;
        var mean = new double[d];
        var m2 = new double[d];
        int n = 0;
        foreach (int r in rows)
        {
            n++;
            Span<float> row = matrix.Row(r);
            for (int j = 0; j < d; j++)
            {
                double delta = row[j] - mean[j];
                mean[j] += delta / n;
                m2[j] += delta * (row[j] - mean[j]);
            }
        }

        var std = new double[d];
        for (int j = 0; j < d && n > 0; j++)
        {
            std[j] = Math.Sqrt(m2[j] / n);
        }

        return new ColumnStatistics(mean, std, n);
    }
}
