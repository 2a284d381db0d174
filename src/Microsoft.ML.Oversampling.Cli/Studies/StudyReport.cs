using System.Globalization;
using System.Text;
using Microsoft.ML.Oversampling.Evaluation;

namespace Microsoft.ML.Oversampling.Cli.Studies;

/// <summary>Writes a study's raw results (CSV, one row per run) and its Markdown summary.</summary>
internal static class StudyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteCsv(IReadOnlyList<StudyRun> runs, TextWriter writer)
    {
        writer.WriteLine($"dataset,trainer,method,seed,{string.Join(",", StudyRunner.Metrics)},fitSeconds,error");
        foreach (StudyRun r in runs)
        {
            IEnumerable<string> metrics = StudyRunner.Metrics.Select(m => r.Metrics.TryGetValue(m, out double v) ? v.ToString("R", Invariant) : string.Empty);
            string error = r.Error is null ? string.Empty : "\"" + r.Error.Replace("\"", "\"\"") + "\"";
            writer.WriteLine($"{r.Dataset},{r.Trainer},{r.Method},{r.Seed},{string.Join(",", metrics)},{r.FitSeconds.ToString("R", Invariant)},{error}");
        }
    }

    public static void WriteMarkdown(StudyPlan plan, IReadOnlyList<StudyRun> runs, string command, TextWriter w)
    {
        w.WriteLine("# Study results");
        w.WriteLine();
        w.WriteLine("Produced by:");
        w.WriteLine();
        w.WriteLine("```");
        w.WriteLine(command);
        w.WriteLine("```");
        w.WriteLine();
        w.WriteLine($"{plan.Datasets.Count} datasets; methods {string.Join(", ", plan.Methods)}; trainers {string.Join(", ", plan.Trainers)}; " +
            $"{plan.Seeds} seeds ({plan.FirstSeed}..{plan.FirstSeed + plan.Seeds - 1}), each re-running the whole pipeline ({(plan.FixedFolds ? "sampler, trainer" : "folds, sampler, trainer")}) " +
            $"in stratified {plan.Folds}-fold cross-validation" +
            (plan.FixedFolds ? $" on the same folds for every seed (those of seed {plan.FirstSeed}: only the sampler's and trainer's randomness varies)" : string.Empty) +
            ". Cells: mean ± standard deviation across seeds of the per-seed mean over folds.");
        w.WriteLine();

        foreach (string trainer in plan.Trainers)
        {
            var cells = Summarise(runs.Where(r => r.Trainer == trainer));
            foreach (MethodComparison c in plan.Comparisons)
            {
                WriteComparison(w, trainer, c, cells, plan.Datasets);
            }

            foreach (MethodComparison c in plan.StabilityComparisons)
            {
                WriteStability(w, trainer, c, cells, plan.Datasets);
            }

            foreach (string metric in StudyRunner.Metrics)
            {
                w.WriteLine($"## {trainer}: {metric}");
                w.WriteLine();
                w.WriteLine($"| dataset | {string.Join(" | ", plan.Methods)} |");
                w.WriteLine($"|---|{string.Concat(plan.Methods.Select(_ => "---|"))}");
                foreach (StudyDataset d in plan.Datasets)
                {
                    var row = plan.Methods.Select(m => cells.TryGetValue((d.Name, m), out var cell) ? cell.Format(metric) : "n/a");
                    w.WriteLine($"| {d.Name} | {string.Join(" | ", row)} |");
                }

                w.WriteLine();
            }

            w.WriteLine($"## {trainer}: mean fit time per fold (s)");
            w.WriteLine();
            w.WriteLine("| method | seconds |");
            w.WriteLine("|---|---|");
            foreach (string m in plan.Methods)
            {
                var times = runs.Where(r => r.Trainer == trainer && r.Method == m && r.Error is null).Select(r => r.FitSeconds).ToList();
                w.WriteLine($"| {m} | {(times.Count > 0 ? times.Average().ToString("F3", Invariant) : "n/a")} |");
            }

            w.WriteLine();
        }

        var failures = runs.Where(r => r.Error is not null).GroupBy(r => (r.Dataset, r.Trainer, r.Method)).ToList();
        if (failures.Count > 0)
        {
            w.WriteLine("## Runs that failed");
            w.WriteLine();
            foreach (var f in failures)
            {
                w.WriteLine($"- {f.Key.Dataset} / {f.Key.Trainer} / {f.Key.Method} ({f.Count()} seeds): {f.First().Error}");
            }

            w.WriteLine();
        }
    }

    private static void WriteComparison(TextWriter w, string trainer, MethodComparison c, Dictionary<(string, string), Cell> cells, IReadOnlyList<StudyDataset> datasets)
    {
        w.WriteLine($"## {trainer}: {c} (datasets where the challenger's mean is higher)");
        w.WriteLine();
        w.WriteLine("| metric | wins | ties | losses | Wilcoxon p (paired means) |");
        w.WriteLine("|---|---|---|---|---|");
        foreach (string metric in StudyRunner.Metrics)
        {
            var pairs = Paired(c, cells, datasets, cell => cell.Mean(metric));
            int wins = pairs.Count(p => p.A > p.B), losses = pairs.Count(p => p.A < p.B);
            w.WriteLine($"| {metric} | {wins} | {pairs.Count - wins - losses} | {losses} | {PValue(pairs)} |");
        }

        w.WriteLine();
    }

    private static void WriteStability(TextWriter w, string trainer, MethodComparison c, Dictionary<(string, string), Cell> cells, IReadOnlyList<StudyDataset> datasets)
    {
        w.WriteLine($"## {trainer}: stability, {c} (datasets where the challenger's std across seeds is lower)");
        w.WriteLine();
        w.WriteLine("| metric | lower std | equal | higher std | Wilcoxon p (paired stds) |");
        w.WriteLine("|---|---|---|---|---|");
        foreach (string metric in new[] { "F1Score", "AreaUnderRocCurve" })
        {
            var pairs = Paired(c, cells, datasets, cell => cell.Std(metric));
            int lower = pairs.Count(p => p.A < p.B), higher = pairs.Count(p => p.A > p.B);
            w.WriteLine($"| {metric} | {lower} | {pairs.Count - lower - higher} | {higher} | {PValue(pairs)} |");
        }

        w.WriteLine();
    }

    private static List<(double A, double B)> Paired(MethodComparison c, Dictionary<(string, string), Cell> cells, IReadOnlyList<StudyDataset> datasets, Func<Cell, double> value) =>
        datasets.Where(d => cells.ContainsKey((d.Name, c.Challenger)) && cells.ContainsKey((d.Name, c.Baseline)))
            .Select(d => (value(cells[(d.Name, c.Challenger)]), value(cells[(d.Name, c.Baseline)])))
            .ToList();

    private static string PValue(List<(double A, double B)> pairs)
    {
        pairs = pairs.Where(p => double.IsFinite(p.A) && double.IsFinite(p.B)).ToList();
        if (pairs.All(p => p.A == p.B))
        {
            return "n/a (no differences)";
        }

        var result = WilcoxonSignedRankTest.Test(pairs.Select(p => p.A).ToArray(), pairs.Select(p => p.B).ToArray());
        return result.PValue.ToString("G3", Invariant) + (result.NonZeroPairs < 6 ? " (too few datasets to be significant)" : string.Empty);
    }

    private static Dictionary<(string Dataset, string Method), Cell> Summarise(IEnumerable<StudyRun> runs) =>
        runs.Where(r => r.Error is null)
            .GroupBy(r => (r.Dataset, r.Method))
            .ToDictionary(g => g.Key, g => new Cell(g.ToList()));

    private sealed class Cell(List<StudyRun> runs)
    {
        public double Mean(string metric) => Stats(metric).Mean;

        public double Std(string metric) => Stats(metric).StandardDeviation;

        public string Format(string metric)
        {
            var s = Stats(metric);
            return double.IsNaN(s.Mean) ? "n/a" : string.Create(Invariant, $"{s.Mean:F3} ± {s.StandardDeviation:F3}");
        }

        private MetricStatistics Stats(string metric) => new(runs.Select(r => r.Metrics[metric]));
    }
}
