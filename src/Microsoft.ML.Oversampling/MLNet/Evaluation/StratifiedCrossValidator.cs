using System.Diagnostics;
using Microsoft.ML.Oversampling.Evaluation;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// The stratified, repeated k-fold loop. Each fold is two lazy row filters over one view of the input that carries a
/// per-row test-fold flag (<see cref="PositionalColumnDataView"/>), so no fold is ever materialised. The estimator's
/// <c>Fit</c> sees only the training folds and the test fold is only scored, so a sampler in the pipeline never touches
/// a test fold.
/// </summary>
/// <remarks>
/// ML.NET's <c>CrossValidate</c> with a Single fold-id column as <c>samplingKeyColumnName</c> does not hash it (only
/// non-numeric keys are hashed): it min-max-normalises the ids and keeps [f/k, (f+1)/k] with both bounds inclusive,
/// which would also give these folds. The own loop is used because it reports each fold's fit time and model, runs
/// repeats, and does not rest on that internal normalisation.
/// </remarks>
internal static class StratifiedCrossValidator
{
    /// <summary>Runs the folds and summarises <paramref name="metricValues"/> over them.</summary>
    public static StratifiedCrossValidationResult<TMetrics> Run<TMetrics>(
        IDataView data,
        IEstimator<ITransformer> estimator,
        StratificationLabels labels,
        string labelColumnName,
        int numberOfFolds,
        int repeats,
        int seed,
        Func<IDataView, TMetrics> evaluate,
        Func<TMetrics, IEnumerable<KeyValuePair<string, double>>> metricValues)
        where TMetrics : class
    {
        CheckStrata(labels, labelColumnName, numberOfFolds);

        // Only for the data operations (filters, column drop); they use no randomness.
        var context = new MLContext(seed);
        string flagColumn = UnusedName(data.Schema, "StratifiedTestFold");
        int rowCount = labels.ClassOfRow.Length;
        var foldOfRow = new List<int[]>(repeats);
        var folds = new List<StratifiedFoldResult<TMetrics>>(repeats * numberOfFolds);
        for (int repeat = 0; repeat < repeats; repeat++)
        {
            var random = DeterministicRandom.Derive(unchecked((ulong)seed), (ulong)repeat);
            int[] assignment = StratifiedFolds.Assign(labels.ClassOfRow, labels.ClassCount, numberOfFolds, random);
            foldOfRow.Add(assignment);
            for (int fold = 0; fold < numberOfFolds; fold++)
            {
                int testFold = fold;
                // 0 on the test fold, 1 elsewhere: the filters keep [0, 1) for the test fold and [1, 2) for training.
                var flagged = new PositionalColumnDataView(data, flagColumn, rowCount, row => assignment[row] == testFold ? 0f : 1f);
                IDataView train = WithoutColumn(context, context.Data.FilterRowsByColumn(flagged, flagColumn, lowerBound: 1, upperBound: 2), flagColumn);
                IDataView test = WithoutColumn(context, context.Data.FilterRowsByColumn(flagged, flagColumn, lowerBound: 0, upperBound: 1), flagColumn);

                var stopwatch = Stopwatch.StartNew();
                ITransformer model = estimator.Fit(train);
                double fitSeconds = stopwatch.Elapsed.TotalSeconds;
                IDataView scored = model.Transform(test);
                folds.Add(new StratifiedFoldResult<TMetrics>(repeat, fold, evaluate(scored), model, scored, fitSeconds));
            }
        }

        return new StratifiedCrossValidationResult<TMetrics>(folds, Summarise(folds, metricValues), foldOfRow, numberOfFolds);
    }

    /// <summary>Every class that occurs needs a row in every test fold, and there must be two such classes.</summary>
    private static void CheckStrata(StratificationLabels labels, string labelColumnName, int numberOfFolds)
    {
        var counts = new int[labels.ClassCount];
        foreach (int c in labels.ClassOfRow)
        {
            counts[c]++;
        }

        if (counts.Count(n => n > 0) < 2)
        {
            throw new ArgumentException($"Label column '{labelColumnName}' has fewer than two classes; stratified cross-validation needs at least two.", "data");
        }

        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0 && counts[c] < numberOfFolds)
            {
                throw new ArgumentException(
                    $"Class {labels.ClassName(c)} of label column '{labelColumnName}' has {counts[c]} rows, fewer than the {numberOfFolds} folds; every test fold needs a row of each class. Use fewer folds.",
                    "data");
            }
        }
    }

    private static Dictionary<string, MetricStatistics> Summarise<TMetrics>(
        List<StratifiedFoldResult<TMetrics>> folds,
        Func<TMetrics, IEnumerable<KeyValuePair<string, double>>> metricValues)
        where TMetrics : class
    {
        List<Dictionary<string, double>> perFold = folds.Select(f => metricValues(f.Metrics).ToDictionary(p => p.Key, p => p.Value)).ToList();
        // A metric enters the summary only if every fold reports it (for example LogLoss needs calibrated folds).
        return perFold[0].Keys
            .Where(name => perFold.All(values => values.ContainsKey(name)))
            .ToDictionary(name => name, name => new MetricStatistics(perFold.Select(values => values[name])));
    }

    private static IDataView WithoutColumn(MLContext context, IDataView data, string column) =>
        context.Transforms.DropColumns(column).Fit(data).Transform(data);

    private static string UnusedName(DataViewSchema schema, string stem)
    {
        string name = stem;
        for (int i = 1; schema.GetColumnOrNull(name) is not null; i++)
        {
            name = $"{stem}_{i}";
        }

        return name;
    }
}
