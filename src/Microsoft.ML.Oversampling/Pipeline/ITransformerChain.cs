namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>A fitted chain seen without its last step's type: its steps in order (to find one step, e.g. a fitted sampler
/// and its generator, in a loaded model).</summary>
public interface ITransformerChain : ITransformer
{
    /// <summary>The fitted steps, in order.</summary>
    IReadOnlyList<ITransformer> Transformers { get; }
}
