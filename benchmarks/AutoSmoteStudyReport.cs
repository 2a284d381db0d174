using System.Globalization;
using System.Text;
using Microsoft.ML.Oversampling.Evaluation;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// Renders <c>benchmarks/results/autosmote.md</c> from the study CSV: average ranks on macro F1, paired Wilcoxon tests of
/// each papers.md §3.7 claim, the cohort-count and frozen-criteria ablations, fit time relative to MLP + SMOTE, and
/// per-dataset mean ± std of every metric. A dataset counts for a comparison when every method in it has run on the
/// same seeds. The commands and the hand-written notes of an existing report (between <c>&lt;!-- commands --&gt;</c> and
/// <c>&lt;!-- notes --&gt;</c> markers) are kept; a new command is appended.
/// </summary>
internal static class AutoSmoteStudyReport
{
    private const double Alpha = 0.05;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] Baselines = ["none", "random", "smote", "borderline", "adasyn", "svm-smote", "deep-smote", "gan", "fasttree-smote"];

    /// <summary>The cohort-count ablation: G, and the method that realises it.</summary>
    private static readonly (string G, string Method)[] CohortLadder =
        [("1", "autosmote-g1"), ("4", "autosmote-g4"), ("min(8, ⌈√m⌉) (default)", "autosmote-cohort-penalty"), ("16", "autosmote-g16"), ("m (self)", "autosmote-self-penalty")];

    private static readonly (string Name, Func<StudyRunRecord, double> Value)[] Metrics =
        [("macro F1", r => r.F1), ("macro precision", r => r.Precision), ("macro recall", r => r.Recall), ("balanced accuracy", r => r.BalancedAccuracy)];

    /// <summary>Writes the report for <paramref name="records"/> to <paramref name="path"/>.</summary>
    /// <param name="records">Every run of the CSV.</param>
    /// <param name="path">The Markdown file (its commands and notes sections are kept).</param>
    /// <param name="command">The command that produced new runs, appended to the commands if new; null to add none.</param>
    public static void Render(IReadOnlyList<StudyRunRecord> records, string path, string? command)
    {
        string existing = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var commands = Section(existing, "commands").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();
        if (command is not null && !commands.Contains(command))
        {
            commands.Add(command);
        }

        var study = new Study(records);
        var w = new StringBuilder();
        w.AppendLine("# AutoSMOTE study (issue 13, papers.md §3.5 and §3.7)").AppendLine();
        w.AppendLine("Produced by (the CSV is resumable: each command adds the runs it does not find there):").AppendLine();
        w.AppendLine("<!-- commands -->").AppendLine("```").AppendLine(string.Join("\n", commands)).AppendLine("```").AppendLine("<!-- /commands -->").AppendLine();
        w.AppendLine($"Raw runs: `autosmote.csv` ({records.Count} runs). Datasets with a complete grid: {study.Datasets.Count} ({string.Join(", ", study.Datasets)}); " +
            $"seeds per dataset: {string.Join(", ", study.Datasets.Select(d => study.Seeds(d).Count).Distinct())}; MLP epochs: {string.Join(", ", records.Select(r => r.Epochs).Distinct())}.");
        w.AppendLine("Protocol: stratified 80/20 split per seed, min–max scaling fitted on the split's training rows, the same MLP (64 ReLU units, Adam 1e-3, batch 128) for every method; scores on the test rows. Cells are mean ± std over seeds.").AppendLine();
        w.AppendLine("<!-- notes -->").AppendLine(Section(existing, "notes").Trim()).AppendLine("<!-- /notes -->").AppendLine();

        WriteRanks(w, study);
        WriteClaims(w, study);
        WriteCohorts(w, study);
        WriteTimes(w, study);
        foreach (var (name, value) in Metrics)
        {
            WriteMetric(w, study, name, value);
        }

        File.WriteAllText(path, w.ToString());
    }

    private static void WriteRanks(StringBuilder w, Study study)
    {
        string[] methods = [.. AutoSmoteStudyMethods.All.Where(m => m.Role == StudyMethodRole.Headline).Select(m => m.Name).Where(study.Has)];
        var datasets = study.CompleteFor(methods);
        w.AppendLine($"## Average rank on macro F1 ({datasets.Count} datasets, headline methods; 1 = best)").AppendLine();
        if (datasets.Count == 0)
        {
            w.AppendLine("No dataset has every headline method yet.").AppendLine();
            return;
        }

        double[] ranks = MethodRanking.AverageRanks([.. datasets.Select(d => (IReadOnlyList<double>)[.. methods.Select(m => study.Mean(d, m, r => r.F1))])]);
        w.AppendLine("| method | average rank | mean macro F1 over datasets | what it is |").AppendLine("|---|---|---|---|");
        foreach (int j in Enumerable.Range(0, methods.Length).OrderBy(j => ranks[j]))
        {
            double f1 = datasets.Average(d => study.Mean(d, methods[j], r => r.F1));
            w.AppendLine($"| {methods[j]} | {ranks[j].ToString("F2", C)} | {f1.ToString("F4", C)} | {AutoSmoteStudyMethods.Get(methods[j]).Description} |");
        }

        w.AppendLine();
    }

    private static void WriteClaims(StringBuilder w, Study study)
    {
        w.AppendLine("## §3.7 claims: paired Wilcoxon signed-rank tests on macro F1").AppendLine();
        w.AppendLine($"Δ = first − second. p (datasets): pairs are the per-dataset means over seeds (the §3.7 test). p (splits): pairs are single (dataset, seed) runs on the same split, a secondary, more powerful view whose pairs are not independent across seeds. Verdict at α = {Alpha.ToString(C)} on the datasets test: *holds* (Δ > 0, p < α), *reversed* (Δ < 0, p < α), otherwise *not shown*.").AppendLine();
        w.AppendLine("| claim | first | second | datasets | wins/ties/losses | mean Δ | p (datasets) | p (splits) | verdict |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (string variant in new[] { "autosmote-cohort", "autosmote-self" })
        {
            foreach (string baseline in Baselines)
            {
                Claim(w, study, "AutoSMOTE beats the baselines", variant, baseline, r => r.F1);
            }
        }

        Claim(w, study, "cohort generalises better than self (test F1)", "autosmote-cohort", "autosmote-self", r => r.F1);
        Claim(w, study, "cohort generalises better than self (smaller train−test F1 gap)", "autosmote-cohort", "autosmote-self", r => -r.Gap);
        Claim(w, study, "learned criteria beat frozen SMOTE criteria", "autosmote-cohort", "autosmote-frozen-steps", r => r.F1);
        Claim(w, study, "learned criteria beat frozen SMOTE criteria", "autosmote-self", "autosmote-frozen-steps", r => r.F1);
        Claim(w, study, "(check) SMOTE criteria drawn batch by batch vs MLP after SMOTE", "autosmote-frozen-steps", "smote", r => r.F1);
        Claim(w, study, "(check) the same, one pass of the real rows per epoch", "autosmote-frozen", "smote", r => r.F1);
        Claim(w, study, "(fix) a fixed budget beats the participation penalty (cohort, real-row epochs)", "autosmote-fixed", "autosmote-cohort-penalty", r => r.F1);
        Claim(w, study, "(fix) the same, self variant", "autosmote-fixed-self", "autosmote-self-penalty", r => r.F1);
        Claim(w, study, "(fix) resampled-length epochs beat real-row epochs (cohort, fixed budget)", "autosmote-cohort", "autosmote-fixed", r => r.F1);
        Claim(w, study, "(fix) the same, self variant", "autosmote-self", "autosmote-fixed-self", r => r.F1);
        Claim(w, study, "(first defaults) cohort vs self under guard (a)", "autosmote-cohort-penalty", "autosmote-self-penalty", r => r.F1);
        w.AppendLine();
    }

    private static void Claim(StringBuilder w, Study study, string claim, string first, string second, Func<StudyRunRecord, double> value)
    {
        var datasets = study.CompleteFor([first, second]);
        if (datasets.Count == 0)
        {
            return;
        }

        double[] a = [.. datasets.Select(d => study.Mean(d, first, value))];
        double[] b = [.. datasets.Select(d => study.Mean(d, second, value))];
        var splits = datasets.SelectMany(d => study.Seeds(d).Select(s => (d, s))).ToList();
        double[] sa = [.. splits.Select(p => value(study.Run(p.d, first, p.s)))];
        double[] sb = [.. splits.Select(p => value(study.Run(p.d, second, p.s)))];
        int wins = a.Zip(b).Count(p => p.First > p.Second), losses = a.Zip(b).Count(p => p.First < p.Second);
        double delta = a.Zip(b).Average(p => p.First - p.Second);
        double? p = PValue(a, b);
        string verdict = p is double q && q < Alpha ? (delta > 0 ? "**holds**" : "**reversed**") : "not shown";
        w.AppendLine($"| {claim} | {first} | {second} | {datasets.Count} | {wins}/{datasets.Count - wins - losses}/{losses} | {delta.ToString("+0.0000;-0.0000", C)} | {Format(p)} | {Format(PValue(sa, sb))} | {verdict} |");
    }

    private static void WriteCohorts(StringBuilder w, Study study)
    {
        var ladder = CohortLadder.Where(c => study.Has(c.Method)).ToArray();
        var datasets = study.CompleteFor([.. ladder.Select(c => c.Method)]);
        w.AppendLine($"## Cohort count G ({datasets.Count} datasets)").AppendLine();
        if (datasets.Count == 0 || ladder.Length == 0)
        {
            w.AppendLine("No dataset has every cohort variant yet.").AppendLine();
            return;
        }

        double[] ranks = MethodRanking.AverageRanks([.. datasets.Select(d => (IReadOnlyList<double>)[.. ladder.Select(c => study.Mean(d, c.Method, r => r.F1))])]);
        w.AppendLine("G = m is the self variant (one decision per row). The default cohort variant uses G = min(8, ⌈√m⌉), m the minority training rows, so it is G = 8 only where m ≥ 50; its effective G per dataset is in the last column.").AppendLine();
        w.AppendLine("| G | method | average rank (among G) | test macro F1 | train macro F1 | train − test gap | effective G per dataset |").AppendLine("|---|---|---|---|---|---|---|");
        for (int j = 0; j < ladder.Length; j++)
        {
            var (g, method) = ladder[j];
            string effective = string.Join(", ", datasets.Select(d => study.Runs(d, method).Max(r => r.Cohorts).ToString(C)));
            w.AppendLine($"| {g} | {method} | {ranks[j].ToString("F2", C)} | {datasets.Average(d => study.Mean(d, method, r => r.F1)).ToString("F4", C)} | " +
                $"{datasets.Average(d => study.Mean(d, method, r => r.TrainF1)).ToString("F4", C)} | {datasets.Average(d => study.Mean(d, method, r => r.Gap)).ToString("F4", C)} | {effective} |");
        }

        w.AppendLine();
    }

    private static void WriteTimes(StringBuilder w, Study study)
    {
        w.AppendLine("## Training time relative to MLP + SMOTE").AppendLine();
        w.AppendLine("Wall time of resampling plus training per run (prediction excluded), single-threaded LibTorch and FastTree, on 2 cores shared with other jobs. Ratio: geometric mean over datasets of (mean seconds of the method) / (mean seconds of MLP + SMOTE).").AppendLine();
        w.AppendLine("| method | mean seconds per run | time / (MLP + SMOTE) |").AppendLine("|---|---|---|");
        foreach (StudyMethod m in AutoSmoteStudyMethods.All.Where(m => study.Has(m.Name)))
        {
            var datasets = study.CompleteFor([m.Name, "smote"]);
            if (datasets.Count == 0)
            {
                continue;
            }

            double seconds = datasets.Average(d => study.Mean(d, m.Name, r => r.FitSeconds));
            double ratio = Math.Exp(datasets.Average(d => Math.Log(study.Mean(d, m.Name, r => r.FitSeconds) / study.Mean(d, "smote", r => r.FitSeconds))));
            w.AppendLine($"| {m.Name} | {seconds.ToString("F2", C)} | {ratio.ToString("F2", C)} |");
        }

        w.AppendLine();
    }

    private static void WriteMetric(StringBuilder w, Study study, string name, Func<StudyRunRecord, double> value)
    {
        var methods = AutoSmoteStudyMethods.All.Where(m => study.Has(m.Name)).Select(m => m.Name).ToList();
        var datasets = study.AllDatasets;
        w.AppendLine($"## Test {name} per dataset (mean ± std over seeds)").AppendLine();
        w.AppendLine($"| method | {string.Join(" | ", datasets)} |").AppendLine($"|---|{string.Concat(datasets.Select(_ => "---|"))}");
        foreach (string m in methods)
        {
            var cells = datasets.Select(d =>
            {
                var runs = study.Runs(d, m);
                if (runs.Count == 0)
                {
                    return "n/a";
                }

                var s = new MetricStatistics(runs.Select(value));
                return $"{s.Mean.ToString("F3", C)} ± {s.StandardDeviation.ToString("F3", C)}";
            });
            w.AppendLine($"| {m} | {string.Join(" | ", cells)} |");
        }

        w.AppendLine();
    }

    private static double? PValue(double[] a, double[] b) =>
        a.Zip(b).Any(p => p.First != p.Second) ? WilcoxonSignedRankTest.Test(a, b).PValue : null;

    private static string Format(double? p) => p is double q ? (q < 1e-4 ? q.ToString("E1", C) : q.ToString("F4", C)) : "n/a";

    /// <summary>The text between <c>&lt;!-- name --&gt;</c> and <c>&lt;!-- /name --&gt;</c>, or empty.</summary>
    private static string Section(string text, string name)
    {
        string open = $"<!-- {name} -->", close = $"<!-- /{name} -->";
        int start = text.IndexOf(open, StringComparison.Ordinal), end = text.IndexOf(close, StringComparison.Ordinal);
        return start >= 0 && end > start ? text[(start + open.Length)..end] : string.Empty;
    }

    /// <summary>The CSV's runs indexed by dataset, method and seed.</summary>
    private sealed class Study(IReadOnlyList<StudyRunRecord> records)
    {
        private readonly Dictionary<(string, string, int), StudyRunRecord> _runs = records.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last());
        private readonly int _fullSeeds = records.Count == 0 ? 0 : records.GroupBy(r => r.Dataset).Max(g => g.Select(r => r.Seed).Distinct().Count());

        /// <summary>Every dataset, in first-run order.</summary>
        public List<string> AllDatasets { get; } = [.. records.Select(r => r.Dataset).Distinct()];

        /// <summary>The datasets where every method of the CSV has run on every seed.</summary>
        public List<string> Datasets => CompleteFor([.. records.Select(r => r.Method).Distinct()]);

        public bool Has(string method) => records.Any(r => r.Method == method);

        public List<int> Seeds(string dataset) => [.. records.Where(r => r.Dataset == dataset).Select(r => r.Seed).Distinct().Order()];

        public StudyRunRecord Run(string dataset, string method, int seed) => _runs[(dataset, method, seed)];

        public List<StudyRunRecord> Runs(string dataset, string method) =>
            [.. Seeds(dataset).Where(s => _runs.ContainsKey((dataset, method, s))).Select(s => _runs[(dataset, method, s)])];

        public double Mean(string dataset, string method, Func<StudyRunRecord, double> value) => Runs(dataset, method).Average(value);

        /// <summary>The datasets that have as many seeds as the best-covered one and where each of
        /// <paramref name="methods"/> has run on all of them (a dataset cut short stays out).</summary>
        public List<string> CompleteFor(IReadOnlyList<string> methods) =>
            [.. AllDatasets.Where(d => Seeds(d) is var seeds && seeds.Count == _fullSeeds && methods.All(m => seeds.All(s => _runs.ContainsKey((d, m, s)))))];
    }
}
