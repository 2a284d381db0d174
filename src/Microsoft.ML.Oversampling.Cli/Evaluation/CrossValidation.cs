using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML.Oversampling.Cli.Evaluation;

/// <summary>
/// The one seam between the tool and cross-validation: the library's stratified, repeated k-fold cross-validation
/// (<c>CrossValidateStratified</c>: every test fold holds its share of every class), returning every fold's metrics
/// under ML.NET's names plus the imbalance extensions (G-mean, balanced accuracy, Matthews correlation).
/// </summary>
internal static class CrossValidation
{
    /// <summary>The binary metrics, by ML.NET's names and the extensions'.</summary>
    public static readonly IReadOnlyList<string> BinaryMetrics =
    [
        "AreaUnderRocCurve", "AreaUnderPrecisionRecallCurve", "F1Score", "PositivePrecision", "PositiveRecall", "Accuracy",
        "GeometricMean", "BalancedAccuracy", "MatthewsCorrelation",
    ];

    /// <summary>Cross-validates <paramref name="pipeline"/> on <paramref name="data"/>.</summary>
    /// <param name="binaryResult">Given the library's whole result of a binary cross-validation (folds with their scored test sets), for the HTML report.</param>
    public static IReadOnlyList<FoldScores> Run(MLContext ml, TrainingData data, IEstimator<ITransformer> pipeline, int folds, int repeats, int seed,
        Action<StratifiedCrossValidationResult<BinaryClassificationMetrics>>? binaryResult = null)
    {
        if (data.IsMulticlass)
        {
            var result = ml.MulticlassClassification.CrossValidateStratified(data.Data, pipeline, folds, repeats, seed, TrainingData.LabelColumn);
            return [.. result.Folds.Select(f => new FoldScores(f.Repeat, f.Fold, Multiclass(f.Metrics), f.FitSeconds))];
        }

        var binary = ml.BinaryClassification.CrossValidateStratified(data.Data, pipeline, folds, repeats, seed, TrainingData.LabelColumn);
        binaryResult?.Invoke(binary);
        return [.. binary.Folds.Select(f => new FoldScores(f.Repeat, f.Fold, Binary(f.Metrics), f.FitSeconds))];
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
        ["GeometricMean"] = m.GeometricMean,
        ["BalancedAccuracy"] = m.BalancedAccuracy,
        ["MatthewsCorrelation"] = m.MatthewsCorrelation,
    };

    /// <summary>The multiclass metrics of one evaluation.</summary>
    public static IReadOnlyDictionary<string, double> Multiclass(MulticlassClassificationMetrics m) => new Dictionary<string, double>
    {
        ["MicroAccuracy"] = m.MicroAccuracy,
        ["MacroAccuracy"] = m.MacroAccuracy,
        ["LogLoss"] = m.LogLoss,
        ["GeometricMean"] = m.GeometricMean,
        ["BalancedAccuracy"] = m.BalancedAccuracy,
        ["MatthewsCorrelation"] = m.MatthewsCorrelation,
    };
}
