namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>A metric the report shows: its key in <c>StratifiedCrossValidationResult.Summary</c> and its short label.</summary>
/// <param name="Key">The summary key, for example <c>AreaUnderRocCurve</c>.</param>
/// <param name="Label">The label on axes and table headers, for example <c>AUC</c>.</param>
public sealed record ReportMetric(string Key, string Label)
{
    /// <summary>The metrics shown by default: AUC, AUPRC, F1, precision, recall, G-mean and balanced accuracy.</summary>
    public static IReadOnlyList<ReportMetric> Defaults { get; } =
    [
        new("AreaUnderRocCurve", "AUC"),
        new("AreaUnderPrecisionRecallCurve", "AUPRC"),
        new("F1Score", "F1"),
        new("PositivePrecision", "precision"),
        new("PositiveRecall", "recall"),
        new("GeometricMean", "G-mean"),
        new("BalancedAccuracy", "balanced acc."),
    ];
}
