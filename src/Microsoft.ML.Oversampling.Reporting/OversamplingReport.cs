using System.Globalization;

namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>
/// Writes the visual report of an oversampling comparison as one self-contained HTML file: the metrics table, metric
/// bars with ± std error bars, ROC and precision–recall curves, a PCA projection of real majority, real minority and
/// synthetic rows per sampler, and the class counts before and after.
/// </summary>
/// <example>
/// <code>
/// var methods = new[]
/// {
///     new ReportMethod("none", ml.BinaryClassification.CrossValidateStratified(data, trainer, 5, 1, seed: 1),
///         ResamplingSnapshot.Capture(data, null)),
///     new ReportMethod("smote", ml.BinaryClassification.CrossValidateStratified(data, smote.Append(trainer), 5, 1, seed: 1),
///         ResamplingSnapshot.Capture(data, smote)),
/// };
/// OversamplingReport.Write("report.html", "yeast4, FastTree", methods);
/// </code>
/// </example>
public static class OversamplingReport
{
    /// <summary>The caption of the metric bars figure.</summary>
    public const string MetricsCaption = "Metrics (mean ± std)";

    /// <summary>The caption of the ROC figure.</summary>
    public const string RocCaption = "ROC curves";

    /// <summary>The caption of the precision–recall figure.</summary>
    public const string PrecisionRecallCaption = "Precision–recall curves";

    /// <summary>The caption prefix of each method's PCA figure (followed by the method's name).</summary>
    public const string ProjectionCaptionPrefix = "PCA projection: ";

    /// <summary>The caption of the class counts figure.</summary>
    public const string ClassCountsCaption = "Class counts before and after";

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/> (UTF-8), creating its folder if needed.</summary>
    public static void Write(string path, string title, IReadOnlyList<ReportMethod> methods, IReadOnlyList<ReportMetric>? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string html = ToHtml(title, methods, metrics);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, html);
    }

    /// <summary>
    /// The report as HTML. Every method needs a binary cross-validation whose scored test folds have a Boolean
    /// <c>Label</c> and a <c>Score</c> column; methods with a <see cref="ReportMethod.Resampling"/> snapshot get a PCA
    /// figure (all on the axes of the first snapshot's real rows) and a group in the class counts.
    /// </summary>
    /// <exception cref="ArgumentException">No methods.</exception>
    public static string ToHtml(string title, IReadOnlyList<ReportMethod> methods, IReadOnlyList<ReportMetric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Count == 0)
        {
            throw new ArgumentException("A report needs at least one method.", nameof(methods));
        }

        metrics ??= ReportMetric.Defaults;
        var document = new HtmlReportDocument();
        document.Heading(1, title);
        var first = methods[0].CrossValidation;
        document.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"{first.Repeats}×{first.NumberOfFolds}-fold stratified cross-validation; each value is the mean ± sample standard deviation over the {first.Folds.Count} test folds."));

        document.Heading(2, "Metrics");
        document.Table(
            ["method", .. metrics.Select(m => m.Label), "fit s"],
            methods.Select(m => MetricRow(m, metrics)));
        document.Figure(MetricsCaption, ReportCharts.MetricBars(methods, metrics), 1300, 460);

        document.Heading(2, "Curves");
        var curves = methods.Select(m => (m.Name, BinaryCurves.FromCrossValidation(m.CrossValidation))).ToArray();
        document.Figure(RocCaption, ReportCharts.RocCurves(curves), 620, 520);
        document.Figure(PrecisionRecallCaption, ReportCharts.PrecisionRecallCurves(curves), 620, 520);

        ReportMethod[] withSnapshot = [.. methods.Where(m => m.Resampling is not null)];
        if (withSnapshot.Length > 0)
        {
            document.Heading(2, "Real and synthetic rows");
            PcaProjection projection = PcaProjection.Fit(withSnapshot[0].Resampling!.RealFeatures);
            foreach (ReportMethod method in withSnapshot)
            {
                string caption = ProjectionCaptionPrefix + method.Name;
                document.Figure(caption, ReportCharts.Projection(caption, method.Resampling!, projection), 620, 480);
            }

            document.Heading(2, "Class counts");
            document.Figure(ClassCountsCaption, ReportCharts.ClassCounts(withSnapshot), 1300, 360);
        }

        return document.ToHtml(title);
    }

    private static string[] MetricRow(ReportMethod method, IReadOnlyList<ReportMetric> metrics) =>
    [
        method.Name,
        .. metrics.Select(m => method.CrossValidation.Summary.TryGetValue(m.Key, out var s)
            ? string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F3} ± {s.StandardDeviation:F3}")
            : "–"),
        method.CrossValidation.Folds.Average(f => f.FitSeconds).ToString("F3", CultureInfo.InvariantCulture),
    ];
}
