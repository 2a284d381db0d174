using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// Training steps per second of the Deep SMOTE-shaped network on TorchSharp, with the library's training layer
/// (flat parameters, <c>FusedAdam</c>, one dispose scope per step) or TorchSharp's own <c>torch.optim.Adam</c>
/// (<c>--optimizer torch</c>). Twin of <c>torch_neural.py</c>: input 2d (two rows side by side), two hidden ReLU
/// layers of width h, output d, MSE to a random interpolation of the pair, fresh pairs every epoch; the pairs are
/// drawn in C# and uploaded per batch, as the samplers do. Ends with <c>us_per_step=…</c>.
/// </summary>
public sealed class TorchStepsCommand : IBenchmarkCommand
{
    public string Name => "neural";

    public string Description => "TorchSharp training steps, Deep SMOTE network (--d --hidden --batch --rows --epochs --warmup --threads --optimizer fused|torch)";

    public int Run(BenchmarkArguments arguments)
    {
        int d = arguments.Int("d", 20), h = arguments.Int("hidden", 128), batch = arguments.Int("batch", 64);
        int rows = arguments.Int("rows", 500), epochs = arguments.Int("epochs", 200), warmup = arguments.Int("warmup", 5);
        int threads = arguments.Int("threads", TorchThreads.IntraOp);
        bool fused = arguments.String("optimizer", "fused") == "fused";
        torch.set_num_threads(threads);

        var random = new DeterministicRandom(1);
        var data = new float[rows * d];
        random.FillGaussian(data);
        var spec = new NetworkSpec(2 * d, [h, h], d, HiddenActivation.Relu, OutputActivation.Linear);
        using Network network = spec.Build(random.Fork(), CPU);
        using var trainer = new NetworkTrainer(network, 1e-3);
        using var adam = torch.optim.Adam(network.Module.parameters(), 1e-3);
        var input = new float[rows * 2 * d];
        var target = new float[rows * d];

        long steps = 0;
        var watch = new Stopwatch();
        double loss = 0;
        for (int epoch = 0; epoch < warmup + epochs; epoch++)
        {
            if (epoch == warmup)
            {
                watch.Restart();
                steps = 0;
            }

            for (int t = 0; t < rows; t++)
            {
                int a = random.NextInt(rows), b = random.NextInt(rows);
                float u = random.NextSingle();
                data.AsSpan(a * d, d).CopyTo(input.AsSpan(t * 2 * d, d));
                data.AsSpan(b * d, d).CopyTo(input.AsSpan((t * 2 * d) + d, d));
                for (int j = 0; j < d; j++)
                {
                    target[(t * d) + j] = (u * data[(a * d) + j]) + ((1 - u) * data[(b * d) + j]);
                }
            }

            for (int offset = 0; offset < rows; offset += batch)
            {
                int size = Math.Min(batch, rows - offset);
                Tensor Loss() => nn.functional.mse_loss(
                    network.Module.forward(TensorRows.Upload(input.AsSpan(offset * 2 * d, size * 2 * d), size, 2 * d, CPU)),
                    TensorRows.Upload(target.AsSpan(offset * d, size * d), size, d, CPU));
                if (fused)
                {
                    trainer.Step(Loss);
                }
                else
                {
                    using var scope = NewDisposeScope();
                    adam.zero_grad();
                    Loss().backward();
                    adam.step();
                }

                steps++;
            }
        }

        double seconds = watch.Elapsed.TotalSeconds;
        using (no_grad())
        using (NewDisposeScope())
        {
            loss = nn.functional.mse_loss(
                network.Module.forward(TensorRows.Upload(input.AsSpan(0, Math.Min(batch, rows) * 2 * d), Math.Min(batch, rows), 2 * d, CPU)),
                TensorRows.Upload(target.AsSpan(0, Math.Min(batch, rows) * d), Math.Min(batch, rows), d, CPU)).item<float>();
        }

        Console.WriteLine($"d={d} hidden={h} batch={batch} rows={rows} epochs={epochs} steps={steps} threads={torch.get_num_threads()} optimizer={(fused ? "fused" : "torch")} final_loss={loss.ToString("G6", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"us_per_step={(seconds * 1e6 / steps).ToString("F1", CultureInfo.InvariantCulture)}");
        return 0;
    }
}
