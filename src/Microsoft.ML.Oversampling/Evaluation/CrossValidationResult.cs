namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>One fold of a cross-validation.</summary>
/// <typeparam name="TModel">The fitted model type.</typeparam>
/// <param name="Repeat">Which repetition (0-based).</param>
/// <param name="Fold">Which fold of the repetition (0-based).</param>
/// <param name="Metrics">Metrics on the fold's held-out rows.</param>
/// <param name="Model">The model fitted on the other folds.</param>
/// <param name="TrainingRowCount">Rows the model was fitted on (before any resampling).</param>
/// <param name="TestRowCount">Held-out rows scored (never resampled).</param>
/// <param name="FitSeconds">Wall-clock time of fitting the pipeline on this fold.</param>
public sealed record CrossValidationFold<TModel>(
    int Repeat, int Fold, BinaryClassificationMetrics Metrics, TModel Model, int TrainingRowCount, int TestRowCount, double FitSeconds);

/// <summary>The result of a (repeated) stratified k-fold cross-validation.</summary>
/// <typeparam name="TModel">The fitted model type.</typeparam>
public sealed class CrossValidationResult<TModel>
{
    internal CrossValidationResult(IReadOnlyList<CrossValidationFold<TModel>> folds)
    {
        Folds = folds;
        Summary = BinaryClassificationMetrics.MetricNames.ToDictionary(
            name => name, name => new MetricStatistics(folds.Select(f => f.Metrics.Get(name))), StringComparer.OrdinalIgnoreCase);
        FitSeconds = new MetricStatistics(folds.Select(f => f.FitSeconds));
    }

    /// <summary>Every fold, by repeat then fold.</summary>
    public IReadOnlyList<CrossValidationFold<TModel>> Folds { get; }

    /// <summary>Mean and standard deviation of every metric across all folds, keyed by metric name.</summary>
    public IReadOnlyDictionary<string, MetricStatistics> Summary { get; }

    /// <summary>Fit time per fold.</summary>
    public MetricStatistics FitSeconds { get; }
}
