using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// <c>cold</c>: the first <c>FitResample</c> call of a fresh process, ours against imbalanced-learn's first
/// <c>fit_resample</c> in a fresh python process, on the same Gaussian blobs (<see cref="ResampleCommand.GaussianBlobs"/>).
/// Each measurement is its own process (<c>cold-call</c> here, <c>imblearn_resample.py --repeats 1 --warmup 0</c>
/// there), the two sides alternating; each loads its data before its timer starts. Reports the median and the best of
/// <c>--runs</c> processes per side, and for ours the JIT work done inside the timed call.
/// </summary>
public sealed class ColdCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "cold";

    /// <inheritdoc />
    public string Description => "first FitResample of fresh processes vs imbalanced-learn's first fit_resample (--rows --features --methods --runs [--aot PATH: also the Native AOT build of benchmarks/ColdAot])";

    /// <inheritdoc />
    public int Run(BenchmarkArguments arguments)
    {
        int[] rows = arguments.IntList("rows", 10_000, 100_000);
        int features = arguments.Int("features", 30);
        string[] methods = arguments.String("methods", "smote,borderline,adasyn").Split(',');
        int runs = arguments.Int("runs", 5);
        double minority = arguments.Double("minority", 0.05);
        string python = arguments.String("python", "/usr/bin/python3");
        bool skipImblearn = arguments.Flag("skip-imblearn");
        string aot = arguments.String("aot", "");
        if (aot.Length > 0 && !File.Exists(aot))
        {
            throw new IOException($"No Native AOT build at {aot}: publish it with `dotnet publish benchmarks/ColdAot -c Release -o DIR` and pass --aot DIR/ColdAot.");
        }
        string outDirectory = arguments.String("out", Path.Combine("benchmarks", "out"));
        Directory.CreateDirectory(outDirectory);
        string self = Environment.ProcessPath ?? throw new IOException("Cannot locate this executable.");

        Console.WriteLine($"{Environment.ProcessorCount} processors; load average before: {LoadAverage()}; {runs} fresh processes per cell and side, alternating; seconds of the first call.");
        Console.WriteLine();
        Console.WriteLine("| data | method | imbalanced-learn median (best) | ours median (best) | speed-up (medians) | JIT in our call: methods, ms (median) | rows out (imblearn / ours) | ours, Native AOT, median (best) | its speed-up |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|---:|---:|");
        foreach (int n in rows)
        {
            var (x, y) = ResampleCommand.GaussianBlobs(n, features, minority, seed: n + features);
            string name = $"blobs {n / 1000}k x {features}";
            string stem = Path.Combine(outDirectory, "cold_" + name.Replace(' ', '_'));
            ResampleCommand.WriteCsv(stem + ".csv", x, y);
            BlobFile.Write(stem + ".bin", x, y);
            foreach (string method in methods)
            {
                var ours = new List<double>();
                var jitMethods = new List<double>();
                var jitMs = new List<double>();
                var theirs = new List<double>();
                var native = new List<double>();
                int oursRows = 0, theirRows = 0;
                for (int r = 0; r < runs; r++)
                {
                    string[] fields = RunChild(self, ["cold-call", "--data", stem + ".bin", "--method", method]).Split(' ');
                    ours.Add(double.Parse(fields[0], CultureInfo.InvariantCulture));
                    oursRows = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    jitMethods.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
                    jitMs.Add(double.Parse(fields[3], CultureInfo.InvariantCulture));
                    if (aot.Length > 0)
                    {
                        fields = RunChild(aot, [stem + ".bin", method]).Split(' ');
                        native.Add(double.Parse(fields[0], CultureInfo.InvariantCulture));
                        if (int.Parse(fields[1], CultureInfo.InvariantCulture) != oursRows)
                        {
                            throw new InvalidOperationException($"The Native AOT build returned {fields[1]} rows, the JIT build {oursRows}.");
                        }
                    }

                    if (!skipImblearn)
                    {
                        string script = Path.Combine(AppContext.BaseDirectory, "imblearn_resample.py");
                        fields = RunChild(python, [script, "--csv", stem + ".csv", "--methods", method, "--repeats", "1", "--warmup", "0"]).Split(' ');
                        theirs.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
                        theirRows = int.Parse(fields[2], CultureInfo.InvariantCulture);
                    }
                }

                string imblearn = skipImblearn ? "–" : $"{Format(Median(theirs))} ({Format(theirs.Min())})";
                string ratio = skipImblearn ? "–" : (Median(theirs) / Median(ours)).ToString("F1", CultureInfo.InvariantCulture) + "×";
                string aotCell = native.Count == 0 ? "– | –" : $"{Format(Median(native))} ({Format(native.Min())}) | "
                    + (skipImblearn ? "–" : (Median(theirs) / Median(native)).ToString("F1", CultureInfo.InvariantCulture) + "×");
                Console.WriteLine(
                    $"| {name} | {method} | {imblearn} | {Format(Median(ours))} ({Format(ours.Min())}) | {ratio} | {Median(jitMethods):F0}, {Median(jitMs):F1} | {(skipImblearn ? "–" : theirRows.ToString(CultureInfo.InvariantCulture))} / {oursRows} | {aotCell} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>The 1-, 5- and 15-minute load averages of the machine, as the kernel reports them.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal static string Format(double seconds) => seconds.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Runs a process to its end and returns the last line it printed.</summary>
    internal static string RunChild(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new IOException($"Cannot start {fileName}.");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"{fileName} {string.Join(' ', start.ArgumentList)} failed (exit {process.ExitCode}).");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }
}

/// <summary>
/// <c>cold-call</c>: one measurement of <see cref="ColdCommand"/>, meant to run in a fresh process. Loads the data
/// written by <c>cold</c> (raw binary, no parsing), then times the process's first <c>FitResample</c> call and prints
/// <c>SECONDS ROWS_OUT JIT_METHODS JIT_MS PAGE_FAULTS GCS</c>: the methods the JIT compiled during the call, the
/// time it spent doing so (all threads), the minor page faults the process took (fresh memory touched) and the
/// garbage collections that ran. <c>--csv FILE</c> reads a CSV instead (header, label last; untimed), and
/// <c>--output FILE</c> writes the resampled rows as CSV after the measurement (to compare outputs byte for byte; its time
/// is printed as <c>write_seconds</c>);
/// <c>--calls N</c> makes N − 1 more calls after the first and prints their times (first against steady state).
/// </summary>
public sealed class ColdCallCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "cold-call";

    /// <inheritdoc />
    public string Description => "one fresh-process measurement of `cold` (--data FILE.bin | --csv FILE.csv, --method NAME, --output OUT.csv)";

    /// <inheritdoc />
    public int Run(BenchmarkArguments arguments)
    {
        string csv = arguments.String("csv", "");
        var (x, y) = csv.Length > 0 ? ResampleCommand.ReadCsv(csv) : BlobFile.Read(arguments.String("data", ""));
        Oversampler sampler = ResampleCommand.Create(arguments.String("method", "smote"));
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        long faultsBefore = MinorPageFaults();
        int gcBefore = GC.CollectionCount(0);
        var stopwatch = Stopwatch.StartNew();
        ResampleResult result = sampler.FitResample(x, y, seed: 0);
        double seconds = stopwatch.Elapsed.TotalSeconds;
        long faults = MinorPageFaults() - faultsBefore;
        int collections = GC.CollectionCount(0) - gcBefore;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        double jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        var later = new List<string>();
        for (int call = 1; call < arguments.Int("calls", 1); call++)
        {
            var again = Stopwatch.StartNew();
            ResampleCommand.Create(arguments.String("method", "smote")).FitResample(x, y, seed: 0);
            later.Add(again.Elapsed.TotalSeconds.ToString("F6", CultureInfo.InvariantCulture));
        }

        if (later.Count > 0)
        {
            Console.WriteLine("later calls: " + string.Join(' ', later));
        }

        string output = arguments.String("output", "");
        if (output.Length > 0)
        {
            var writing = Stopwatch.StartNew();
            ResampleCommand.WriteCsv(output, result.Features, [.. result.Labels]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"write_seconds={writing.Elapsed.TotalSeconds:F6}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:F6} {result.Labels.Count} {methods} {jitMs:F2} {faults} {collections}"));
        return 0;
    }

    /// <summary>Minor page faults of this process so far (field 10 of <c>/proc/self/stat</c>), or 0 off Linux.</summary>
    private static long MinorPageFaults()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        string stat = File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture); // fields after "(comm)": state is field 3, minflt field 10
    }
}
