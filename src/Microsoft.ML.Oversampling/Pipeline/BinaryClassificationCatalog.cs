using System.Diagnostics;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Evaluation;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Pipeline.Training;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>Binary classification: trainers, evaluation and cross-validation (ML.NET's <c>BinaryClassificationCatalog</c>).</summary>
public sealed class BinaryClassificationCatalog
{
    private readonly OversamplingContext _context;

    internal BinaryClassificationCatalog(OversamplingContext context)
    {
        _context = context;
        Trainers = new BinaryClassificationTrainers(context);
    }

    /// <summary>The trainers.</summary>
    public BinaryClassificationTrainers Trainers { get; }

    /// <summary>Evaluates scored data (the output of a model's <c>Transform</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A needed column is missing or of the wrong type.</exception>
    /// <exception cref="ArgumentException">No rows, or a single class.</exception>
    public BinaryClassificationMetrics Evaluate(DataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string probabilityColumnName = "Probability", string predictedLabelColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(data);
        bool[] labels = LabelColumns.ReadBinary(data, labelColumnName);
        data.Schema.Require("score", scoreColumnName, t => t.Kind == ColumnKind.Single, "Single");
        data.Schema.Require("probability", probabilityColumnName, t => t.Kind == ColumnKind.Single, "Single");
        data.Schema.Require("predicted label", predictedLabelColumnName, t => t.Kind == ColumnKind.Boolean, "Boolean");
        return BinaryMetricsCalculator.Compute(
            labels,
            data.GetColumn<float>(scoreColumnName).Values.ToArray(),
            data.GetColumn<float>(probabilityColumnName).Values.ToArray(),
            data.GetColumn<bool>(predictedLabelColumnName).Values.ToArray());
    }

    /// <summary>
    /// Repeated stratified k-fold cross-validation: for each repeat, rows are split into folds stratified by label;
    /// the estimator is fitted on all folds but one and evaluated on the held-out fold, which is never resampled
    /// (samplers act only while fitting, whichever form they take).
    /// </summary>
    /// <param name="data">The rows.</param>
    /// <param name="estimator">The pipeline; it must end with a binary trainer.</param>
    /// <param name="numberOfFolds">Folds per repeat. Default 5.</param>
    /// <param name="repeats">Repetitions with different fold assignments. Default 1.</param>
    /// <param name="labelColumnName">The label column. Default <c>"Label"</c>.</param>
    /// <param name="seed">Seed of the fold assignments; null to draw it from the context.</param>
    public CrossValidationResult<TTransformer> CrossValidate<TTransformer>(DataView data, IEstimator<TTransformer> estimator,
        int numberOfFolds = 5, int repeats = 1, string labelColumnName = "Label", int? seed = null)
        where TTransformer : ITransformer
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        int[] classes = LabelColumns.ReadClasses(data, labelColumnName);
        ulong baseSeed = unchecked((ulong)(long)(seed ?? _context.NextSeed()));
        var results = new List<CrossValidationFold<TTransformer>>();
        for (int repeat = 0; repeat < repeats; repeat++)
        {
            int[] folds = StratifiedSplitter.AssignFolds(classes, numberOfFolds, DeterministicRandom.Derive(baseSeed, (ulong)repeat));
            var splits = DataOperationsCatalog.FoldSplits(data, folds, numberOfFolds);
            for (int fold = 0; fold < splits.Count; fold++)
            {
                var (train, test) = splits[fold];
                var stopwatch = Stopwatch.StartNew();
                TTransformer model = estimator.Fit(train);
                double seconds = stopwatch.Elapsed.TotalSeconds;
                DataView scored = model.Transform(test);
                if (scored.RowCount != test.RowCount)
                {
                    throw new InvalidOperationException(
                        $"The fitted pipeline changed the held-out fold's row count from {test.RowCount} to {scored.RowCount}; scoring must never add or remove rows.");
                }

                results.Add(new CrossValidationFold<TTransformer>(repeat, fold, Evaluate(scored, labelColumnName), model, train.RowCount, test.RowCount, seconds));
            }
        }

        return new CrossValidationResult<TTransformer>(results);
    }
}
