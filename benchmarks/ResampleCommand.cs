using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// <c>resample</c>: SMOTE, Borderline-SMOTE and ADASYN, ours in-process against imbalanced-learn's
/// <c>fit_resample</c> (run by <c>benchmarks/imblearn_resample.py</c>) on the same CSV: synthetic Gaussian blobs
/// (5% minority, float32) over a grid of sizes, and the larger real data sets. Times are the best of the repeats, after
/// <c>--warmup</c> untimed calls on each side (JIT tiering and thread start-up here, lazy imports there).
/// </summary>
public sealed class ResampleCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "resample";

    /// <inheritdoc />
    public string Description => "SMOTE/Borderline/ADASYN vs imbalanced-learn fit_resample (--rows --features --large --datasets --methods --repeats --warmup --idataview [--cached])";

    /// <inheritdoc />
    public int Run(BenchmarkArguments arguments)
    {
        int[] rows = arguments.IntList("rows", 10_000, 100_000);
        int[] features = arguments.IntList("features", 10, 30, 100);
        int[] largeRows = arguments.IntList("large");
        int largeFeatures = arguments.Int("large-features", 30);
        string[] methods = arguments.String("methods", "smote,borderline,adasyn").Split(',');
        string[] datasets = arguments.String("datasets", "letter_img,mammography,pen_digits").Split(',', StringSplitOptions.RemoveEmptyEntries);
        string datasetDirectory = arguments.String("datasets-dir", "/work/shared/datasets");
        int repeats = arguments.Int("repeats", 3);
        int warmup = arguments.Int("warmup", 1);
        double minority = arguments.Double("minority", 0.05);
        string python = arguments.String("python", "/usr/bin/python3");
        bool skipImblearn = arguments.Flag("skip-imblearn");
        bool viaDataView = arguments.Flag("idataview");
        bool cachedView = arguments.Flag("cached");
        string outDirectory = arguments.String("out", Path.Combine("benchmarks", "out"));
        Directory.CreateDirectory(outDirectory);

        var cases = new List<(string Name, Func<(DenseMatrix, int[])> Load, int Repeats, int Warmup)>();
        foreach (int n in rows)
        {
            foreach (int d in features)
            {
                cases.Add(($"blobs {n / 1000}k x {d}", () => GaussianBlobs(n, d, minority, seed: n + d), repeats, warmup));
            }
        }

        foreach (int n in largeRows)
        {
            cases.Add(($"blobs {n / 1000}k x {largeFeatures}", () => GaussianBlobs(n, largeFeatures, minority, seed: n + largeFeatures), 1, 0));
        }

        foreach (string dataset in datasets)
        {
            cases.Add((dataset, () => ReadCsv(Path.Combine(datasetDirectory, dataset + ".csv")), repeats, warmup));
        }

        Console.WriteLine($"{Environment.ProcessorCount} processors; best of {repeats} runs after {warmup} untimed (1 run, no warm-up, for --large); times in seconds for fit_resample.");
        Console.WriteLine();
        string viewHeader = viaDataView ? " ours, Fit on an IDataView | adapter overhead | one read of the input view |" : "";
        Console.WriteLine($"| data | rows | features | method | imbalanced-learn | ours | speed-up | rows out (imblearn / ours) |{viewHeader}");
        Console.WriteLine($"|---|---:|---:|---|---:|---:|---:|---|{(viaDataView ? "---:|---:|---:|" : "")}");
        foreach (var (name, load, caseRepeats, caseWarmup) in cases)
        {
            var (x, y) = load();
            string csv = Path.Combine(outDirectory, "resample_" + name.Replace(' ', '_') + ".csv");
            WriteCsv(csv, x, y);
            Dictionary<string, (double Seconds, int Rows)> reference = skipImblearn
                ? []
                : RunImblearn(python, csv, methods, caseRepeats, caseWarmup);
            foreach (string method in methods)
            {
                var (seconds, rowsOut) = RunOurs(method, x, y, caseRepeats, caseWarmup);
                string imblearn = reference.TryGetValue(method, out var r) ? r.Seconds.ToString("F4", CultureInfo.InvariantCulture) : "–";
                string ratio = reference.ContainsKey(method) ? (r.Seconds / seconds).ToString("F1", CultureInfo.InvariantCulture) + "×" : "–";
                string counts = reference.ContainsKey(method) ? $"{r.Rows} / {rowsOut}" : rowsOut.ToString(CultureInfo.InvariantCulture);
                string viewCells = "";
                if (viaDataView)
                {
                    var (viewSeconds, readSeconds, viewRows) = DataViewPath.Run(method, x, y, caseRepeats, caseWarmup, cachedView);
                    if (viewRows != rowsOut)
                    {
                        throw new InvalidOperationException($"The IDataView path gave {viewRows} rows where the matrix path gave {rowsOut}.");
                    }

                    viewCells = $" {viewSeconds.ToString("F4", CultureInfo.InvariantCulture)} | {((viewSeconds / seconds) - 1).ToString("P0", CultureInfo.InvariantCulture)} | {readSeconds.ToString("F4", CultureInfo.InvariantCulture)} |";
                }

                Console.WriteLine(
                    $"| {name} | {x.Rows} | {x.Columns} | {method} | {imblearn} | {seconds.ToString("F4", CultureInfo.InvariantCulture)} | {ratio} | {counts} |{viewCells}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB.");
        return 0;
    }

    internal static Oversampler Create(string method) => method switch
    {
        "smote" => new Smote(),
        "borderline" => new BorderlineSmote(),
        "borderline2" => new BorderlineSmote(new BorderlineSmoteOptions { Kind = BorderlineKind.Borderline2 }),
        "adasyn" => new Adasyn(),
        _ => throw new ArgumentException($"Unknown method '{method}': use smote, borderline, borderline2 or adasyn."),
    };

    private static (double Seconds, int Rows) RunOurs(string method, DenseMatrix x, int[] y, int repeats, int warmup)
    {
        for (int i = 0; i < warmup; i++)
        {
            Create(method).FitResample(x, y, seed: 0);
        }

        double best = double.PositiveInfinity;
        int rows = 0;
        for (int i = 0; i < repeats; i++)
        {
            Oversampler sampler = Create(method);
            var stopwatch = Stopwatch.StartNew();
            ResampleResult result = sampler.FitResample(x, y, seed: 0);
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
            rows = result.Labels.Count;
        }

        return (best, rows);
    }

    private static Dictionary<string, (double Seconds, int Rows)> RunImblearn(string python, string csv, string[] methods, int repeats, int warmup)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "imblearn_resample.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { script, "--csv", csv, "--methods", string.Join(',', methods), "--repeats", repeats.ToString(CultureInfo.InvariantCulture), "--warmup", warmup.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new IOException($"Cannot start {python}.");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"imbalanced-learn run failed (exit {process.ExitCode}) on {csv}.");
        }

        var result = new Dictionary<string, (double, int)>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            result[parts[0]] = (double.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return result;
    }

    /// <summary>
    /// Two unit-variance Gaussian blobs in d dimensions whose centres are 2 apart (so the classes overlap and
    /// Borderline-SMOTE has rows in danger), the minority holding <paramref name="minorityShare"/> of the rows,
    /// labels interleaved at random.
    /// </summary>
    internal static (DenseMatrix Features, int[] Labels) GaussianBlobs(int rows, int features, double minorityShare, int seed)
    {
        var random = new DeterministicRandom(seed);
        var labels = new int[rows];
        int minorityRows = (int)Math.Round(rows * minorityShare);
        labels.AsSpan(0, minorityRows).Fill(1);
        random.Shuffle(labels.AsSpan());
        double shift = 2.0 / Math.Sqrt(features);
        var matrix = new DenseMatrix(rows, features);
        for (int i = 0; i < rows; i++)
        {
            Span<float> row = matrix.Row(i);
            for (int j = 0; j < features; j++)
            {
                row[j] = (float)((labels[i] * shift) + random.NextGaussian());
            }
        }

        return (matrix, labels);
    }

    internal static (DenseMatrix Features, int[] Labels) ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        int columns = lines[0].Split(',').Length - 1;
        var matrix = new DenseMatrix(lines.Length, columns);
        var labels = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            string[] parts = lines[i].Split(',');
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = float.Parse(parts[j], CultureInfo.InvariantCulture);
            }

            labels[i] = (int)double.Parse(parts[columns], CultureInfo.InvariantCulture);
        }

        return (matrix, labels);
    }

    /// <summary>Writes float32 values in their shortest round-trip form, so both sides read identical data.</summary>
    private static void WriteCsv(string path, DenseMatrix x, int[] y)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine(string.Join(',', Enumerable.Range(0, x.Columns).Select(j => "f" + j.ToString(CultureInfo.InvariantCulture))) + ",label");
        var line = new StringBuilder();
        for (int i = 0; i < x.Rows; i++)
        {
            line.Clear();
            foreach (float value in x.Row(i))
            {
                line.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }

            line.Append(y[i].ToString(CultureInfo.InvariantCulture));
            writer.WriteLine(line);
        }
    }
}
