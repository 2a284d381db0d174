namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class StudyAndOtherCommandTests : IDisposable
{
    private readonly CliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Study_JobsGiveIdenticalResults_AndTheReportHasComparisons()
    {
        string[] Run(string jobs)
        {
            string prefix = _files.PathOf("study" + jobs);
            var (exit, _, stderr) = CliRunner.Run("study", "--synthetic-dims", "2,4", "--synthetic-rows", "200", "--methods", "none,random",
                "--trainers", "logistic", "--seeds", "2", "--folds", "2", "--jobs", jobs, "--compare", "random:none", "--stability", "random:none", "-o", prefix);
            Assert.True(exit == 0, stderr);
            Assert.Contains("random vs none", File.ReadAllText(prefix + ".md"));
            string[] lines = File.ReadAllLines(prefix + ".csv");
            int fit = Array.IndexOf(lines[0].Split(','), "fitSeconds");
            return lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != fit))).ToArray();
        }

        string[] one = Run("1"), two = Run("2");

        Assert.Equal(one, two);
        Assert.Equal(1 + 2 * 2 * 2, one.Length); // header + 2 datasets × 2 methods × 2 seeds
        Assert.All(one.Skip(1), l => Assert.EndsWith(",", l)); // no run failed (empty error cell)
    }

    [Fact]
    public void Study_DatasetsDir_ReadsEveryCsvWithTextLabels()
    {
        string folder = Path.Combine(_files.Folder, "sets");
        Directory.CreateDirectory(folder);
        File.Copy(_files.Binary("one.csv", label: "label"), Path.Combine(folder, "one.csv"));
        File.Copy(_files.Binary("two.csv", label: "label", negative: "neg", positive: "pos", seed: 9), Path.Combine(folder, "two.csv"));
        string prefix = _files.PathOf("s");

        var (exit, _, stderr) = CliRunner.Run("study", "--datasets-dir", folder, "--methods", "none,smote", "--trainers", "logistic",
            "--seeds", "2", "--folds", "2", "-o", prefix);

        Assert.True(exit == 0, stderr);
        string[] runs = File.ReadAllLines(prefix + ".csv").Skip(1).ToArray();
        Assert.Equal(2 * 2 * 2, runs.Length);
        Assert.Equal(new[] { "one", "two" }, runs.Select(r => r.Split(',')[0]).Distinct());
        Assert.All(runs, r => Assert.EndsWith(",", r));
    }

    [Fact]
    public void Study_MissingOutputFolder_IsFoundBeforeAnyWork()
    {
        var (exit, _, stderr) = CliRunner.Run("study", "--synthetic-dims", "2", "-o", Path.Combine(_files.Folder, "nope", "s"));

        Assert.Equal(1, exit);
        Assert.Contains("does not exist", stderr);
        Assert.DoesNotContain("study:", stderr); // the plan line is written only when the work starts
    }

    [Fact]
    public void Datasets_TakesSeed_AndListsEveryEmbeddedDataset()
    {
        var (exit, stdout, stderr) = CliRunner.Run("datasets", "--seed", "5");

        Assert.True(exit == 0, stderr);
        Assert.All(Datasets.EmbeddedDatasets.All, d => Assert.Contains(d.Name, stdout));
    }

    [Fact]
    public void Generate_WritesTheRequestedRowsOfTheGrownClass_InTheInputsColumns()
    {
        string input = _files.Binary();
        string output = _files.PathOf("g.csv");

        var (exit, _, stderr) = CliRunner.Run("generate", "--input", input, "--label", "target", "--method", "deep-smote", "--count", "25",
            "--option", "MaxEpochs=2", "--option", "HiddenSizes=8", "-o", output);

        Assert.True(exit == 0, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("a,b,c,target", lines[0]);
        Assert.Equal(26, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",yes", l));
    }

    [Fact]
    public void Generate_SavedGeneratorReplaysTheTrainedRows_WithTheFilesColumnsAndLabelValues()
    {
        string input = _files.Binary();
        string trained = _files.PathOf("trained.csv"), replayed = _files.PathOf("replayed.csv"), generator = _files.PathOf("deep.gen");

        var (exit, _, stderr) = CliRunner.Run("generate", "--input", input, "--label", "target", "--method", "deep-smote", "--count", "25",
            "--option", "MaxEpochs=2", "--option", "HiddenSizes=8", "--seed", "4", "--save-generator", generator, "-o", trained);
        Assert.True(exit == 0, stderr);
        (exit, _, stderr) = CliRunner.Run("generate", "--generator", generator, "--label", "target", "--count", "25", "--seed", "4", "-o", replayed);
        Assert.True(exit == 0, stderr);

        Assert.Equal(File.ReadAllLines(trained), File.ReadAllLines(replayed)); // same header, label values and bits
        (exit, _, _) = CliRunner.Run("generate", "--generator", generator, "--label", "target", "--count", "25", "--seed", "5", "-o", replayed);
        Assert.Equal(0, exit);
        Assert.NotEqual(File.ReadAllLines(trained).Skip(1), File.ReadAllLines(replayed).Skip(1));
    }

    [Fact]
    public void Generate_RefusesAFileThatIsNoGenerator_InOneLine()
    {
        string notAGenerator = _files.Binary();
        var (exit, _, stderr) = CliRunner.Run("generate", "--generator", notAGenerator, "--count", "5", "-o", _files.PathOf("x.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("--generator:", stderr);
        Assert.Contains("is not a usable generator file", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void EveryCommand_TakesSeed_AndDashOIsOutput()
    {
        foreach (string command in new[] { "datasets", "resample", "evaluate", "train", "predict", "generate", "study" })
        {
            var (_, help, _) = CliRunner.Run(command, "--help");
            Assert.Contains("--seed", help);
            if (command is "resample" or "predict" or "generate" or "study")
            {
                Assert.Contains("-o, --output", help);
            }

            Assert.DoesNotContain("-o, --option", help);
        }
    }
}
