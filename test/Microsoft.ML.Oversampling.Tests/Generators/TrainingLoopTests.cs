using System.Diagnostics;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>The TorchSharp training layer: native memory stays flat across steps, and the fused Adam is Adam.</summary>
public class TrainingLoopTests
{
    private static readonly NetworkSpec Spec = new(12, [64, 64], 6, HiddenActivation.Relu, OutputActivation.Linear);

    private static (float[] Input, float[] Target) Batch(int rows, int seed)
    {
        var random = new DeterministicRandom(seed);
        var input = new float[rows * 12];
        var target = new float[rows * 6];
        random.FillGaussian(input);
        random.FillGaussian(target);
        return (input, target);
    }

    private static Tensor Loss(Network network, float[] input, float[] target, int rows) => nn.functional.mse_loss(
        network.Module.forward(TensorRows.Upload(input, rows, 12, CPU)), TensorRows.Upload(target, rows, 6, CPU));

    [Fact]
    public void StepsFreeEveryTensorTheyCreate_AndNativeMemoryDoesNotGrow()
    {
        const int rows = 128;
        var (input, target) = Batch(rows, 1);
        using Network network = Spec.Build(new DeterministicRandom(1), CPU);
        using var trainer = new NetworkTrainer(network, 1e-3);
        for (int i = 0; i < 200; i++)
        {
            trainer.Step(() => Loss(network, input, target, rows)); // warm up allocator caches
        }

        long liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long rssBefore = ResidentBytes();
        for (int i = 0; i < 3000; i++)
        {
            trainer.Step(() => Loss(network, input, target, rows));
        }

        long liveAfter = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long rssGrowth = ResidentBytes() - rssBefore;

        // Each step creates about a dozen tensors (two inputs, activations, loss) worth ≈ 150 KB: a leak of any of
        // them would show in the live count, and of their memory as hundreds of MB over 3,000 steps.
        Assert.Equal(liveBefore, liveAfter);
        Assert.True(rssGrowth < 32L << 20, $"resident memory grew by {rssGrowth >> 20} MB over 3,000 steps");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    [Fact]
    public void FusedAdamFollowsTorchsAdam()
    {
        const int rows = 32;
        using Network fused = Spec.Build(new DeterministicRandom(3), CPU);
        using Network reference = Spec.Build(new DeterministicRandom(3), CPU);
        using var trainer = new NetworkTrainer(fused, 1e-2, beta1: 0.5);
        using var adam = torch.optim.Adam(reference.Module.parameters(), lr: 1e-2, beta1: 0.5);
        for (int step = 0; step < 25; step++)
        {
            var (input, target) = Batch(rows, 100 + step);
            trainer.Step(() => Loss(fused, input, target, rows));
            using (NewDisposeScope())
            {
                adam.zero_grad();
                Loss(reference, input, target, rows).backward();
                adam.step();
            }
        }

        // Same update in a different operation order: float32 rounding differences only, after 25 steps of size ≈ lr.
        float[] a = Values(fused), b = Values(reference);
        double largest = a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(largest < 1e-5, $"largest parameter difference {largest:E2}");
        using Network untrained = Spec.Build(new DeterministicRandom(3), CPU);
        Assert.True(a.Zip(Values(untrained)).Max(p => Math.Abs(p.First - p.Second)) > 0.05, "the steps moved the weights");
    }

    private static float[] Values(Network network)
    {
        var values = new float[network.Parameters.Count];
        TensorRows.Download(network.Parameters.Values, values);
        return values;
    }

    [Fact]
    public void TheSameSeedBuildsTheSameWeights_AnotherSeedOthers()
    {
        using Network a = Spec.Build(new DeterministicRandom(7), CPU), b = Spec.Build(new DeterministicRandom(7), CPU), c = Spec.Build(new DeterministicRandom(8), CPU);

        Assert.Equal(Values(a), Values(b));
        Assert.NotEqual(Values(a), Values(c));

        // PyTorch's nn.Linear initialisation: uniform in ±1/√fan_in (fan_in 12 for the first layer's weights).
        float[] first = Values(a)[..(12 * 64)];
        Assert.All(first, w => Assert.InRange(Math.Abs(w), 0, 1 / Math.Sqrt(12)));
        Assert.True(first.Max() > 0.9 / Math.Sqrt(12) && first.Min() < -0.9 / Math.Sqrt(12));
    }
}
