namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>One fold of a stratified, repeated cross-validation: the model fitted on the other folds and its test metrics.</summary>
/// <typeparam name="TMetrics">ML.NET's metrics type (binary or multiclass).</typeparam>
public sealed class StratifiedFoldResult<TMetrics>
    where TMetrics : class
{
    internal StratifiedFoldResult(int repeat, int fold, TMetrics metrics, ITransformer model, IDataView scoredHoldOutSet, double fitSeconds)
    {
        Repeat = repeat;
        Fold = fold;
        Metrics = metrics;
        Model = model;
        ScoredHoldOutSet = scoredHoldOutSet;
        FitSeconds = fitSeconds;
    }

    /// <summary>The repeat, 0-based; each repeat reshuffles the rows into new folds.</summary>
    public int Repeat { get; }

    /// <summary>The test fold within the repeat, 0-based.</summary>
    public int Fold { get; }

    /// <summary>ML.NET's metrics on the test fold (the imbalance metrics are extension properties on it).</summary>
    public TMetrics Metrics { get; }

    /// <summary>The model the estimator fitted on the training folds.</summary>
    public ITransformer Model { get; }

    /// <summary>The test fold scored by <see cref="Model"/>, lazily, as ML.NET's <c>CrossValidationResult.ScoredHoldOutSet</c>.</summary>
    public IDataView ScoredHoldOutSet { get; }

    /// <summary>Wall-clock seconds of the estimator's <c>Fit</c> on the training folds.</summary>
    public double FitSeconds { get; }
}
