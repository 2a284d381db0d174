namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>The outcome of a paired Wilcoxon signed-rank test.</summary>
/// <param name="Statistic">W: the smaller of the positive and negative rank sums (SciPy's two-sided statistic).</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="NonZeroPairs">Pairs with a non-zero difference (zero differences are dropped, Wilcoxon's rule).</param>
/// <param name="Exact">Whether the p-value comes from the exact null distribution (no ties, at most 50 pairs) or the
/// normal approximation with tie correction.</param>
public sealed record WilcoxonResult(double Statistic, double PValue, int NonZeroPairs, bool Exact);

/// <summary>
/// The paired Wilcoxon signed-rank test, two-sided, as SciPy's <c>scipy.stats.wilcoxon</c> with its defaults
/// (<c>zero_method='wilcox'</c>, no continuity correction, exact distribution when there are at most 50 non-zero
/// differences and no ties, else the normal approximation with tie correction; this is SciPy ≥ 1.11's rule, while 1.10's
/// 'auto' mode also used the exact table with ties, where it is not valid).
/// </summary>
public static class WilcoxonSignedRankTest
{
    private const int ExactLimit = 50;

    /// <summary>Tests whether the paired differences <c>x − y</c> are symmetric about zero.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or every difference is zero.</exception>
    public static WilcoxonResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Paired samples must have equal lengths ({x.Count} and {y.Count}).");
        }

        double[] d = x.Select((v, i) => v - y[i]).Where(v => v != 0).ToArray();
        int n = d.Length;
        if (n == 0)
        {
            throw new ArgumentException("Every paired difference is zero; the test is undefined.");
        }

        double[] ranks = TiedRanks.Average(d.Select(Math.Abs).ToArray(), out double tieCorrection);
        bool hasTies = tieCorrection > 0;
        double positive = 0, negative = 0;
        for (int i = 0; i < n; i++)
        {
            if (d[i] > 0) { positive += ranks[i]; } else { negative += ranks[i]; }
        }

        double statistic = Math.Min(positive, negative);
        if (n <= ExactLimit && !hasTies)
        {
            return new WilcoxonResult(statistic, Math.Min(1.0, 2 * ExactLowerTail(n, (int)statistic)), n, Exact: true);
        }

        double mean = n * (n + 1) / 4.0;
        double variance = (n * (n + 1) * ((2 * n) + 1) / 24.0) - (tieCorrection / 48.0);
        double z = (statistic - mean) / Math.Sqrt(variance);
        return new WilcoxonResult(statistic, Math.Min(1.0, 2 * NormalCdf(z)), n, Exact: false);
    }

    /// <summary>P(W⁺ ≤ w) under the null: counts of subsets of {1..n} with rank sum ≤ w, over 2ⁿ.</summary>
    private static double ExactLowerTail(int n, int w)
    {
        int maxSum = n * (n + 1) / 2;
        var counts = new double[maxSum + 1];
        counts[0] = 1;
        for (int rank = 1; rank <= n; rank++)
        {
            for (int s = maxSum; s >= rank; s--)
            {
                counts[s] += counts[s - rank];
            }
        }

        double tail = 0;
        for (int s = 0; s <= w; s++)
        {
            tail += counts[s];
        }

        return tail / Math.Pow(2, n);
    }

    /// <summary>Standard normal CDF via the complementary error function (Numerical Recipes' erfc, |error| &lt; 1.2e-7).</summary>
    private static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        ReadOnlySpan<double> c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double polynomial = 0;
        for (int i = c.Length - 1; i >= 1; i--)
        {
            polynomial = (polynomial + c[i]) * t;
        }

        double r = t * Math.Exp(-(z * z) + c[0] + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
