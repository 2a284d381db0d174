using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// <c>gemm --n 1024 [--threads T] [--repeats R]</c>: times the neural engine's SGEMM on an n×n×n product (best of R runs)
/// and ends with <c>gflops=&lt;number&gt;</c>; <c>benchmarks/numpy_gemm.py</c> does the same with numpy/OpenBLAS.
/// </summary>
public sealed class GemmCommand : IBenchmarkCommand
{
    /// <inheritdoc/>
    public string Name => "gemm";

    /// <inheritdoc/>
    public string Description => "SGEMM of the neural engine: --n 1024 [--threads T] [--repeats 10]; prints gflops=";

    /// <inheritdoc/>
    public int Run(BenchmarkArguments arguments)
    {
        int n = arguments.Int("n", 1024);
        int repeats = arguments.Int("repeats", 10);
        Parallelism.MaxDegreeOfParallelism = arguments.Int("threads", Environment.ProcessorCount);

        var random = new DeterministicRandom(1);
        var a = new float[n * n];
        var b = new float[n * n];
        var c = new float[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextSingle();
            b[i] = random.NextSingle();
        }

        for (int i = 0; i < 3; i++)
        {
            Sgemm.Multiply(n, n, n, a, n, false, b, n, false, c, n, accumulate: false);
        }

        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            Sgemm.Multiply(n, n, n, a, n, false, b, n, false, c, n, accumulate: false);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        double gflops = 2.0 * n * n * n / best / 1e9;
        Console.WriteLine($"n={n} threads={Parallelism.EffectiveDegree} kernel={Sgemm.BestKernel} best_ms={(best * 1e3).ToString("F3", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"gflops={gflops.ToString("F1", CultureInfo.InvariantCulture)}");
        return 0;
    }
}
