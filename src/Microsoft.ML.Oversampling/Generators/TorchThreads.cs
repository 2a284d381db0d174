using TorchSharp;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// The LibTorch intra-op thread count of every training step and forward pass of the deep generators, fixed so that a
/// seed gives the same bits whatever the machine's core count or the library's <c>Parallelism</c> setting.
/// </summary>
/// <remarks>
/// A matrix product's reductions are split by thread count, and a different split rounds differently: measured on
/// TorchSharp 0.107 (LibTorch 2.10), 1 and 2 threads gave identical weights after 500 Adam steps up to batch 512, but
/// different ones at batch 1,024 and above. One thread is also the fastest on the small networks of these methods
/// (see <c>benchmarks/README.md</c>). LibTorch's thread count is process-wide: the library sets it before each fit or
/// generation, so a host that changes it concurrently from another thread may lose bit-reproducibility.
/// </remarks>
internal static class TorchThreads
{
    /// <summary>The intra-op thread count used for training and generation.</summary>
    public const int IntraOp = 1;

    /// <summary>Sets LibTorch's intra-op thread count to <see cref="IntraOp"/> (cheap when it already is).</summary>
    public static void Pin()
    {
        if (torch.get_num_threads() != IntraOp)
        {
            torch.set_num_threads(IntraOp);
        }
    }
}
