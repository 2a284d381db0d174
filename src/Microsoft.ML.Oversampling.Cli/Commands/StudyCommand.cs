using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Oversampling.Cli.Studies;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Cli.Commands;

/// <summary>
/// <c>oversample study</c>: a reproducible comparison of methods over many datasets and seeds, written as a results CSV
/// and a Markdown summary with win counts and Wilcoxon signed-rank p-values.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Option<DirectoryInfo?>("--datasets-dir") { Description = "Folder of CSV datasets (label column 'label', 1 = minority); every *.csv is used." };
        var names = new Option<string?>("--datasets") { Description = "Comma-separated names of the file or embedded datasets to keep (synthetic ones are always kept)." };
        var embedded = new Option<bool>("--embedded") { Description = "Use the embedded datasets (the default when no other data is given)." };
        var dims = new Option<string?>("--synthetic-dims") { Description = "Add synthetic datasets of these dimensions, e.g. 2,8,32,128,512." };
        var syntheticRows = new Option<int>("--synthetic-rows") { Description = "Rows of each synthetic dataset.", DefaultValueFactory = _ => 2100 };
        var syntheticRatio = new Option<double>("--synthetic-ir") { Description = "Imbalance ratio of the synthetic datasets.", DefaultValueFactory = _ => 20 };
        var methods = new Option<string>("--methods", "-m") { Description = "Comma-separated methods; a method may carry its own options: name(key=value;key=value).", DefaultValueFactory = _ => "none,random" };
        var trainers = new Option<string>("--trainers", "-t") { Description = "Comma-separated trainers.", DefaultValueFactory = _ => "logistic" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per configuration; each re-runs the whole pipeline.", DefaultValueFactory = _ => 10 };
        var seed = CommonOptions.Seed();
        var folds = new Option<int>("--folds") { Description = "Stratified folds per seed.", DefaultValueFactory = _ => 5 };
        var options = CommonOptions.ComponentOptions();
        var compare = new Option<string?>("--compare") { Description = "Head-to-head comparisons challenger:baseline, e.g. deep-smote:smote,da-smote:gan." };
        var stability = new Option<string?>("--stability") { Description = "Stability comparisons (std across seeds) challenger:baseline." };
        var jobs = new Option<int>("--jobs") { Description = "Datasets run at the same time (each on one thread); results do not depend on it.", DefaultValueFactory = _ => 1 };
        var fixedFolds = new Option<bool>("--fixed-folds")
        {
            Description = "Use the first seed's folds for every seed, so only the sampler's and trainer's randomness varies (isolates a sampler's instability).",
        };
        var prefix = new Option<string>("--output") { Description = "Output path prefix: writes PREFIX.csv and PREFIX.md.", DefaultValueFactory = _ => "study" };

        var command = new Command("study", "Compare methods over datasets and seeds; write a results CSV and a Markdown summary.")
        {
            directory, names, embedded, dims, syntheticRows, syntheticRatio, methods, trainers, seeds, seed, folds, options, compare, stability, jobs, fixedFolds, prefix,
        };
        CliAction.Set(command, error, parse =>
        {
            var datasets = Datasets(parse.GetValue(directory), parse.GetValue(embedded), parse.GetValue(dims), parse.GetValue(syntheticRows), parse.GetValue(syntheticRatio), parse.GetValue(seed));
            if (parse.GetValue(names) is { } keep)
            {
                var wanted = keep.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var unknown = wanted.Where(n => datasets.All(d => !string.Equals(d.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
                if (unknown.Count > 0)
                {
                    throw new ArgumentException($"Unknown dataset(s) {string.Join(", ", unknown)}. Available: {string.Join(", ", datasets.Select(d => d.Name))}.");
                }

                datasets = datasets.Where(d => wanted.Contains(d.Name) || d.Name.StartsWith(SyntheticPrefix, StringComparison.Ordinal)).ToList();
            }

            string[] methodNames = Split(parse.GetValue(methods)!);
            string[] trainerNames = Split(parse.GetValue(trainers)!);
            foreach (MethodSpec m in methodNames.Select(MethodSpec.Parse).Where(m => m.Name != ComponentRegistry.NoSampler))
            {
                OptionsBinder.Apply(ComponentRegistry.Sampler(m.Name).CreateOptions(), m.Options); // fails now, not hours into the study
            }

            foreach (string t in trainerNames)
            {
                ComponentRegistry.Trainer(t);
            }

            var plan = new StudyPlan(datasets, methodNames, trainerNames, parse.GetValue(seeds), parse.GetValue(seed), parse.GetValue(folds),
                parse.GetValue(options) ?? [], MethodComparison.ParseList(parse.GetValue(compare)), MethodComparison.ParseList(parse.GetValue(stability)), parse.GetValue(jobs), parse.GetValue(fixedFolds));
            ArgumentOutOfRangeException.ThrowIfLessThan(plan.Jobs, 1, "--jobs");
            foreach (MethodComparison c in plan.Comparisons.Concat(plan.StabilityComparisons))
            {
                if (!methodNames.Contains(c.Challenger) || !methodNames.Contains(c.Baseline))
                {
                    throw new ArgumentException($"Comparison {c} names a method not in --methods.");
                }
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(plan.Seeds, 2, "--seeds");
            error.WriteLine($"study: {datasets.Count} datasets × {methodNames.Length} methods × {trainerNames.Length} trainers × {plan.Seeds} seeds × {plan.Folds} folds");
            List<StudyRun> runs = StudyRunner.Run(plan, error);

            string path = parse.GetValue(prefix)!;
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using (var csv = new StreamWriter(path + ".csv"))
            {
                StudyReport.WriteCsv(runs, csv);
            }

            using (var md = new StreamWriter(path + ".md"))
            {
                StudyReport.WriteMarkdown(plan, runs, "oversample " + string.Join(" ", parse.Tokens.Select(t => t.Value)), md);
            }

            output.WriteLine($"wrote {path}.csv ({runs.Count} runs, {runs.Count(r => r.Error is not null)} failed) and {path}.md");
            return 0;
        });
        return command;
    }

    private const string SyntheticPrefix = "synthetic-d";

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<StudyDataset> Datasets(DirectoryInfo? directory, bool embedded, string? dims, int rows, double ratio, int seed)
    {
        var datasets = new List<StudyDataset>();
        if (directory is not null)
        {
            if (!directory.Exists)
            {
                throw new DirectoryNotFoundException($"Dataset folder '{directory.FullName}' does not exist.");
            }

            datasets.AddRange(directory.GetFiles("*.csv").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f =>
                new StudyDataset(Path.GetFileNameWithoutExtension(f.Name), () => CsvLoader.Load(f.FullName, new CsvLoadOptions { LabelColumnName = "label" }))));
        }

        if (dims is not null)
        {
            foreach (int d in Split(dims).Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
            {
                datasets.Add(new StudyDataset(string.Create(CultureInfo.InvariantCulture, $"{SyntheticPrefix}{d}"), () => SyntheticImbalancedData.Generate(rows, d, ratio, seed + d)));
            }
        }

        if (embedded || datasets.Count == 0)
        {
            datasets.AddRange(EmbeddedDatasets.All.Select(info => new StudyDataset(info.Name, () => EmbeddedDatasets.Load(info.Name))));
        }

        return datasets;
    }
}
