using System.Diagnostics;
using System.Globalization;

using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// Fit time of the deep oversamplers with default options on every CSV of a folder (the whole file, as
/// <c>oversample resample</c> would): the issue's "at most 5 seconds per dataset" row.
/// </summary>
public sealed class DeepFitCommand : IBenchmarkCommand
{
    public string Name => "deep-fit";

    public string Description => "Deep SMOTE / DA-SMOTE / GAN default fit time per dataset (--datasets-dir --only a,b --methods deep-smote,da-smote,gan --threads)";

    public int Run(BenchmarkArguments arguments)
    {
        string directory = arguments.String("datasets-dir", "/work/shared/datasets");
        string[] methods = arguments.String("methods", "deep-smote,da-smote,gan").Split(',', StringSplitOptions.RemoveEmptyEntries);
        string only = arguments.String("only", string.Empty); // comma-separated dataset names, default all
        Numerics.Parallelism.MaxDegreeOfParallelism = arguments.Int("threads", -1);
        var files = Directory.GetFiles(directory, "*.csv").Order(StringComparer.Ordinal)
            .Where(f => only.Length == 0 || only.Split(',').Contains(Path.GetFileNameWithoutExtension(f))).ToArray();

        Console.WriteLine($"{Environment.ProcessorCount} processors, {Numerics.Parallelism.EffectiveDegree} threads; one fit of each method on each whole file, seed 1; wall seconds (process CPU seconds); load average before {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}.");
        Console.WriteLine();
        Console.WriteLine($"| dataset | rows | features | minority | {string.Join(" | ", methods)} |");
        Console.WriteLine($"|---|---:|---:|---:|{string.Concat(methods.Select(_ => "---:|"))}");
        var worst = methods.ToDictionary(m => m, _ => (Seconds: 0.0, Dataset: string.Empty));
        foreach (string file in files)
        {
            var (x, y) = ResampleCommand.ReadCsv(file);
            string name = Path.GetFileNameWithoutExtension(file);
            var cells = new List<string>();
            foreach (string method in methods)
            {
                SamplerEntry entry = SamplerRegistry.Sampler(method);
                Oversampler sampler = entry.Create(entry.CreateOptions());
                using var process = Process.GetCurrentProcess();
                TimeSpan cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                sampler.FitResample(x, y, seed: 1);
                double seconds = watch.Elapsed.TotalSeconds;
                process.Refresh();
                double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
                cells.Add($"{seconds.ToString("F2", CultureInfo.InvariantCulture)} ({cpuSeconds.ToString("F2", CultureInfo.InvariantCulture)})");
                if (seconds > worst[method].Seconds)
                {
                    worst[method] = (seconds, name);
                }
            }

            Console.WriteLine($"| {name} | {x.Rows} | {x.Columns} | {y.Count(v => v == 1)} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine();
        foreach (var (method, (seconds, dataset)) in worst)
        {
            Console.WriteLine($"slowest {method}: {seconds.ToString("F2", CultureInfo.InvariantCulture)} s ({dataset})");
        }

        return 0;
    }
}
