using System.Text.Json;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly CliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Evaluate_IsReproducible_AndTheJsonHasEveryFold()
    {
        string input = _files.Binary();
        string json = _files.PathOf("e.json");
        string[] args = ["evaluate", "--input", input, "--label", "target", "--methods", "none,smote", "--folds", "3", "--repeats", "2", "--seed", "7"];

        var first = CliRunner.Run([.. args, "--json", json]);
        var second = CliRunner.Run(args);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(Table(first.Output), Table(second.Output));
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        var methods = doc.RootElement.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(new[] { "none", "smote" }, methods.Select(m => m.GetProperty("method").GetString()));
        Assert.All(methods, m =>
        {
            Assert.Equal(6, m.GetProperty("folds").GetArrayLength());
            Assert.True(m.GetProperty("folds")[0].GetProperty("metrics").GetProperty("AreaUnderRocCurve").GetDouble() > 0.5);
        });
        // The sampler reached the trainer in every fold: its F1 differs from no oversampling.
        Assert.NotEqual(F1(methods[0]), F1(methods[1]));
    }

    [Fact]
    public void Evaluate_DefaultsToTheEmbeddedYeast4()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--methods", "none", "--folds", "2", "--repeats", "1");

        Assert.True(exit == 0, stderr);
        Assert.Contains("yeast4: 1484 rows, 8 features", stdout);
        Assert.Contains("AUPRC", stdout);
    }

    [Fact]
    public void Evaluate_Multiclass_UsesMulticlassTrainersAndMetrics()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", _files.Multiclass(), "--label", "class", "--methods", "none,random",
            "--folds", "2", "--repeats", "1", "--trainer", "logistic");

        Assert.True(exit == 0, stderr);
        Assert.Contains("3 classes", stdout);
        Assert.Contains("macro acc.", stdout);
    }

    [Fact]
    public void Evaluate_Report_WritesOneSelfContainedHtmlWithEveryFigure()
    {
        string report = _files.PathOf("report.html");

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", _files.Binary(), "--label", "target", "--methods", "none,smote",
            "--folds", "3", "--repeats", "1", "--report", report);

        Assert.True(exit == 0, stderr);
        Assert.Contains($"wrote {report}", stdout);
        string html = File.ReadAllText(report);
        // Metric bars, ROC, PR, one PCA projection per method, class counts; each an inline SVG image.
        string[] captions = [.. System.Text.RegularExpressions.Regex.Matches(html, "<figcaption>(.*?)</figcaption>").Select(m => m.Groups[1].Value)];
        Assert.Equal(
            ["Metrics (mean ± std)", "ROC curves", "Precision–recall curves", "PCA projection: none", "PCA projection: smote", "Class counts before and after"],
            captions);
        Assert.Equal(captions.Length, System.Text.RegularExpressions.Regex.Matches(html, "<img [^>]*src=\"data:image/svg\\+xml;base64,").Count);
        Assert.DoesNotMatch("(src|href)\\s*=\\s*[\"']?(https?:|//)", html);
        // The table row of each method, as the printed table shows it.
        Assert.Contains("<td>none</td>", html);
        Assert.Contains("<td>smote</td>", html);
    }

    [Fact]
    public void Evaluate_Report_IsForTwoClassesAndFailsBeforeAnyWork()
    {
        string report = _files.PathOf("multi.html");

        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", _files.Multiclass(), "--label", "class", "--methods", "none",
            "--folds", "2", "--repeats", "1", "--report", report);

        Assert.Equal(1, exit);
        Assert.Contains("--report: the report is for two classes; the label has 3.", stderr);
        Assert.False(File.Exists(report));
        Assert.DoesNotContain("cross-validating", stderr);
    }

    private static double F1(JsonElement method) => method.GetProperty("summary").GetProperty("F1Score").GetProperty("mean").GetDouble();

    /// <summary>The table lines (the fit-time column varies run to run and is cut off).</summary>
    private static string[] Table(string output) =>
        output.Split('\n').Where(l => l.StartsWith('│')).Select(l => l[..l.LastIndexOf('│', l.Length - 2)]).ToArray();
}
