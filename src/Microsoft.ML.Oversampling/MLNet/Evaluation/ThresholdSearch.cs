namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// The score threshold that maximises a confusion-matrix metric: one sweep over the distinct scores, from the highest
/// down, so every achievable split of the rows into predicted positive and negative is tried once.
/// </summary>
internal static class ThresholdSearch
{
    /// <summary>The best threshold for <paramref name="objective"/>; among equal values, the highest threshold.</summary>
    /// <param name="labels">The truth of each row.</param>
    /// <param name="scores">The score of each row; a NaN score is never above a threshold, so it stays negative.</param>
    /// <param name="objective">The metric to maximise.</param>
    public static BinaryThreshold Find(IReadOnlyList<bool> labels, IReadOnlyList<float> scores, ThresholdObjective objective)
    {
        int[] order = Enumerable.Range(0, scores.Count).Where(i => !float.IsNaN(scores[i])).OrderByDescending(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Count - positives;

        // Nothing predicted positive: a threshold at the highest score (the scorer's test is score > threshold).
        float bestThreshold = order.Length == 0 ? 0f : scores[order[0]];
        double bestValue = Value(objective, 0, 0, positives, negatives);
        double tp = 0, fp = 0;
        for (int i = 0; i < order.Length;)
        {
            float score = scores[order[i]];
            for (; i < order.Length && scores[order[i]] == score; i++)
            {
                if (labels[order[i]]) { tp++; } else { fp++; }
            }

            double value = Value(objective, tp, fp, positives, negatives);
            if (value > bestValue)
            {
                bestValue = value;
                bestThreshold = i < order.Length ? Between(score, scores[order[i]]) : MathF.BitDecrement(score);
            }
        }

        return new BinaryThreshold(bestThreshold, objective, bestValue);
    }

    /// <summary>A threshold t with lower ≤ t &lt; upper: the midpoint, unless rounding lands it on upper.</summary>
    private static float Between(float upper, float lower)
    {
        float middle = (float)((upper + (double)lower) / 2);
        return middle < upper ? middle : lower;
    }

    private static double Value(ThresholdObjective objective, double tp, double fp, double positives, double negatives)
    {
        double fn = positives - tp, tn = negatives - fp;
        double[][] counts = [[tp, fn], [fp, tn]];
        return objective switch
        {
            ThresholdObjective.GeometricMean => ImbalanceMetrics.GeometricMean(counts),
            ThresholdObjective.BalancedAccuracy => ImbalanceMetrics.BalancedAccuracy(counts),
            ThresholdObjective.MatthewsCorrelation => ImbalanceMetrics.MatthewsCorrelation(counts),
            ThresholdObjective.F1Score => tp == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn),
            _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown threshold objective."),
        };
    }
}
