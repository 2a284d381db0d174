using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>
/// The ROC and precision–recall curves of scored binary predictions. Rows are ranked by score, highest first; rows
/// with equal scores form one step, so ties never depend on row order.
/// </summary>
public sealed class BinaryCurves
{
    private BinaryCurves(CurvePoints roc, CurvePoints precisionRecall, int positives, int negatives)
    {
        Roc = roc;
        PrecisionRecall = precisionRecall;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>False-positive rate (x) against true-positive rate (y), from (0, 0) to (1, 1); the area is the AUC.</summary>
    public CurvePoints Roc { get; }

    /// <summary>Recall (x) against precision (y), one point per distinct score; the area is the average precision.</summary>
    public CurvePoints PrecisionRecall { get; }

    /// <summary>Positive (label <c>true</c>) rows.</summary>
    public int Positives { get; }

    /// <summary>Negative rows.</summary>
    public int Negatives { get; }

    /// <summary>The curves of labels and scores (a higher score means more likely positive).</summary>
    /// <exception cref="ArgumentException">The lengths differ, or one class is absent.</exception>
    public static BinaryCurves FromScores(IReadOnlyList<bool> labels, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {scores.Count} scores.", nameof(scores));
        }

        int positives = labels.Count(l => l);
        int negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("The curves need both positive and negative rows.", nameof(labels));
        }

        int[] order = Enumerable.Range(0, labels.Count).OrderByDescending(i => scores[i]).ToArray();
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var recall = new List<double> { 0 };
        var precision = new List<double> { 1 };
        int tp = 0, fp = 0;
        double auc = 0, averagePrecision = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                if (labels[order[end]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                end++;
            }

            double x = fp / (double)negatives, y = tp / (double)positives;
            auc += (x - fpr[^1]) * (y + tpr[^1]) / 2;
            fpr.Add(x);
            tpr.Add(y);
            double p = tp / (double)(tp + fp);
            averagePrecision += (y - recall[^1]) * p;
            recall.Add(y);
            precision.Add(p);
            start = end;
        }

        return new BinaryCurves(
            new CurvePoints([.. fpr], [.. tpr], auc),
            new CurvePoints([.. recall], [.. precision], averagePrecision),
            positives,
            negatives);
    }

    /// <summary>The curves of a scored data view's Boolean label and <c>Score</c> columns.</summary>
    public static BinaryCurves FromScoredData(IDataView scored, string labelColumnName = "Label", string scoreColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(scored);
        return FromScores(scored.GetColumn<bool>(labelColumnName).ToArray(), scored.GetColumn<float>(scoreColumnName).ToArray());
    }

    /// <summary>
    /// The curves of every test fold of a cross-validation pooled together: each row is scored by the model that did
    /// not see it (once per repeat).
    /// </summary>
    public static BinaryCurves FromCrossValidation(
        StratifiedCrossValidationResult<BinaryClassificationMetrics> crossValidation,
        string labelColumnName = "Label",
        string scoreColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(crossValidation);
        var labels = new List<bool>();
        var scores = new List<float>();
        foreach (StratifiedFoldResult<BinaryClassificationMetrics> fold in crossValidation.Folds)
        {
            labels.AddRange(fold.ScoredHoldOutSet.GetColumn<bool>(labelColumnName));
            scores.AddRange(fold.ScoredHoldOutSet.GetColumn<float>(scoreColumnName));
        }

        return FromScores(labels, scores);
    }
}
