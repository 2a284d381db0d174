namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>Computes <see cref="BinaryClassificationMetrics"/> from labels, scores, probabilities and predictions.</summary>
public static class BinaryMetricsCalculator
{
    private const double ProbabilityClip = 1e-15;

    /// <summary>Computes every metric.</summary>
    /// <param name="labels">True labels (true = positive).</param>
    /// <param name="scores">Ranking scores (higher = more positive), used by the areas under the curves.</param>
    /// <param name="probabilities">Probabilities of the positive class, used by the log-losses.</param>
    /// <param name="predicted">Predicted labels, used by the threshold metrics.</param>
    /// <exception cref="ArgumentException">Lengths differ, no rows, a single class, or non-finite scores.</exception>
    public static BinaryClassificationMetrics Compute(
        IReadOnlyList<bool> labels, IReadOnlyList<float> scores, IReadOnlyList<float> probabilities, IReadOnlyList<bool> predicted)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(predicted);
        int n = labels.Count;
        if (scores.Count != n || probabilities.Count != n || predicted.Count != n)
        {
            throw new ArgumentException($"Evaluation needs one score, probability and prediction per label ({n} labels; {scores.Count} scores, {probabilities.Count} probabilities, {predicted.Count} predictions).");
        }

        if (n == 0)
        {
            throw new ArgumentException("Cannot evaluate on an empty table.");
        }

        int badScore = Enumerable.Range(0, n).FirstOrDefault(i => !float.IsFinite(scores[i]), -1);
        if (badScore >= 0)
        {
            throw new ArgumentException($"The score of row {badScore} is {scores[badScore]}; evaluation needs finite scores.");
        }

        long tp = 0, fn = 0, fp = 0, tn = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++)
        {
            if (labels[i])
            {
                if (predicted[i]) { tp++; } else { fn++; }
            }
            else
            {
                if (predicted[i]) { fp++; } else { tn++; }
            }

            double p = Math.Clamp(probabilities[i], ProbabilityClip, 1 - ProbabilityClip);
            logLoss -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        long positives = tp + fn, negatives = fp + tn;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"The evaluated data holds a single class ({positives} positive, {negatives} negative rows); AUC and recall need both.");
        }

        logLoss /= n;
        double prior = positives / (double)n;
        double priorLogLoss = -((prior * Math.Log(prior)) + ((1 - prior) * Math.Log(1 - prior)));

        double precision = Ratio(tp, tp + fp);
        double recall = Ratio(tp, positives);
        double specificity = Ratio(tn, negatives);
        double mccDenominator = Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return new BinaryClassificationMetrics
        {
            AreaUnderRocCurve = AreaUnderRoc(labels, scores, positives, negatives),
            AreaUnderPrecisionRecallCurve = AveragePrecision(labels, scores, positives),
            Accuracy = (tp + tn) / (double)n,
            F1Score = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
            PositivePrecision = precision,
            PositiveRecall = recall,
            NegativePrecision = Ratio(tn, tn + fn),
            NegativeRecall = specificity,
            GeometricMean = Math.Sqrt(recall * specificity),
            BalancedAccuracy = (recall + specificity) / 2,
            MatthewsCorrelation = mccDenominator > 0 ? (((double)tp * tn) - ((double)fp * fn)) / mccDenominator : 0,
            LogLoss = logLoss,
            LogLossReduction = 1 - (logLoss / priorLogLoss),
            ConfusionMatrix = new ConfusionMatrix(tp, fn, fp, tn),
        };
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : numerator / (double)denominator;

    /// <summary>Rows ordered by descending score, ties kept in row order (a stable sort).</summary>
    private static int[] ByDescendingScore(IReadOnlyList<float> scores) =>
        Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();

    private static double AreaUnderRoc(IReadOnlyList<bool> labels, IReadOnlyList<float> scores, long positives, long negatives)
    {
        // Mann–Whitney U: sum over positives of (negatives ranked below) + half of the tied negatives.
        int[] order = ByDescendingScore(scores);
        double pairs = 0;
        long negativesSeen = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            long tiedPositives = 0, tiedNegatives = 0;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                if (labels[order[end]]) { tiedPositives++; } else { tiedNegatives++; }
                end++;
            }

            // Positives in this tie group beat every negative below it: count negatives below = total - seen - tied.
            long below = negatives - negativesSeen - tiedNegatives;
            pairs += tiedPositives * (below + (0.5 * tiedNegatives));
            negativesSeen += tiedNegatives;
            start = end;
        }

        return pairs / ((double)positives * negatives);
    }

    private static double AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<float> scores, long positives)
    {
        int[] order = ByDescendingScore(scores);
        double ap = 0, previousRecall = 0;
        long truePositives = 0, predictedPositives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                if (labels[order[end]])
                {
                    truePositives++;
                }

                end++;
            }

            predictedPositives += end - start;
            double recall = truePositives / (double)positives;
            ap += (recall - previousRecall) * (truePositives / (double)predictedPositives);
            previousRecall = recall;
            start = end;
        }

        return ap;
    }
}
