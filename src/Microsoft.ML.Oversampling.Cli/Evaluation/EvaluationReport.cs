using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;
using Microsoft.ML.Oversampling.MLNet.Evaluation;
using Microsoft.ML.Oversampling.Reporting;

namespace Microsoft.ML.Oversampling.Cli.Evaluation;

/// <summary>
/// <c>evaluate --report</c>: the library's self-contained HTML report of the cross-validations, with each method's
/// sampler fitted once on all rows (after featurizing and NormalizeMinMax, as in the pipeline) for the PCA projection
/// and the class counts.
/// </summary>
internal static class EvaluationReport
{
    /// <summary>Writes the report to <paramref name="path"/> (replaced atomically).</summary>
    /// <param name="path">The checked output path.</param>
    /// <param name="title">The page's title.</param>
    /// <param name="seed">The command's seed (the samplers' assignments carry it too).</param>
    /// <param name="data">The binary data.</param>
    /// <param name="methods">Each method with its sampler assignments and its cross-validation, in table order.</param>
    public static void Write(
        string path,
        string title,
        int seed,
        TrainingData data,
        IReadOnlyList<(string Method, IReadOnlyList<string> Assignments, StratifiedCrossValidationResult<BinaryClassificationMetrics> CrossValidation)> methods)
    {
        var ml = new MLContext(seed);
        IDataView normalized = PipelineFactory.Flat([.. data.Featurize, ml.Transforms.NormalizeMinMax(TrainingData.FeaturesColumn)]).Fit(data.Data).Transform(data.Data);
        ReportMethod[] report = [.. methods.Select(m => new ReportMethod(
            m.Method,
            m.CrossValidation,
            ResamplingSnapshot.Capture(
                normalized,
                MethodFactory.IsNone(m.Method) ? null : MethodFactory.Create(ml, m.Method, m.Assignments),
                TrainingData.LabelColumn,
                TrainingData.FeaturesColumn)))];
        string html = OversamplingReport.ToHtml(title, report);
        OutputFiles.WriteText(path, w => w.Write(html));
    }
}
