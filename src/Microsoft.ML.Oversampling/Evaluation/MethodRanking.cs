namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>
/// Average ranks of methods over datasets (Demšar 2006): on each dataset the methods are ranked by score, the best
/// getting rank 1 and ties sharing the mean of their ranks; a method's average rank is the mean over datasets.
/// </summary>
public static class MethodRanking
{
    /// <summary>The average rank of each method.</summary>
    /// <param name="scores">One row per dataset, one column per method (every row as long as the first); higher is better.</param>
    /// <returns>The average rank of each method, in column order (1 = best on every dataset).</returns>
    /// <exception cref="ArgumentException">No dataset, or rows of different lengths.</exception>
    public static double[] AverageRanks(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("Average ranks need at least one dataset.", nameof(scores));
        }

        int methods = scores[0].Count;
        var sum = new double[methods];
        foreach (IReadOnlyList<double> row in scores)
        {
            if (row.Count != methods)
            {
                throw new ArgumentException($"Every dataset needs a score for each of the {methods} methods; one has {row.Count}.", nameof(scores));
            }

            double[] ranks = TiedRanks.Average([.. row.Select(v => -v)], out _);
            for (int j = 0; j < methods; j++)
            {
                sum[j] += ranks[j];
            }
        }

        return [.. sum.Select(s => s / scores.Count)];
    }
}
