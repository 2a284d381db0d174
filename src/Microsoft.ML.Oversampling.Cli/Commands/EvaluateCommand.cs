using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Evaluation;
using Microsoft.ML.Oversampling.Pipeline;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Commands;

/// <summary>
/// <c>oversample evaluate</c>: repeated stratified k-fold cross-validation of each method followed by a trainer,
/// on a file or an embedded dataset (the default run).
/// </summary>
internal static class EvaluateCommand
{
    private static readonly (string Metric, string Header)[] s_shown =
    [
        ("AreaUnderRocCurve", "AUC"), ("AreaUnderPrecisionRecallCurve", "AUPRC"), ("F1Score", "F1"),
        ("PositivePrecision", "precision"), ("PositiveRecall", "recall"), ("GeometricMean", "G-mean"),
    ];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        var label = CommonOptions.Label();
        var positive = CommonOptions.PositiveLabel();
        var dataset = CommonOptions.Dataset();
        var methods = new Option<string>("--methods", "-m")
        {
            Description = $"Comma-separated methods: {ComponentRegistry.NoSampler}, {string.Join(", ", ComponentRegistry.Samplers.Select(s => s.Name))}.",
            DefaultValueFactory = _ => "none,random,smote,deep-smote",
        };
        var trainer = CommonOptions.Trainer();
        var folds = new Option<int>("--folds") { Description = "Folds per repeat.", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Repetitions with fresh fold assignments.", DefaultValueFactory = _ => 3 };
        var seed = CommonOptions.Seed();
        var methodOptions = CommonOptions.ComponentOptions();
        var trainerOptions = CommonOptions.TrainerOptions();
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as JSON to this file." };

        var command = new Command("evaluate", "Cross-validate methods followed by a trainer and print mean ± std of the metrics. With no input, uses the embedded default dataset.")
        {
            input, label, positive, dataset, methods, trainer, folds, repeats, seed, methodOptions, trainerOptions, json,
        };
        CliAction.Set(command, error, parse =>
        {
            int seedValue = parse.GetValue(seed);
            var (data, dataName) = CommonOptions.LoadData(new OversamplingContext(seedValue), parse.GetValue(input), parse.GetValue(label)!,
                parse.GetValue(positive), parse.GetValue(dataset), allowDefault: true);
            string[] methodNames = parse.GetValue(methods)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (methodNames.Length == 0)
            {
                throw new ArgumentException("--methods names no method.");
            }

            foreach (string name in methodNames.Where(n => n != ComponentRegistry.NoSampler))
            {
                ComponentRegistry.Sampler(name); // fail fast on a typo, before any work
            }

            string trainerName = parse.GetValue(trainer)!;
            int foldCount = parse.GetValue(folds), repeatCount = parse.GetValue(repeats);
            output.WriteLine($"dataset {dataName}: {data.RowCount} rows, {data.GetVectorColumn("Features").Size} features; trainer {trainerName}; {repeatCount}x{foldCount}-fold stratified CV, seed {seedValue}");

            var results = CliProgress.Run(error, "cross-validating", methodNames, method => method, method =>
            {
                // A fresh context per method with the same seed: every method sees the same folds.
                var ctx = new OversamplingContext(seedValue);
                IEstimator<ITransformer> pipeline = ctx.Transforms.NormalizeMeanVariance();
                if (method != ComponentRegistry.NoSampler)
                {
                    pipeline = pipeline.Append(ComponentRegistry.CreateSampler(ctx, method, parse.GetValue(methodOptions) ?? []));
                }

                pipeline = pipeline.Append(ComponentRegistry.CreateTrainer(ctx, trainerName, parse.GetValue(trainerOptions) ?? []));
                return (Method: method, Result: ctx.BinaryClassification.CrossValidate(data, pipeline, foldCount, repeatCount, seed: seedValue));
            }, (method, r, elapsed) => string.Create(CultureInfo.InvariantCulture, $"{method}: {r.Result.Folds.Count} folds in {elapsed.TotalSeconds:F2} s"));

            PrintTable(output, results);
            if (parse.GetValue(json) is { } jsonFile)
            {
                WriteJson(jsonFile.FullName, results, trainerName, dataName);
                output.WriteLine($"wrote {jsonFile.FullName}");
            }

            return 0;
        });
        return command;
    }

    private static void PrintTable(TextWriter output, List<(string Method, CrossValidationResult<ITransformer> Result)> results)
    {
        var table = new Table().AddColumn("method");
        foreach (var (_, header) in s_shown)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        table.AddColumn(new TableColumn("fit s").RightAligned());
        foreach (var (method, result) in results)
        {
            var cells = new List<string> { method };
            cells.AddRange(s_shown.Select(m => Format(result.Summary[m.Metric])));
            cells.Add(result.FitSeconds.Mean.ToString("F3", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        CliConsole.Create(output).Write(table);
        output.WriteLine();
    }

    private static string Format(MetricStatistics s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F3} ± {s.StandardDeviation:F3}");

    private static void WriteJson(string path, List<(string Method, CrossValidationResult<ITransformer> Result)> results, string trainer, string dataset)
    {
        var document = results.Select(r => new Dictionary<string, object>
        {
            ["method"] = r.Method,
            ["trainer"] = trainer,
            ["dataset"] = dataset,
            ["metrics"] = r.Result.Summary.ToDictionary(
                kv => kv.Key,
                kv => new Dictionary<string, object> { ["mean"] = kv.Value.Mean, ["std"] = kv.Value.StandardDeviation, ["folds"] = kv.Value.Values }),
            ["fitSeconds"] = r.Result.FitSeconds.Mean,
        }).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }
}
