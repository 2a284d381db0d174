using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Evaluation;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;

namespace Microsoft.ML.Oversampling.Cli.Studies;

/// <summary>One pipeline run: a method and trainer on a dataset for one seed, metrics averaged over the folds.</summary>
internal sealed record StudyRun(string Dataset, string Trainer, string Method, int Seed, IReadOnlyDictionary<string, double> Metrics, double FitSeconds, string? Error);

/// <summary>
/// Runs a <see cref="StudyPlan"/>: for each seed the whole pipeline (NormalizeMinMax → method → trainer) is re-run
/// under a fresh <c>MLContext</c> with that seed, through stratified k-fold cross-validation whose folds also follow the seed.
/// A method that fails on a dataset (for example too few minority rows for its neighbours) is recorded with its error.
/// </summary>
internal static class StudyRunner
{
    /// <summary>The metrics a study records, by their evaluation-API names.</summary>
    public static readonly IReadOnlyList<string> Metrics =
        ["PositivePrecision", "PositiveRecall", "F1Score", "AreaUnderRocCurve", "AreaUnderPrecisionRecallCurve", "GeometricMean", "BalancedAccuracy", "MatthewsCorrelation"];

    /// <summary>
    /// Runs the plan, <see cref="StudyPlan.Jobs"/> datasets at a time. With several jobs each pipeline runs on one
    /// thread (the library-wide cap is set to 1 meanwhile); results are bit-identical either way.
    /// </summary>
    public static List<StudyRun> Run(StudyPlan plan, TextWriter progress)
    {
        int cap = Numerics.Parallelism.MaxDegreeOfParallelism;
        if (plan.Jobs > 1)
        {
            Numerics.Parallelism.MaxDegreeOfParallelism = 1;
        }

        try
        {
            return RunDatasets(plan, progress);
        }
        finally
        {
            Numerics.Parallelism.MaxDegreeOfParallelism = cap;
        }
    }

    private static List<StudyRun> RunDatasets(StudyPlan plan, TextWriter progress) =>
        CliProgress.Run(progress, "study", plan.Datasets, d => d.Name, dataset =>
        {
            TrainingData data = dataset.Load(new MLContext(plan.FirstSeed));
            var runs = new List<StudyRun>();
            foreach (string trainer in plan.Trainers)
            {
                foreach (string method in plan.Methods)
                {
                    for (int s = 0; s < plan.Seeds; s++)
                    {
                        runs.Add(RunOne(plan, dataset.Name, data, trainer, method, plan.FirstSeed + s));
                    }
                }
            }

            return runs;
        }, (dataset, runs, elapsed) => $"{dataset.Name}: {runs.Count} runs, {runs.Count(r => r.Error is not null)} failed, {elapsed.TotalSeconds:F1} s", plan.Jobs)
        .SelectMany(runs => runs).ToList();

    private static StudyRun RunOne(StudyPlan plan, string dataset, TrainingData data, string trainer, string method, int seed)
    {
        var ml = new MLContext(seed);
        try
        {
            if (data.IsMulticlass)
            {
                throw new CliException($"dataset '{dataset}' has {data.Classes.Values.Count} classes; a study compares binary datasets.");
            }

            MethodSpec spec = MethodSpec.Parse(method);
            IReadOnlyList<string> assignments = MethodFactory.IsNone(spec.Name) ? [] : MethodFactory.Assignments(spec.Name, [.. plan.MethodOptions, .. spec.Options], seed, []);
            IEstimator<ITransformer> pipeline = PipelineFactory.Build(ml, data, spec.Name, assignments, trainer, [], seed);
            // With fixed folds every seed sees the same split, so the spread across seeds is the pipeline's own randomness.
            var folds = ClassNames.Translate(data.Classes, () => CrossValidation.Run(ml, data, pipeline, plan.Folds, repeats: 1, seed: plan.FixedFolds ? plan.FirstSeed : seed));
            return new StudyRun(dataset, trainer, method, seed, Metrics.ToDictionary(m => m, m => folds.Average(f => f.Metrics[m])), folds.Average(f => f.FitSeconds), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or CliException)
        {
            return new StudyRun(dataset, trainer, method, seed, new Dictionary<string, double>(), 0, CliAction.OneLine(e));
        }
    }
}
