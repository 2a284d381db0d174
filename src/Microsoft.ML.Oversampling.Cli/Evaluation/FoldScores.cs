namespace Microsoft.ML.Oversampling.Cli.Evaluation;

/// <summary>One test fold's metrics (ML.NET's metric names, plus the imbalance extensions) and the pipeline's fit time.</summary>
/// <param name="Repeat">0-based repeat.</param>
/// <param name="Fold">0-based fold within the repeat.</param>
/// <param name="Metrics">Metric name → value.</param>
/// <param name="FitSeconds">Seconds to fit the pipeline on the training folds.</param>
internal sealed record FoldScores(int Repeat, int Fold, IReadOnlyDictionary<string, double> Metrics, double FitSeconds);
