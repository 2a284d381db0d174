using System.Diagnostics;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;

namespace Microsoft.ML.Oversampling.Cli.Evaluation;

/// <summary>
/// The one seam between the tool and cross-validation: repeated k-fold cross-validation of a pipeline, returning every
/// fold's metrics. It uses ML.NET's <c>CrossValidate</c> (not stratified; fit time per fold is the repeat's time split
/// evenly) until the library's stratified cross-validation is available.
/// </summary>
internal static class CrossValidation
{
    /// <summary>The binary metrics, by ML.NET's names.</summary>
    public static readonly IReadOnlyList<string> BinaryMetrics =
        ["AreaUnderRocCurve", "AreaUnderPrecisionRecallCurve", "F1Score", "PositivePrecision", "PositiveRecall", "Accuracy", "GeometricMean"];

    /// <summary>The multiclass metrics, by ML.NET's names.</summary>
    public static readonly IReadOnlyList<string> MulticlassMetrics = ["MicroAccuracy", "MacroAccuracy", "LogLoss", "GeometricMean"];

    /// <summary>Cross-validates <paramref name="pipeline"/> on <paramref name="data"/>.</summary>
    public static IReadOnlyList<FoldScores> Run(MLContext ml, TrainingData data, IEstimator<ITransformer> pipeline, int folds, int repeats, int seed)
    {
        var scores = new List<FoldScores>();
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            if (data.IsMulticlass)
            {
                var results = ml.MulticlassClassification.CrossValidate(data.Data, pipeline, folds, TrainingData.LabelColumn, seed: seed + r);
                double each = clock.Elapsed.TotalSeconds / results.Count;
                scores.AddRange(results.Select(f => new FoldScores(r, f.Fold, Multiclass(f.Metrics), each)));
            }
            else
            {
                var results = ml.BinaryClassification.CrossValidateNonCalibrated(data.Data, pipeline, folds, TrainingData.LabelColumn, seed: seed + r);
                double each = clock.Elapsed.TotalSeconds / results.Count;
                scores.AddRange(results.Select(f => new FoldScores(r, f.Fold, Binary(f.Metrics), each)));
            }
        }

        return scores;
    }

    /// <summary>The binary metrics of one evaluation.</summary>
    public static IReadOnlyDictionary<string, double> Binary(BinaryClassificationMetrics m) => new Dictionary<string, double>
    {
        ["AreaUnderRocCurve"] = m.AreaUnderRocCurve,
        ["AreaUnderPrecisionRecallCurve"] = m.AreaUnderPrecisionRecallCurve,
        ["F1Score"] = m.F1Score,
        ["PositivePrecision"] = m.PositivePrecision,
        ["PositiveRecall"] = m.PositiveRecall,
        ["Accuracy"] = m.Accuracy,
        ["GeometricMean"] = double.NaN,
    };

    /// <summary>The multiclass metrics of one evaluation.</summary>
    public static IReadOnlyDictionary<string, double> Multiclass(MulticlassClassificationMetrics m) => new Dictionary<string, double>
    {
        ["MicroAccuracy"] = m.MicroAccuracy,
        ["MacroAccuracy"] = m.MacroAccuracy,
        ["LogLoss"] = m.LogLoss,
        ["GeometricMean"] = double.NaN,
    };
}
