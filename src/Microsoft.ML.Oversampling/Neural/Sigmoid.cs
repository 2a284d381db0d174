namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The logistic sigmoid as a layer.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}
