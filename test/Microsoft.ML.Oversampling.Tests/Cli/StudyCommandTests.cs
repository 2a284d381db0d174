using System.Globalization;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class StudyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oversample-study-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Study_WritesEveryRun_AndWinCountsThatFollowFromThem()
    {
        string prefix = Path.Combine(_folder, "out");
        var (exit, output, error) = CliRunner.Run("study", "--embedded", "--datasets", "glass2,ecoli3,new-thyroid1", "--synthetic-dims", "3",
            "--synthetic-rows", "300", "--seeds", "2", "--folds", "3", "--methods", "none,random", "--compare", "random:none", "--stability", "random:none", "--output", prefix);
        Assert.True(exit == 0, error);
        Assert.Contains("16 runs, 0 failed", output); // 4 datasets × 2 methods × 2 seeds

        // Recompute the F1 win count from the raw CSV: per dataset, the mean over seeds of each method.
        string[] lines = File.ReadAllLines(prefix + ".csv");
        string[] header = lines[0].Split(',');
        int f1 = Array.IndexOf(header, "F1Score");
        var means = lines.Skip(1).Select(l => l.Split(','))
            .GroupBy(f => (Dataset: f[0], Method: f[2]))
            .ToDictionary(g => g.Key, g => g.Average(f => double.Parse(f[f1], CultureInfo.InvariantCulture)));
        string[] datasets = means.Keys.Select(k => k.Dataset).Distinct().ToArray();
        Assert.Equal(4, datasets.Length);
        int wins = datasets.Count(d => means[(d, "random")] > means[(d, "none")]);
        int losses = datasets.Count(d => means[(d, "random")] < means[(d, "none")]);

        string markdown = File.ReadAllText(prefix + ".md");
        Assert.Contains($"| F1Score | {wins} | {4 - wins - losses} | {losses} |", markdown);
        Assert.Contains("stability, random vs none", markdown);
        Assert.Contains("| synthetic-d3 |", markdown);
    }

    [Fact]
    public void Study_RejectsAComparisonOfMethodsNotRun()
    {
        var (exit, _, error) = CliRunner.Run("study", "--methods", "none,random", "--compare", "smote:none", "--output", Path.Combine(_folder, "x"));
        Assert.Equal(1, exit);
        Assert.Contains("not in --methods", error);
    }
}
