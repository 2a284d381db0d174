using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// A fresh process's time to its first generated row: from process start (runtime start-up and LibTorch's native load
/// included) to the first row a default Deep SMOTE fit produces on one CSV. Run it as its own process.
/// </summary>
public sealed class FirstRowCommand : IBenchmarkCommand
{
    public string Name => "first-row";

    public string Description => "Fresh process to first Deep SMOTE row, native load included (--file CSV)";

    public int Run(BenchmarkArguments arguments)
    {
        string file = arguments.String("file", "/work/shared/datasets/yeast4.csv");
        TimeSpan sinceStart() => DateTime.Now - Process.GetCurrentProcess().StartTime;
        TimeSpan atMain = sinceStart();
        var (x, y) = ResampleCommand.ReadCsv(file);
        var watch = Stopwatch.StartNew();
        using (var ones = TorchSharp.torch.ones(1))
        {
        }

        double nativeLoad = watch.Elapsed.TotalSeconds;
        var result = new DeepSmoteRegressionOversampler().FitResample(x, y, seed: 1);
        TimeSpan firstRow = sinceStart();
        string F(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"{Path.GetFileName(file)}: {result.SyntheticRowCount} synthetic rows; process start to Main {F(atMain.TotalSeconds)} s, LibTorch load {F(nativeLoad)} s, fit {F(watch.Elapsed.TotalSeconds - nativeLoad)} s");
        Console.WriteLine($"first_row_seconds={F(firstRow.TotalSeconds)}");
        return 0;
    }
}
