using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>A network whose parameters all live in one <see cref="FlatParameters"/> buffer (so the fused optimisers,
/// early stopping and weight export handle any architecture alike).</summary>
internal abstract class FlatModule : nn.Module<Tensor, Tensor>
{
    /// <summary>Names the module (TorchSharp's module name).</summary>
    protected FlatModule(string name)
        : base(name)
    {
    }

    /// <summary>The parameters as one buffer (and their gradients as another).</summary>
    public abstract FlatParameters Flat { get; }
}
