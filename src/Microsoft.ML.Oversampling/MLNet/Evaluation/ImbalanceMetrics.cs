using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// The class-imbalance metrics ML.NET does not report, computed from the counts of its <see cref="ConfusionMatrix"/>
/// (rows are the true classes, columns the predicted ones; a binary matrix is ordered positive, negative).
/// </summary>
internal static class ImbalanceMetrics
{
    /// <summary>
    /// The geometric mean of the per-class recalls, imbalanced-learn's <c>geometric_mean_score</c> (its default
    /// <c>average='multiclass'</c>); for two classes √(TPR·TNR). A class without true rows counts as recall 0.
    /// </summary>
    public static double GeometricMean(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int k = counts.Count;
        double logSum = 0;
        for (int c = 0; c < k; c++)
        {
            double recall = Recall(counts, c);
            if (recall == 0)
            {
                return 0;
            }

            // Sum of logs: the product of many recalls would underflow long before its k-th root does.
            logSum += Math.Log(recall);
        }

        return Math.Exp(logSum / k);
    }

    /// <summary>
    /// The mean of the per-class recalls over the classes that have true rows, scikit-learn's
    /// <c>balanced_accuracy_score</c>; 0 when no class has rows.
    /// </summary>
    public static double BalancedAccuracy(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.Count; c++)
        {
            if (RowTotal(counts, c) > 0)
            {
                sum += Recall(counts, c);
                present++;
            }
        }

        return present == 0 ? 0 : sum / present;
    }

    /// <summary>
    /// The Matthews correlation coefficient in the multiclass form scikit-learn's <c>matthews_corrcoef</c> uses
    /// (Gorodkin's R_K), which equals the textbook binary formula for two classes; 0 when it is undefined (a
    /// constant truth or prediction).
    /// </summary>
    public static double MatthewsCorrelation(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int k = counts.Count;
        double total = 0, correct = 0, truePredicted = 0, predictedSquares = 0, trueSquares = 0;
        for (int c = 0; c < k; c++)
        {
            double trueCount = RowTotal(counts, c);
            double predictedCount = 0;
            for (int r = 0; r < k; r++)
            {
                predictedCount += counts[r][c];
            }

            total += trueCount;
            correct += counts[c][c];
            truePredicted += trueCount * predictedCount;
            predictedSquares += predictedCount * predictedCount;
            trueSquares += trueCount * trueCount;
        }

        double denominator = Math.Sqrt(((total * total) - predictedSquares) * ((total * total) - trueSquares));
        return denominator == 0 ? 0 : ((correct * total) - truePredicted) / denominator;
    }

    private static double Recall(IReadOnlyList<IReadOnlyList<double>> counts, int c)
    {
        double rowTotal = RowTotal(counts, c);
        return rowTotal == 0 ? 0 : counts[c][c] / rowTotal;
    }

    private static double RowTotal(IReadOnlyList<IReadOnlyList<double>> counts, int c)
    {
        double sum = 0;
        foreach (double count in counts[c])
        {
            sum += count;
        }

        return sum;
    }
}
