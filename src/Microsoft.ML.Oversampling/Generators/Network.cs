using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>A built network: the module to run and its flat parameter buffer (for the optimiser and early stopping).</summary>
internal sealed record Network(nn.Module<Tensor, Tensor> Module, FlatParameters Parameters) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
