using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML;

/// <summary>
/// G-mean, balanced accuracy and Matthews correlation on ML.NET's own metric results, the scores imbalanced-learn
/// users expect next to ML.NET's F1 and AUC. Each is computed from the result's <see cref="ConfusionMatrix"/>, so it
/// describes the same predictions as ML.NET's accuracy, precision and recall. Note that ML.NET's binary evaluator
/// predicts positive where <c>Score</c> &gt; 0 whatever the model's threshold (a threshold moved with
/// <c>ChangeModelThreshold</c> changes <c>PredictedLabel</c>, not these metrics).
/// </summary>
public static class ImbalanceMetricsExtensions
{
    /// <param name="confusionMatrix">An ML.NET confusion matrix (binary or multiclass).</param>
    extension(ConfusionMatrix confusionMatrix)
    {
        /// <summary>The geometric mean of the per-class recalls (binary: √(TPR·TNR)); 0 if any class's recall is 0.</summary>
        public double GeometricMean => ImbalanceMetrics.GeometricMean(Counts(confusionMatrix));

        /// <summary>The mean of the per-class recalls over the classes that occur in the truth (binary: (TPR + TNR) / 2).</summary>
        public double BalancedAccuracy => ImbalanceMetrics.BalancedAccuracy(Counts(confusionMatrix));

        /// <summary>The Matthews correlation coefficient (multiclass: scikit-learn's R_K form); 0 when undefined.</summary>
        public double MatthewsCorrelation => ImbalanceMetrics.MatthewsCorrelation(Counts(confusionMatrix));
    }

    /// <param name="metrics">The result of <c>BinaryClassification.Evaluate</c> or <c>EvaluateNonCalibrated</c>.</param>
    extension(BinaryClassificationMetrics metrics)
    {
        /// <summary>√(TPR·TNR) of the predicted labels: imbalanced-learn's <c>geometric_mean_score</c>.</summary>
        public double GeometricMean => ImbalanceMetrics.GeometricMean(Counts(Matrix(metrics)));

        /// <summary>(TPR + TNR) / 2 of the predicted labels: scikit-learn's <c>balanced_accuracy_score</c>.</summary>
        public double BalancedAccuracy => ImbalanceMetrics.BalancedAccuracy(Counts(Matrix(metrics)));

        /// <summary>The Matthews correlation of the predicted labels: scikit-learn's <c>matthews_corrcoef</c>.</summary>
        public double MatthewsCorrelation => ImbalanceMetrics.MatthewsCorrelation(Counts(Matrix(metrics)));
    }

    /// <param name="metrics">The result of <c>MulticlassClassification.Evaluate</c>.</param>
    extension(MulticlassClassificationMetrics metrics)
    {
        /// <summary>The k-th root of the product of the k per-class recalls: imbalanced-learn's <c>geometric_mean_score</c>.</summary>
        public double GeometricMean => ImbalanceMetrics.GeometricMean(Counts(Matrix(metrics)));

        /// <summary>The macro-average of the per-class recalls: scikit-learn's <c>balanced_accuracy_score</c>.</summary>
        public double BalancedAccuracy => ImbalanceMetrics.BalancedAccuracy(Counts(Matrix(metrics)));

        /// <summary>The multiclass Matthews correlation: scikit-learn's <c>matthews_corrcoef</c>.</summary>
        public double MatthewsCorrelation => ImbalanceMetrics.MatthewsCorrelation(Counts(Matrix(metrics)));
    }

    private static IReadOnlyList<IReadOnlyList<double>> Counts(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Counts;
    }

    private static ConfusionMatrix Matrix(BinaryClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.ConfusionMatrix;
    }

    private static ConfusionMatrix Matrix(MulticlassClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.ConfusionMatrix;
    }
}
