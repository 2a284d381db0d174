using Microsoft.ML.Oversampling.Evaluation;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// The outcome of a stratified, repeated k-fold cross-validation: every fold's result and, per metric, the mean ±
/// sample standard deviation over all folds of all repeats.
/// </summary>
/// <typeparam name="TMetrics">ML.NET's metrics type (binary or multiclass).</typeparam>
public sealed class StratifiedCrossValidationResult<TMetrics>
    where TMetrics : class
{
    private readonly IReadOnlyList<int[]> _foldOfRow;

    internal StratifiedCrossValidationResult(
        IReadOnlyList<StratifiedFoldResult<TMetrics>> folds,
        IReadOnlyDictionary<string, MetricStatistics> summary,
        IReadOnlyList<int[]> foldOfRow,
        int numberOfFolds)
    {
        Folds = folds;
        Summary = summary;
        _foldOfRow = foldOfRow;
        NumberOfFolds = numberOfFolds;
    }

    /// <summary>Every fold's result, repeat by repeat, fold by fold.</summary>
    public IReadOnlyList<StratifiedFoldResult<TMetrics>> Folds { get; }

    /// <summary>
    /// Per metric, keyed by ML.NET's metric property name (for example <c>AreaUnderRocCurve</c>, <c>F1Score</c>) or
    /// the imbalance extension's name (<c>GeometricMean</c>, <c>BalancedAccuracy</c>, <c>MatthewsCorrelation</c>): the
    /// values in <see cref="Folds"/> order with their mean and sample standard deviation.
    /// </summary>
    public IReadOnlyDictionary<string, MetricStatistics> Summary { get; }

    /// <summary>The number of folds per repeat.</summary>
    public int NumberOfFolds { get; }

    /// <summary>The number of repeats.</summary>
    public int Repeats => _foldOfRow.Count;

    /// <summary>The test fold of each row of the input, in its order, in repeat <paramref name="repeat"/>.</summary>
    public IReadOnlyList<int> TestFoldOfRow(int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repeat);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(repeat, Repeats);
        return _foldOfRow[repeat];
    }
}
