using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML;

/// <summary>
/// Stratified, repeated k-fold cross-validation for ML.NET's binary and multiclass catalogs. Unlike ML.NET's
/// <c>CrossValidate</c>, which splits on a hash of random numbers, each test fold holds ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of every
/// class c: within each class the rows are shuffled (seeded) and dealt to the folds round-robin. Each repeat reshuffles.
/// </summary>
/// <remarks>
/// The estimator is fitted on the training folds only, and the test fold is only passed to the model's
/// <c>Transform</c>, so an oversampler in the pipeline resamples training folds and never a test fold. Folds are lazy
/// filters over the input; no copy of the data is made. The input must give the same rows in the same order on every
/// pass (any ML.NET data view does, unless it shuffles). Runs on the same data with the same seed, numberOfFolds and
/// repeats use the same folds, so their per-fold values pair up (for example for a Wilcoxon signed-rank test).
/// </remarks>
public static class StratifiedCrossValidationExtensions
{
    /// <summary>
    /// Cross-validates <paramref name="estimator"/> with stratified folds on a Boolean label, evaluating each test fold
    /// with <c>Evaluate</c> when the model outputs a <c>Probability</c> column and <c>EvaluateNonCalibrated</c> otherwise.
    /// </summary>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="data">The data; its label column is Boolean.</param>
    /// <param name="estimator">The pipeline to fit on each training fold (for example a sampler then a trainer).</param>
    /// <param name="numberOfFolds">Folds per repeat, at least 2; every class needs at least this many rows.</param>
    /// <param name="repeats">How many times to reshuffle and cross-validate, at least 1.</param>
    /// <param name="seed">Seeds the shuffle of repeat r (the same seed always gives the same folds).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <returns>Per-fold metrics and models, and mean ± std of AreaUnderRocCurve, AreaUnderPrecisionRecallCurve,
    /// Accuracy, F1Score, PositivePrecision, PositiveRecall, NegativePrecision, NegativeRecall, GeometricMean,
    /// BalancedAccuracy and MatthewsCorrelation (plus LogLoss, LogLossReduction and Entropy for calibrated models).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The label column is missing or not Boolean, or a count is out of range.</exception>
    /// <exception cref="ArgumentException">A class has fewer rows than folds, or only one class occurs.</exception>
    public static StratifiedCrossValidationResult<BinaryClassificationMetrics> CrossValidateStratified(
        this BinaryClassificationCatalog catalog,
        IDataView data,
        IEstimator<ITransformer> estimator,
        int numberOfFolds = 5,
        int repeats = 1,
        int seed = 0,
        string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        CheckArguments(estimator, numberOfFolds, repeats);
        StratificationLabels labels = StratificationLabels.ReadBoolean(data, labelColumnName);
        return StratifiedCrossValidator.Run(
            data,
            estimator,
            labels,
            labelColumnName,
            numberOfFolds,
            repeats,
            seed,
            scored => scored.Schema.GetColumnOrNull("Probability") is null
                ? catalog.EvaluateNonCalibrated(scored, labelColumnName)
                : catalog.Evaluate(scored, labelColumnName),
            BinaryValues);
    }

    /// <summary>Cross-validates <paramref name="estimator"/> with stratified folds on a key-typed label.</summary>
    /// <param name="catalog">The multiclass classification catalog.</param>
    /// <param name="data">The data; its label column is key-typed (for example from <c>MapValueToKey</c>).</param>
    /// <param name="estimator">The pipeline to fit on each training fold.</param>
    /// <param name="numberOfFolds">Folds per repeat, at least 2; every class that occurs needs at least this many rows.</param>
    /// <param name="repeats">How many times to reshuffle and cross-validate, at least 1.</param>
    /// <param name="seed">Seeds the shuffle of repeat r (the same seed always gives the same folds).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <returns>Per-fold metrics and models, and mean ± std of MicroAccuracy, MacroAccuracy, LogLoss,
    /// LogLossReduction, GeometricMean, BalancedAccuracy and MatthewsCorrelation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The label column is missing or not a key, or a count is out of range.</exception>
    /// <exception cref="ArgumentException">A class has fewer rows than folds, a label is missing, or only one class occurs.</exception>
    public static StratifiedCrossValidationResult<MulticlassClassificationMetrics> CrossValidateStratified(
        this MulticlassClassificationCatalog catalog,
        IDataView data,
        IEstimator<ITransformer> estimator,
        int numberOfFolds = 5,
        int repeats = 1,
        int seed = 0,
        string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        CheckArguments(estimator, numberOfFolds, repeats);
        StratificationLabels labels = StratificationLabels.ReadKey(data, labelColumnName);
        return StratifiedCrossValidator.Run(
            data,
            estimator,
            labels,
            labelColumnName,
            numberOfFolds,
            repeats,
            seed,
            scored => catalog.Evaluate(scored, labelColumnName),
            MulticlassValues);
    }

    private static void CheckArguments(IEstimator<ITransformer> estimator, int numberOfFolds, int repeats)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        if (numberOfFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(numberOfFolds), numberOfFolds, "Cross-validation needs at least 2 folds.");
        }

        if (repeats < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "Cross-validation needs at least 1 repeat.");
        }
    }

    private static IEnumerable<KeyValuePair<string, double>> BinaryValues(BinaryClassificationMetrics m)
    {
        yield return new(nameof(m.AreaUnderRocCurve), m.AreaUnderRocCurve);
        yield return new(nameof(m.AreaUnderPrecisionRecallCurve), m.AreaUnderPrecisionRecallCurve);
        yield return new(nameof(m.Accuracy), m.Accuracy);
        yield return new(nameof(m.F1Score), m.F1Score);
        yield return new(nameof(m.PositivePrecision), m.PositivePrecision);
        yield return new(nameof(m.PositiveRecall), m.PositiveRecall);
        yield return new(nameof(m.NegativePrecision), m.NegativePrecision);
        yield return new(nameof(m.NegativeRecall), m.NegativeRecall);
        yield return new("GeometricMean", m.GeometricMean);
        yield return new("BalancedAccuracy", m.BalancedAccuracy);
        yield return new("MatthewsCorrelation", m.MatthewsCorrelation);
        if (m is CalibratedBinaryClassificationMetrics c)
        {
            yield return new(nameof(c.LogLoss), c.LogLoss);
            yield return new(nameof(c.LogLossReduction), c.LogLossReduction);
            yield return new(nameof(c.Entropy), c.Entropy);
        }
    }

    private static IEnumerable<KeyValuePair<string, double>> MulticlassValues(MulticlassClassificationMetrics m)
    {
        yield return new(nameof(m.MicroAccuracy), m.MicroAccuracy);
        yield return new(nameof(m.MacroAccuracy), m.MacroAccuracy);
        yield return new(nameof(m.LogLoss), m.LogLoss);
        yield return new(nameof(m.LogLossReduction), m.LogLossReduction);
        yield return new("GeometricMean", m.GeometricMean);
        yield return new("BalancedAccuracy", m.BalancedAccuracy);
        yield return new("MatthewsCorrelation", m.MatthewsCorrelation);
    }
}
