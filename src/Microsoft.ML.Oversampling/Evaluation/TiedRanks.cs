namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>Ranks with ties: the smallest value gets rank 1, and values that tie share the mean of the ranks they span.</summary>
public static class TiedRanks
{
    /// <summary>The ranks 1..n of <paramref name="values"/> in ascending order, ties given their average rank.</summary>
    /// <param name="values">The values to rank (compared exactly).</param>
    /// <param name="tieCorrection">Σ(t³ − t) over the groups of t tied values (0 when there are no ties), the term
    /// the normal approximations of rank tests subtract from the variance.</param>
    /// <returns>The rank of each value, in the input order.</returns>
    public static double[] Average(IReadOnlyList<double> values, out double tieCorrection)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        int[] order = [.. Enumerable.Range(0, n).OrderBy(i => values[i])];
        var ranks = new double[n];
        tieCorrection = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            double t = end - start + 1;
            tieCorrection += (t * t * t) - t;
            start = end + 1;
        }

        return ranks;
    }
}
