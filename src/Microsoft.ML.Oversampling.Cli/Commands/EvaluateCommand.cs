using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Oversampling.Cli.Evaluation;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;
using Microsoft.ML.Oversampling.Evaluation;
using Microsoft.ML.Oversampling.MLNet.Evaluation;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample evaluate</c>: stratified, repeated k-fold cross-validation of each method in the pipeline
/// NormalizeMinMax → method → trainer, on a file or an embedded dataset (default: yeast4, built from the library's
/// matrix loader), printing mean ± std of the metrics and optionally every fold as JSON.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly (string Metric, string Header)[] s_binary =
    [
        ("AreaUnderRocCurve", "AUC"), ("AreaUnderPrecisionRecallCurve", "AUPRC"), ("F1Score", "F1"),
        ("PositivePrecision", "precision"), ("PositiveRecall", "recall"), ("GeometricMean", "G-mean"),
    ];

    private static readonly (string Metric, string Header)[] s_multiclass =
    [
        ("MicroAccuracy", "micro acc."), ("MacroAccuracy", "macro acc."), ("LogLoss", "log-loss"), ("GeometricMean", "G-mean"), ("BalancedAccuracy", "bal. acc."),
    ];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        var label = CommonOptions.Label();
        var positive = CommonOptions.Positive();
        var categorical = CommonOptions.Categorical();
        var missing = CommonOptions.Missing();
        var dataset = CommonOptions.Dataset();
        var methods = new Option<string>("--methods", "-m")
        {
            Description = $"Comma-separated methods: {MethodFactory.Describe(includeNone: true)}.",
            DefaultValueFactory = _ => "none,random,smote,deep-smote",
        };
        var trainer = CommonOptions.Trainer();
        var folds = new Option<int>("--folds") { Description = "Folds per repeat (at least 2).", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Repetitions with fresh fold assignments (at least 1).", DefaultValueFactory = _ => 3 };
        var seed = CommonOptions.Seed();
        var methodOptions = CommonOptions.MethodOptions();
        var trainerOptions = CommonOptions.TrainerOptions();
        var json = new Option<FileInfo?>("--json") { Description = "Also write every fold's metrics as JSON to this file (replaced atomically)." };
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Also write a self-contained HTML report to this file: metric bars with ± std, ROC and precision–recall curves, "
                + "a PCA projection of real and synthetic rows per method, class counts before and after (two classes only).",
        };

        var command = new Command("evaluate", "Stratified cross-validation of methods followed by a trainer: prints mean ± std of the metrics. With no input, uses the embedded yeast4.")
        {
            input, label, positive, categorical, missing, dataset, methods, trainer, folds, repeats, seed, methodOptions, trainerOptions, json, report,
        };
        CliAction.Set(command, error, parse =>
        {
            int seedValue = parse.GetValue(seed), foldCount = parse.GetValue(folds), repeatCount = parse.GetValue(repeats);
            string? jsonPath = parse.GetValue(json) is { } j ? OutputFiles.Check(j.FullName, "--json", (parse.GetValue(input)?.FullName, "--input")) : null;
            string? reportPath = parse.GetValue(report) is { } h
                ? OutputFiles.Check(h.FullName, "--report", (parse.GetValue(input)?.FullName, "--input"), (jsonPath, "--json"))
                : null;
            if (foldCount < 2)
            {
                throw new CliException($"--folds {foldCount}: cross-validation needs at least 2 folds.");
            }

            if (repeatCount < 1)
            {
                throw new CliException($"--repeats {repeatCount}: give at least 1.");
            }

            string[] methodNames = CommonOptions.Split(parse.GetValue(methods)!);
            if (methodNames.Length == 0)
            {
                throw new CliException("--methods names no method.");
            }

            string trainerName = parse.GetValue(trainer)!;
            string[] trainOptions = parse.GetValue(trainerOptions) ?? [];
            TrainerCatalog.Check(trainerName, trainOptions);
            var cats = CommonOptions.CategoricalNames(parse.GetValue(categorical), parse.GetValue(methodOptions));
            InputData loaded = InputData.Load(new MLContext(seedValue), parse.GetValue(input), parse.GetValue(dataset), parse.GetValue(label)!, parse.GetValue(positive),
                cats, CommonOptions.ParseMissing(parse.GetValue(missing)!), allowDefault: true);
            loaded.CheckFolds(foldCount);
            if (reportPath is not null && loaded.Data.IsMulticlass)
            {
                throw new CliException($"--report: the report is for two classes; the label has {loaded.Data.Classes.Values.Count}.");
            }

            var assignments = methodNames.ToDictionary(m => m, m => MethodFactory.IsNone(m) ? [] : MethodFactory.Assignments(m, parse.GetValue(methodOptions) ?? [], seedValue, cats));
            output.WriteLine($"dataset {loaded.Describe()}; trainer {trainerName}; {repeatCount}x{foldCount}-fold stratified cross-validation, seed {seedValue}");

            var binaryResults = new System.Collections.Concurrent.ConcurrentDictionary<string, StratifiedCrossValidationResult<Microsoft.ML.Data.BinaryClassificationMetrics>>();
            var results = CliProgress.Run(error, "cross-validating", methodNames, method => method, method =>
            {
                // A fresh context per method with the same seed: every method sees the same folds.
                var ml = new MLContext(seedValue);
                IEstimator<ITransformer> pipeline = PipelineFactory.Build(ml, loaded.Data, method, assignments[method], trainerName, trainOptions, seedValue);
                return ClassNames.Translate(loaded.Data.Classes, () => CrossValidation.Run(ml, loaded.Data, pipeline, foldCount, repeatCount, seedValue,
                    reportPath is null ? null : r => binaryResults[method] = r), $"method '{method}': ");
            }, (method, r, elapsed) => string.Create(CultureInfo.InvariantCulture, $"{method}: {r.Count} folds in {elapsed.TotalSeconds:F1} s"));

            var shown = loaded.Data.IsMulticlass ? s_multiclass : s_binary;
            PrintTable(output, methodNames, results, shown);
            if (jsonPath is not null)
            {
                OutputFiles.WriteText(jsonPath, w => w.Write(Json(methodNames, results, trainerName, loaded.Data.Name, foldCount, repeatCount, seedValue)));
                output.WriteLine($"wrote {jsonPath}");
            }

            if (reportPath is not null)
            {
                EvaluationReport.Write(
                    reportPath,
                    $"{loaded.Data.Name}: {trainerName}, {repeatCount}x{foldCount}-fold stratified cross-validation, seed {seedValue}",
                    seedValue,
                    loaded.Data,
                    [.. methodNames.Select(m => (m, assignments[m], binaryResults[m]))]);
                output.WriteLine($"wrote {reportPath}");
            }

            return 0;
        });
        return command;
    }

    private static void PrintTable(TextWriter output, string[] methods, List<IReadOnlyList<FoldScores>> results, (string Metric, string Header)[] shown)
    {
        var table = new Table().AddColumn("method");
        foreach (var (_, header) in shown)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.AddColumn(new TableColumn("fit s").RightAligned());
        for (int i = 0; i < methods.Length; i++)
        {
            var folds = results[i];
            var cells = new List<string> { Markup.Escape(methods[i]) };
            cells.AddRange(shown.Select(m => Format(new MetricStatistics(folds.Select(f => f.Metrics[m.Metric])))));
            cells.Add(folds.Average(f => f.FitSeconds).ToString("F3", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        CliConsole.Create(output).Write(table);
        output.WriteLine();
    }

    private static string Format(MetricStatistics s) =>
        double.IsNaN(s.Mean) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F3} ± {s.StandardDeviation:F3}");

    private static string Json(string[] methods, List<IReadOnlyList<FoldScores>> results, string trainer, string dataset, int folds, int repeats, int seed)
    {
        var document = new Dictionary<string, object>
        {
            ["dataset"] = dataset,
            ["trainer"] = trainer,
            ["folds"] = folds,
            ["repeats"] = repeats,
            ["seed"] = seed,
            ["methods"] = methods.Select((m, i) => new Dictionary<string, object>
            {
                ["method"] = m,
                ["summary"] = results[i][0].Metrics.Keys.ToDictionary(k => k, k =>
                {
                    var s = new MetricStatistics(results[i].Select(f => f.Metrics[k]));
                    return new Dictionary<string, double?> { ["mean"] = Finite(s.Mean), ["std"] = Finite(s.StandardDeviation) };
                }),
                ["fitSecondsMean"] = results[i].Average(f => f.FitSeconds),
                ["folds"] = results[i].Select(f => new Dictionary<string, object>
                {
                    ["repeat"] = f.Repeat,
                    ["fold"] = f.Fold,
                    ["fitSeconds"] = f.FitSeconds,
                    ["metrics"] = f.Metrics.ToDictionary(kv => kv.Key, kv => Finite(kv.Value)),
                }).ToList(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
