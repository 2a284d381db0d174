using System.Globalization;

namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary><c>oversample study</c>; with <c>--jobs</c> it sets the library-wide thread cap, hence the collection.</summary>
[Collection(ParallelismCollection.Name)]
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
    public void Study_ResultsDoNotDependOnJobs_AndAMethodsOwnOptionsApplyToItAlone()
    {
        string[] Metrics(string jobs)
        {
            string prefix = Path.Combine(_folder, "jobs" + jobs);
            var (exit, _, error) = CliRunner.Run("study", "--embedded", "--datasets", "glass2,ecoli3", "--seeds", "2", "--folds", "3",
                "--methods", "none,smote,smote(KNeighbors=2)", "--jobs", jobs, "--output", prefix);
            Assert.True(exit == 0, error);
            string[] lines = File.ReadAllLines(prefix + ".csv");
            int seconds = Array.IndexOf(lines[0].Split(','), "fitSeconds");
            return lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != seconds))).ToArray(); // timing varies
        }

        string[] sequential = Metrics("1");
        string[] parallel = Metrics("2");

        Assert.Equal(sequential, parallel);
        string[] smote = sequential.Where(l => l.Split(',')[2] == "smote").Select(l => string.Join(",", l.Split(',').Skip(3))).ToArray();
        string[] k2 = sequential.Where(l => l.Split(',')[2] == "smote(KNeighbors=2)").Select(l => string.Join(",", l.Split(',').Skip(3))).ToArray();
        Assert.Equal(4, k2.Length);
        Assert.NotEqual(smote, k2);
    }

    [Fact]
    public void Study_RejectsABadMethodOptionBeforeRunning()
    {
        var (exit, _, error) = CliRunner.Run("study", "--methods", "none,smote(Bogus=1)", "--output", Path.Combine(_folder, "x"));

        Assert.Equal(1, exit);
        Assert.Contains("Bogus", error);
    }

    [Fact]
    public void Study_RejectsAComparisonOfMethodsNotRun()
    {
        var (exit, _, error) = CliRunner.Run("study", "--methods", "none,random", "--compare", "smote:none", "--output", Path.Combine(_folder, "x"));
        Assert.Equal(1, exit);
        Assert.Contains("not in --methods", error);
    }
}
