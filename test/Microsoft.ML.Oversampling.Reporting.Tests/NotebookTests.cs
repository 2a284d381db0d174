using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Microsoft.ML.Oversampling.Reporting.Tests;

/// <summary>
/// Runs each notebook under notebooks/ with dotnet-repl (pinned in .config/dotnet-tools.json) and fails if any cell
/// fails. The notebooks #r the Release build of the libraries, which the test project's references build first.
/// </summary>
public sealed partial class NotebookTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<string> s_toolRestore = new(() => Run(RepositoryRoot, "tool", "restore").Output);

    private static string RepositoryRoot => Metadata("RepositoryRoot");

    private static string NotebookFolder => Path.Combine(RepositoryRoot, "notebooks");

    [Theory]
    [InlineData("oversampling-fasttree.ipynb")]
    [InlineData("deep-oversamplers.ipynb")]
    public void Every_cell_of_the_notebook_runs(string notebook)
    {
        Assert.True(Metadata("Configuration") == "Release", "The notebooks #r the Release build: run the tests with -c Release.");
        string notebookPath = Path.Combine(NotebookFolder, notebook);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(notebookPath));
        string[] sources = [.. document.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())))];
        foreach (Match reference in LocalReference().Matches(string.Join('\n', sources)))
        {
            string dll = Path.GetFullPath(Path.Combine(NotebookFolder, reference.Groups[1].Value));
            Assert.True(File.Exists(dll), $"{notebook} references {dll}, which the build did not produce");
        }

        _ = s_toolRestore.Value;
        string trx = Path.Combine(Path.GetTempPath(), $"notebook-{Path.GetFileNameWithoutExtension(notebook)}-{Guid.NewGuid():N}.trx");
        try
        {
            var watch = Stopwatch.StartNew();
            (int exitCode, string log) = Run(NotebookFolder, "repl", "--run", notebook, "--exit-after-run", "--output-format", "trx", "--output-path", trx);
            watch.Stop();
            output.WriteLine($"{notebook}: {sources.Length} cells ran in {watch.Elapsed.TotalSeconds:F1} s");

            Assert.True(File.Exists(trx), $"dotnet repl wrote no results (exit code {exitCode}): {log}");
            XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
            // dotnet-repl declares UTF-16 but writes UTF-8: parse the text, whose declaration XDocument.Parse ignores.
            XElement[] cells = [.. XDocument.Parse(File.ReadAllText(trx)).Descendants(ns + "UnitTestResult")];
            string[] failures = [.. cells
                .Where(c => (string?)c.Attribute("outcome") != "Passed")
                .Select(c => $"{(string?)c.Attribute("testName")}: {c.Descendants(ns + "Message").FirstOrDefault()?.Value}")];
            Assert.True(failures.Length == 0, $"{notebook}: failing cells:\n{string.Join("\n", failures)}");
            Assert.Equal(sources.Length, cells.Length);
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(trx);
        }
    }

    private static string Metadata(string key) =>
        typeof(NotebookTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Runs <c>dotnet args</c>, without the MSBuild and test-host variables the test process inherited.</summary>
    private static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(k =>
            k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {s_timeout}");
        }

        string text = stdout.Result + stderr.Result;
        return (process.ExitCode, text.Length > 4000 ? text[^4000..] : text);
    }

    [GeneratedRegex("#r \"(\\.\\.[^\"]+\\.dll)\"")]
    private static partial Regex LocalReference();
}
