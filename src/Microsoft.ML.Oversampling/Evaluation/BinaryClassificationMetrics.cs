namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>
/// Binary classification metrics, named as in ML.NET's <c>CalibratedBinaryClassificationMetrics</c>, plus the
/// imbalance metrics of imbalanced-learn. Precision and recall whose denominator is zero are 0, as scikit-learn's
/// <c>zero_division=0</c>.
/// </summary>
public sealed class BinaryClassificationMetrics
{
    /// <summary>The names of the metrics, in display order, as accepted by <see cref="Get"/>.</summary>
    public static IReadOnlyList<string> MetricNames { get; } =
    [
        nameof(AreaUnderRocCurve), nameof(AreaUnderPrecisionRecallCurve), nameof(F1Score), nameof(PositivePrecision),
        nameof(PositiveRecall), nameof(GeometricMean), nameof(BalancedAccuracy), nameof(MatthewsCorrelation),
        nameof(Accuracy), nameof(NegativePrecision), nameof(NegativeRecall), nameof(LogLoss), nameof(LogLossReduction),
    ];

    /// <summary>Area under the ROC curve; tied scores count one half (Mann–Whitney).</summary>
    public required double AreaUnderRocCurve { get; init; }

    /// <summary>Area under the precision-recall curve, as average precision (scikit-learn's <c>average_precision_score</c>:
    /// Σ (Rₙ − Rₙ₋₁) Pₙ over distinct score thresholds, ties grouped).</summary>
    public required double AreaUnderPrecisionRecallCurve { get; init; }

    /// <summary>Share of rows predicted correctly.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Harmonic mean of positive precision and recall.</summary>
    public required double F1Score { get; init; }

    /// <summary>TP / (TP + FP).</summary>
    public required double PositivePrecision { get; init; }

    /// <summary>TP / (TP + FN): sensitivity.</summary>
    public required double PositiveRecall { get; init; }

    /// <summary>TN / (TN + FN).</summary>
    public required double NegativePrecision { get; init; }

    /// <summary>TN / (TN + FP): specificity.</summary>
    public required double NegativeRecall { get; init; }

    /// <summary>√(sensitivity · specificity), imbalanced-learn's <c>geometric_mean_score</c> for binary labels.</summary>
    public required double GeometricMean { get; init; }

    /// <summary>(sensitivity + specificity) / 2.</summary>
    public required double BalancedAccuracy { get; init; }

    /// <summary>Matthews correlation coefficient (0 when undefined, as scikit-learn).</summary>
    public required double MatthewsCorrelation { get; init; }

    /// <summary>Mean negative log-likelihood of the probabilities, in nats (natural log, as scikit-learn's
    /// <c>log_loss</c>; ML.NET reports bits), probabilities clipped to [1e-15, 1 − 1e-15].</summary>
    public required double LogLoss { get; init; }

    /// <summary>1 − LogLoss / (log-loss of always predicting the test prior), as ML.NET.</summary>
    public required double LogLossReduction { get; init; }

    /// <summary>The confusion matrix at the model's threshold.</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>The value of a metric by name (one of <see cref="MetricNames"/>, case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public double Get(string metricName) => metricName.ToLowerInvariant() switch
    {
        "areaunderroccurve" => AreaUnderRocCurve,
        "areaunderprecisionrecallcurve" => AreaUnderPrecisionRecallCurve,
        "accuracy" => Accuracy,
        "f1score" => F1Score,
        "positiveprecision" => PositivePrecision,
        "positiverecall" => PositiveRecall,
        "negativeprecision" => NegativePrecision,
        "negativerecall" => NegativeRecall,
        "geometricmean" => GeometricMean,
        "balancedaccuracy" => BalancedAccuracy,
        "matthewscorrelation" => MatthewsCorrelation,
        "logloss" => LogLoss,
        "loglossreduction" => LogLossReduction,
        _ => throw new ArgumentException($"Unknown metric '{metricName}'. Known: {string.Join(", ", MetricNames)}.", nameof(metricName)),
    };
}
