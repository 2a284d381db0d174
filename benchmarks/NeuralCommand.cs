using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// <c>neural --d 20 --hidden 128 --batch 64 --rows 500 --epochs 200 [--threads T] [--warmup 5]</c>: trains the Deep
/// SMOTE-shaped network (input 2d = two rows side by side, two hidden ReLU layers of width h, output d; Adam
/// lr 1e-3; MSE to the interpolation u·a + (1−u)·b) on fresh random pairs each epoch, and ends with
/// <c>us_per_step=&lt;number&gt;</c>. <c>benchmarks/torch_neural.py</c> does exactly the same in PyTorch.
/// </summary>
public sealed class NeuralCommand : IBenchmarkCommand
{
    /// <inheritdoc/>
    public string Name => "neural";

    /// <inheritdoc/>
    public string Description => "Deep SMOTE-shaped training loop: --d 20 --hidden 128 --batch 64 --rows 500 --epochs 200; prints us_per_step=";

    /// <inheritdoc/>
    public int Run(BenchmarkArguments arguments)
    {
        int d = arguments.Int("d", 20);
        int hidden = arguments.Int("hidden", 128);
        int batch = arguments.Int("batch", 64);
        int rows = arguments.Int("rows", 500);
        int epochs = arguments.Int("epochs", 200);
        int warmup = arguments.Int("warmup", 5);
        Parallelism.MaxDegreeOfParallelism = arguments.Int("threads", Environment.ProcessorCount);

        var random = new DeterministicRandom(arguments.Int("seed", 1));
        var data = Tensor.Zeros(rows, d);
        var values = data.Data;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextGaussian();
        }

        var initRandom = random.Fork();
        var model = new Sequential(
            new Linear(2 * d, hidden, initRandom), new ReLU(),
            new Linear(hidden, hidden, initRandom), new ReLU(),
            new Linear(hidden, d, initRandom));
        var optimizer = new Adam(model.Parameters(), learningRate: 1e-3f);
        var pairRandom = random.Fork();
        var first = new int[rows];
        var second = new int[rows];
        var mix = new float[rows];

        float loss = 0f;
        int steps = 0;
        long start = 0;
        long allocatedAtStart = 0;
        for (int epoch = 0; epoch < warmup + epochs; epoch++)
        {
            if (epoch == warmup)
            {
                start = Stopwatch.GetTimestamp();
                allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
                steps = 0;
            }

            for (int i = 0; i < rows; i++)
            {
                first[i] = pairRandom.NextInt(rows);
                second[i] = pairRandom.NextInt(rows);
                mix[i] = pairRandom.NextSingle();
            }

            for (int offset = 0; offset < rows; offset += batch)
            {
                int size = Math.Min(batch, rows - offset);
                using var scope = Tensor.NewDisposeScope();
                var a = Functional.IndexSelect(data, first.AsSpan(offset, size));
                var b = Functional.IndexSelect(data, second.AsSpan(offset, size));
                var u = Tensor.FromArray(mix.AsSpan(offset, size), size, 1);
                var input = Functional.Concat([a, b]);
                var target = (u * a) + ((1f - u) * b);

                var prediction = model.Forward(input);
                var mse = Functional.MseLoss(prediction, target);
                optimizer.ZeroGrad();
                mse.Backward();
                optimizer.Step();
                loss = mse.Item();
                steps++;
            }
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
        Console.WriteLine($"d={d} hidden={hidden} batch={batch} rows={rows} epochs={epochs} steps={steps} threads={Parallelism.EffectiveDegree} final_loss={loss.ToString("G6", CultureInfo.InvariantCulture)} managed_bytes_per_step={allocated / Math.Max(steps, 1)}");
        Console.WriteLine($"us_per_step={(seconds * 1e6 / steps).ToString("F1", CultureInfo.InvariantCulture)}");
        return 0;
    }
}
