namespace Microsoft.ML.Oversampling.Neural;

/// <summary>A module with a forward computation from <typeparamref name="TInput"/> to <typeparamref name="TOutput"/> (TorchSharp's <c>Module&lt;T, TResult&gt;</c>).</summary>
/// <typeparam name="TInput">The input type, usually <see cref="Tensor"/>.</typeparam>
/// <typeparam name="TOutput">The output type, usually <see cref="Tensor"/>.</typeparam>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>Computes the module's output (recording it for <see cref="Tensor.Backward"/> when gradients are enabled).</summary>
    public abstract TOutput Forward(TInput input);
}
