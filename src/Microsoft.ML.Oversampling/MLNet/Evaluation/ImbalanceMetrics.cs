using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// The class-imbalance metrics ML.NET does not report, computed from its <see cref="ConfusionMatrix"/> (rows are the
/// true classes, columns the predicted ones; a binary matrix is ordered positive, negative).
/// </summary>
internal static class ImbalanceMetrics
{
    /// <summary>
    /// The geometric mean of the per-class recalls, imbalanced-learn's <c>geometric_mean_score</c> (its default
    /// <c>average='multiclass'</c>); for two classes √(TPR·TNR). A class without true rows counts as recall 0.
    /// </summary>
    public static double GeometricMean(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int k = matrix.NumberOfClasses;
        double logSum = 0;
        for (int c = 0; c < k; c++)
        {
            double recall = Recall(matrix, c);
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
    public static double BalancedAccuracy(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        double sum = 0;
        int present = 0;
        for (int c = 0; c < matrix.NumberOfClasses; c++)
        {
            if (RowTotal(matrix, c) > 0)
            {
                sum += Recall(matrix, c);
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
    public static double MatthewsCorrelation(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int k = matrix.NumberOfClasses;
        double total = 0, correct = 0, truePredicted = 0, predictedSquares = 0, trueSquares = 0;
        for (int c = 0; c < k; c++)
        {
            double trueCount = RowTotal(matrix, c);
            double predictedCount = 0;
            for (int r = 0; r < k; r++)
            {
                predictedCount += matrix.Counts[r][c];
            }

            total += trueCount;
            correct += matrix.Counts[c][c];
            truePredicted += trueCount * predictedCount;
            predictedSquares += predictedCount * predictedCount;
            trueSquares += trueCount * trueCount;
        }

        double denominator = Math.Sqrt(((total * total) - predictedSquares) * ((total * total) - trueSquares));
        return denominator == 0 ? 0 : ((correct * total) - truePredicted) / denominator;
    }

    private static double Recall(ConfusionMatrix matrix, int c)
    {
        double rowTotal = RowTotal(matrix, c);
        return rowTotal == 0 ? 0 : matrix.Counts[c][c] / rowTotal;
    }

    private static double RowTotal(ConfusionMatrix matrix, int c)
    {
        double sum = 0;
        foreach (double count in matrix.Counts[c])
        {
            sum += count;
        }

        return sum;
    }
}
