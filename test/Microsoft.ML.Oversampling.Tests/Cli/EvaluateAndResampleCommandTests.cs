using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class EvaluateAndResampleCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oversample-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteDataset(string name)
    {
        string path = Path.Combine(_folder, name + ".csv");
        using var writer = new StreamWriter(path);
        CsvLoader.Save(EmbeddedDatasets.Load(name).DropColumns(), writer);
        return path;
    }

    [Fact]
    public void Datasets_ListsEveryEmbeddedDataset()
    {
        var (exit, output, _) = CliRunner.Run("datasets");
        Assert.Equal(0, exit);
        Assert.All(EmbeddedDatasets.All, d => Assert.Contains(d.Name, output));
    }

    [Fact]
    public void Evaluate_DefaultRun_ComparesNoneRandomSmoteAndDeepSmote_AndWritesJson()
    {
        string json = Path.Combine(_folder, "results.json");
        var (exit, output, error) = CliRunner.Run("evaluate", "--repeats", "1", "--folds", "3", "--json", json);
        Assert.True(exit == 0, error);
        Assert.Contains($"dataset {EmbeddedDatasets.DefaultName}", output);
        Assert.Contains("│ none", output);
        Assert.Contains("│ random", output);
        Assert.Contains("│ deep-smote", output);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        var methods = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(new[] { "none", "random", "smote", "deep-smote" }, methods.Select(m => m.GetProperty("method").GetString()!).ToArray());
        foreach (JsonElement m in methods)
        {
            Assert.Equal("logistic", m.GetProperty("trainer").GetString());
            JsonElement auc = m.GetProperty("metrics").GetProperty("AreaUnderRocCurve");
            Assert.Equal(3, auc.GetProperty("folds").GetArrayLength());
            double mean = auc.GetProperty("folds").EnumerateArray().Average(f => f.GetDouble());
            Assert.Equal(mean, auc.GetProperty("mean").GetDouble(), 12);
            Assert.True(m.GetProperty("fitSeconds").GetDouble() >= 0);
        }
    }

    [Fact]
    public void Evaluate_IsReproducibleForASeed()
    {
        string a = Path.Combine(_folder, "a.json"), b = Path.Combine(_folder, "b.json");
        CliRunner.Run("evaluate", "--dataset", "ecoli3", "--repeats", "1", "--seed", "5", "--json", a);
        CliRunner.Run("evaluate", "--dataset", "ecoli3", "--repeats", "1", "--seed", "5", "--json", b);
        static string Metrics(string path) => string.Join(";", JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray()
            .Select(m => m.GetProperty("metrics").GetProperty("F1Score").GetProperty("folds").ToString()));
        Assert.Equal(Metrics(a), Metrics(b));
    }

    [Fact]
    public void Resample_WritesOriginalsThenSyntheticRows_AndReportsTime()
    {
        string input = WriteDataset("glass2");
        string output = Path.Combine(_folder, "out.csv");
        var (exit, stdout, error) = CliRunner.Run("resample", "--input", input, "--label", "Label", "--method", "random", "--output", output, "--seed", "3");
        Assert.True(exit == 0, error);
        string[] lines = stdout.TrimEnd().Split('\n');
        Assert.StartsWith("resample_seconds=", lines[^1]);
        Assert.True(double.Parse(lines[^1]["resample_seconds=".Length..], CultureInfo.InvariantCulture) >= 0);

        DataView original = CsvLoader.Load(input, new CsvLoadOptions { LabelColumnName = "Label" });
        DataView resampled = CsvLoader.Load(output, new CsvLoadOptions { LabelColumnName = "Label" });
        Assert.Equal(2 * 197, resampled.RowCount);
        float[] before = original.GetVectorColumn("Features").ToMatrix().Values;
        Assert.Equal(before, resampled.GetVectorColumn("Features").ToMatrix().Values.Take(before.Length));
        Assert.Contains("197", stdout); // class counts table
    }

    [Fact]
    public void Resample_WithARatioStrategy_GrowsTheMinorityToThatRatio()
    {
        string input = WriteDataset("glass2");
        string output = Path.Combine(_folder, "ratio.csv");
        var (exit, _, error) = CliRunner.Run("resample", "--input", input, "--label", "Label", "--method", "random", "--strategy", "0.5", "--output", output);
        Assert.True(exit == 0, error);
        bool[] labels = CsvLoader.Load(output, new CsvLoadOptions { LabelColumnName = "Label" }).GetColumn<bool>("Label").Values.ToArray();
        Assert.Equal(17 + (int)((197 * 0.5) - 17), labels.Count(l => l));
    }

    [Theory]
    [InlineData(new[] { "evaluate", "--methods", "none,smoot" }, "Unknown method 'smoot'")]
    [InlineData(new[] { "evaluate", "--trainer", "svm" }, "Unknown trainer 'svm'")]
    [InlineData(new[] { "evaluate", "--dataset", "nope" }, "No embedded dataset 'nope'")]
    [InlineData(new[] { "evaluate", "--option", "shrinkage" }, "must be written key=value")]
    [InlineData(new[] { "evaluate", "--option", "bogus=1" }, "has no option 'bogus'")]
    [InlineData(new[] { "resample", "--input", "/nonexistent.csv", "--method", "random", "--output", "/tmp/x.csv" }, "does not exist")]
    public void BadInput_GivesOneClearLineAndExitCode1(string[] args, string expected)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(1, exit);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    [Fact]
    public void MissingRequiredOption_IsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("resample", "--method", "random");
        Assert.NotEqual(0, exit);
        Assert.Contains("--input", error);
    }
}
