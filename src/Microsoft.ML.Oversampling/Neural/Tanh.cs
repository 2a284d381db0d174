namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The hyperbolic tangent as a layer.</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Tanh(input);
}
