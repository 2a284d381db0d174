namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The ReLU activation as a layer.</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}
