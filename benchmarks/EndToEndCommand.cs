using System.Diagnostics;
using System.Globalization;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// <c>e2e</c>: whole-process wall time of <c>oversample resample</c> (CSV in, resample, CSV out) against the same job
/// in python (<c>imblearn_resample.py --output</c>: pandas <c>read_csv</c>, imbalanced-learn's <c>fit_resample</c>,
/// pandas <c>to_csv</c>), on the Gaussian blobs of <see cref="ResampleCommand.GaussianBlobs"/>. The two sides
/// alternate, one fresh process per measurement; reports the median and best of <c>--runs</c> per side, the
/// <c>resample_seconds</c> the command line printed, and checks that both wrote the same number of rows. A third
/// column times the same job through the library's matrix seam with this project's plain CSV code
/// (<c>cold-call --csv IN --output OUT</c>: split-and-parse reader, <see cref="ResampleCommand.WriteCsv"/>): what the
/// command line's CSV path could cost.
/// </summary>
public sealed class EndToEndCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "e2e";

    /// <inheritdoc />
    public string Description => "whole-process `oversample resample` CSV->CSV vs pandas + imbalanced-learn (--rows --features --methods --runs --cli)";

    /// <inheritdoc />
    public int Run(BenchmarkArguments arguments)
    {
        int rows = arguments.Int("rows", 100_000);
        int features = arguments.Int("features", 30);
        string[] methods = arguments.String("methods", "smote,borderline,adasyn").Split(',');
        int runs = arguments.Int("runs", 5);
        double minority = arguments.Double("minority", 0.05);
        string python = arguments.String("python", "/usr/bin/python3");
        string cli = Path.GetFullPath(arguments.String("cli", Path.Combine("src", "Microsoft.ML.Oversampling.Cli", "bin", "Release", "net10.0", "oversample")));
        string outDirectory = arguments.String("out", Path.Combine("benchmarks", "out"));
        Directory.CreateDirectory(outDirectory);
        if (!File.Exists(cli))
        {
            throw new IOException($"No command line at {cli}: build it with `dotnet build -c Release src/Microsoft.ML.Oversampling.Cli` (or pass --cli PATH).");
        }

        var (x, y) = ResampleCommand.GaussianBlobs(rows, features, minority, seed: rows + features);
        string name = $"blobs {rows / 1000}k x {features}";
        string input = Path.Combine(outDirectory, "e2e_" + name.Replace(' ', '_') + ".csv");
        ResampleCommand.WriteCsv(input, x, y);
        string script = Path.Combine(AppContext.BaseDirectory, "imblearn_resample.py");

        Console.WriteLine($"{Environment.ProcessorCount} processors; load average before: {ColdCommand.LoadAverage()}; {runs} fresh processes per cell and side, alternating; whole-process wall seconds, CSV in and CSV out.");
        Console.WriteLine();
        Console.WriteLine("| data | method | python: pandas + imbalanced-learn, median (best) | ours: `oversample resample`, median (best) | speed-up (medians) | our resample_seconds (median) | rows out (python / ours) | matrix seam + plain CSV code, median (best) | its speed-up |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|---:|---:|");
        foreach (string method in methods)
        {
            string ourOutput = Path.Combine(outDirectory, $"e2e_ours_{method}.csv");
            string theirOutput = Path.Combine(outDirectory, $"e2e_python_{method}.csv");
            var ours = new List<double>();
            var resampleSeconds = new List<double>();
            var theirs = new List<double>();
            var lean = new List<double>();
            string self = Environment.ProcessPath ?? throw new IOException("Cannot locate this executable.");
            for (int r = 0; r < runs; r++)
            {
                var (seconds, lastLine) = TimeProcess(cli, ["resample", "--input", input, "--label", "label", "--method", method, "-o", ourOutput]);
                ours.Add(seconds);
                const string Key = "resample_seconds=";
                int at = lastLine.IndexOf(Key, StringComparison.Ordinal);
                resampleSeconds.Add(at < 0 ? double.NaN : double.Parse(lastLine[(at + Key.Length)..].Split(' ')[0], CultureInfo.InvariantCulture));
                (seconds, _) = TimeProcess(python, [script, "--csv", input, "--methods", method, "--output", theirOutput]);
                theirs.Add(seconds);
                (seconds, _) = TimeProcess(self, ["cold-call", "--csv", input, "--method", method, "--output", Path.Combine(outDirectory, $"e2e_lean_{method}.csv")]);
                lean.Add(seconds);
            }

            long ourRows = DataLines(ourOutput), theirRows = DataLines(theirOutput);
            Console.WriteLine(
                $"| {name} | {method} | {ColdCommand.Format(ColdCommand.Median(theirs))} ({ColdCommand.Format(theirs.Min())}) | {ColdCommand.Format(ColdCommand.Median(ours))} ({ColdCommand.Format(ours.Min())}) | {(ColdCommand.Median(theirs) / ColdCommand.Median(ours)).ToString("F1", CultureInfo.InvariantCulture)}× | {ColdCommand.Format(ColdCommand.Median(resampleSeconds))} | {theirRows} / {ourRows} | {ColdCommand.Format(ColdCommand.Median(lean))} ({ColdCommand.Format(lean.Min())}) | {(ColdCommand.Median(theirs) / ColdCommand.Median(lean)).ToString("F1", CultureInfo.InvariantCulture)}× |");
        }

        Console.WriteLine();
        Console.WriteLine($"load average after: {ColdCommand.LoadAverage()}");
        return 0;
    }

    /// <summary>Wall time from start to exit of one process, and the last line it printed.</summary>
    private static (double Seconds, string LastLine) TimeProcess(string fileName, IEnumerable<string> arguments)
    {
        var stopwatch = Stopwatch.StartNew();
        string lastLine = ColdCommand.RunChild(fileName, arguments);
        return (stopwatch.Elapsed.TotalSeconds, lastLine);
    }

    /// <summary>Rows of a CSV file with a header line.</summary>
    private static long DataLines(string path) => File.ReadLines(path).LongCount(line => line.Length > 0) - 1;
}
