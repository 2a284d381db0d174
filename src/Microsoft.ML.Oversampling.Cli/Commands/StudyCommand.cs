using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Studies;
using Microsoft.ML.Oversampling.Cli.Training;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample study</c>: a reproducible comparison of methods over many datasets and seeds, written as a results CSV
/// and a Markdown summary with win counts and Wilcoxon signed-rank p-values.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Option<DirectoryInfo?>("--datasets-dir") { Description = "Folder of CSV datasets (label column --label, positive class the minority value); every *.csv is used." };
        var label = CommonOptions.Label();
        var names = new Option<string?>("--datasets") { Description = "Comma-separated names of the file or embedded datasets to keep (synthetic ones are always kept)." };
        var embedded = new Option<bool>("--embedded") { Description = "Use the embedded datasets (the default when no other data is given)." };
        var dims = new Option<string?>("--synthetic-dims") { Description = "Add synthetic datasets of these dimensions, e.g. 2,8,32,128,512." };
        var syntheticRows = new Option<int>("--synthetic-rows") { Description = "Rows of each synthetic dataset.", DefaultValueFactory = _ => 2100 };
        var syntheticRatio = new Option<double>("--synthetic-ir") { Description = "Imbalance ratio of the synthetic datasets.", DefaultValueFactory = _ => 20 };
        var methods = new Option<string>("--methods", "-m") { Description = "Comma-separated methods; a method may carry its own options: name(key=value;key=value).", DefaultValueFactory = _ => "none,random" };
        var trainers = new Option<string>("--trainers", "-t") { Description = $"Comma-separated trainers: {string.Join(", ", TrainerCatalog.Names)}.", DefaultValueFactory = _ => TrainerCatalog.Default };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per configuration; each re-runs the whole pipeline.", DefaultValueFactory = _ => 10 };
        var seed = CommonOptions.Seed();
        var folds = new Option<int>("--folds") { Description = "Stratified folds per seed.", DefaultValueFactory = _ => 5 };
        var options = CommonOptions.MethodOptions();
        var compare = new Option<string?>("--compare") { Description = "Head-to-head comparisons challenger:baseline, e.g. deep-smote:smote,da-smote:gan." };
        var stability = new Option<string?>("--stability") { Description = "Stability comparisons (std across seeds) challenger:baseline." };
        var jobs = new Option<int>("--jobs") { Description = "Datasets run at the same time (each on one thread); results do not depend on it.", DefaultValueFactory = _ => 1 };
        var fixedFolds = new Option<bool>("--fixed-folds")
        {
            Description = "Use the first seed's folds for every seed, so only the sampler's and trainer's randomness varies (isolates a sampler's instability).",
        };
        var prefix = new Option<string>("--output", "-o") { Description = "Output path prefix: writes PREFIX.csv and PREFIX.md (each replaced atomically).", DefaultValueFactory = _ => "study" };

        var command = new Command("study", "Compare methods over datasets and seeds; write a results CSV and a Markdown summary.")
        {
            directory, label, names, embedded, dims, syntheticRows, syntheticRatio, methods, trainers, seeds, seed, folds, options, compare, stability, jobs, fixedFolds, prefix,
        };
        CliAction.Set(command, error, parse =>
        {
            string path = parse.GetValue(prefix)!;
            string csvPath = OutputFiles.Check(path + ".csv", "--output"), mdPath = OutputFiles.Check(path + ".md", "--output");
            var datasets = Datasets(parse.GetValue(directory), parse.GetValue(label)!, parse.GetValue(embedded), parse.GetValue(dims), parse.GetValue(syntheticRows), parse.GetValue(syntheticRatio), parse.GetValue(seed));
            if (parse.GetValue(names) is { } keep)
            {
                var wanted = keep.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var unknown = wanted.Where(n => datasets.All(d => !string.Equals(d.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
                if (unknown.Count > 0)
                {
                    throw new CliException($"Unknown dataset(s) {string.Join(", ", unknown)}. Available: {string.Join(", ", datasets.Select(d => d.Name))}.");
                }

                datasets = datasets.Where(d => wanted.Contains(d.Name) || d.Name.StartsWith(SyntheticPrefix, StringComparison.Ordinal)).ToList();
            }

            string[] methodNames = Split(parse.GetValue(methods)!);
            string[] trainerNames = Split(parse.GetValue(trainers)!);
            foreach (MethodSpec m in methodNames.Select(MethodSpec.Parse).Where(m => !MethodFactory.IsNone(m.Name)))
            {
                _ = MethodFactory.Assignments(m.Name, [.. parse.GetValue(options) ?? [], .. m.Options], 1, []); // fails now, not hours into the study
            }

            foreach (string t in trainerNames)
            {
                TrainerCatalog.Check(t, []);
            }

            var plan = new StudyPlan(datasets, methodNames, trainerNames, parse.GetValue(seeds), parse.GetValue(seed), parse.GetValue(folds),
                parse.GetValue(options) ?? [], MethodComparison.ParseList(parse.GetValue(compare)), MethodComparison.ParseList(parse.GetValue(stability)), parse.GetValue(jobs), parse.GetValue(fixedFolds));
            if (plan.Jobs < 1)
            {
                throw new CliException($"--jobs {plan.Jobs}: give at least 1.");
            }

            foreach (MethodComparison c in plan.Comparisons.Concat(plan.StabilityComparisons))
            {
                if (!methodNames.Contains(c.Challenger) || !methodNames.Contains(c.Baseline))
                {
                    throw new CliException($"Comparison {c} names a method not in --methods.");
                }
            }

            if (plan.Seeds < 2)
            {
                throw new CliException($"--seeds {plan.Seeds}: a study needs at least 2 seeds for a spread.");
            }

            if (plan.Folds < 2)
            {
                throw new CliException($"--folds {plan.Folds}: cross-validation needs at least 2 folds.");
            }

            error.WriteLine($"study: {datasets.Count} datasets × {methodNames.Length} methods × {trainerNames.Length} trainers × {plan.Seeds} seeds × {plan.Folds} folds");
            List<StudyRun> runs = StudyRunner.Run(plan, error);

            OutputFiles.WriteText(csvPath, w => StudyReport.WriteCsv(runs, w));
            OutputFiles.WriteText(mdPath, w => StudyReport.WriteMarkdown(plan, runs, "oversample " + string.Join(" ", parse.Tokens.Select(t => t.Value)), w));
            output.WriteLine($"wrote {path}.csv ({runs.Count} runs, {runs.Count(r => r.Error is not null)} failed) and {path}.md");
            return 0;
        });
        return command;
    }

    private const string SyntheticPrefix = "synthetic-d";

    private static string[] Split(string text) => CommonOptions.Split(text);

    private static List<StudyDataset> Datasets(DirectoryInfo? directory, string label, bool embedded, string? dims, int rows, double ratio, int seed)
    {
        var datasets = new List<StudyDataset>();
        if (directory is not null)
        {
            if (!directory.Exists)
            {
                throw new CliException($"--datasets-dir '{directory.FullName}' does not exist.");
            }

            datasets.AddRange(directory.GetFiles("*.csv").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f =>
                new StudyDataset(Path.GetFileNameWithoutExtension(f.Name), ml => LoadFile(ml, f.FullName, label))));
        }

        if (dims is not null)
        {
            foreach (string text in Split(dims))
            {
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) || d < 1)
                {
                    throw new CliException($"--synthetic-dims: '{text}' is not a dimension (a whole number ≥ 1).");
                }

                string name = string.Create(CultureInfo.InvariantCulture, $"{SyntheticPrefix}{d}");
                datasets.Add(new StudyDataset(name, ml => LibraryData.FromMatrix(ml, name, SyntheticImbalancedData.Generate(rows, d, ratio, seed + d))));
            }
        }

        if (embedded || datasets.Count == 0)
        {
            datasets.AddRange(EmbeddedDatasets.All.Select(info => new StudyDataset(info.Name, ml => LibraryData.Embedded(ml, info.Name))));
        }

        return datasets;
    }

    /// <summary>A dataset file (refused, like any input, on a non-numeric cell; no cleaned copy is made, so the data outlives the check).</summary>
    private static TrainingData LoadFile(MLContext ml, string path, string label)
    {
        InputData loaded = InputData.FromFile(ml, path, label, positive: null, [], MissingValuePolicy.Error);
        return loaded.Data;
    }
}
