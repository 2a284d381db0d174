namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>
/// Macro-averaged scores of binary predictions, as scikit-learn's <c>precision_recall_fscore_support(average='macro',
/// zero_division=0)</c> and <c>balanced_accuracy_score</c>: each class's precision, recall and F1 with that class as
/// the positive one, averaged over the two classes.
/// </summary>
/// <param name="Precision">Mean of the two classes' precisions (a class never predicted has precision 0).</param>
/// <param name="Recall">Mean of the two classes' recalls; equal to the balanced accuracy when both classes occur.</param>
/// <param name="F1">Mean of the two classes' F1 scores (0 for a class with precision and recall 0).</param>
/// <param name="BalancedAccuracy">Mean recall over the classes present in the truth.</param>
public sealed record MacroScores(double Precision, double Recall, double F1, double BalancedAccuracy)
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="truth"/>, both 0/1 labels.</summary>
    /// <exception cref="ArgumentException">Lengths differ, no rows, or a label other than 0 and 1.</exception>
    public static MacroScores Of(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count || truth.Count == 0)
        {
            throw new ArgumentException($"Need equally many true and predicted labels, at least one ({truth.Count} and {predicted.Count}).");
        }

        var counts = new int[2, 2];
        for (int i = 0; i < truth.Count; i++)
        {
            if (truth[i] is not (0 or 1) || predicted[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i}: labels must be 0 or 1 (true {truth[i]}, predicted {predicted[i]}).");
            }

            counts[truth[i], predicted[i]]++;
        }

        double precision = 0, recall = 0, f1 = 0, presentRecall = 0;
        int present = 0;
        for (int c = 0; c < 2; c++)
        {
            int hit = counts[c, c];
            int actual = counts[c, 0] + counts[c, 1];
            int called = counts[0, c] + counts[1, c];
            double p = called == 0 ? 0 : hit / (double)called;
            double r = actual == 0 ? 0 : hit / (double)actual;
            precision += p / 2;
            recall += r / 2;
            f1 += (p + r == 0 ? 0 : 2 * p * r / (p + r)) / 2;
            if (actual > 0)
            {
                presentRecall += r;
                present++;
            }
        }

        return new MacroScores(precision, recall, f1, presentRecall / present);
    }
}
