namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Layer normalisation over the last dimension with a learned scale and shift (TorchSharp's <c>nn.LayerNorm</c>).</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="features">The size of the last dimension.</param>
    /// <param name="epsilon">Added to the variance for stability.</param>
    public LayerNorm(int features, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        Epsilon = epsilon;
        Weight = RegisterParameter("weight", Tensor.Full(1f, features));
        Bias = RegisterParameter("bias", Tensor.Zeros(features));
    }

    /// <summary>The size of the last dimension.</summary>
    public int Features { get; }

    /// <summary>Added to the variance for stability.</summary>
    public float Epsilon { get; }

    /// <summary>The scale, shape [features].</summary>
    public Tensor Weight { get; }

    /// <summary>The shift, shape [features].</summary>
    public Tensor Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank == 0 || input.Dim(-1) != Features)
        {
            throw new ArgumentException($"LayerNorm({Features}) needs a last dimension of {Features}, but got shape {Tensor.FormatShape(input.ShapeView)}.", nameof(input));
        }

        var centered = input - Functional.Mean(input, -1, keepDimension: true);
        var variance = Functional.Mean(centered * centered, -1, keepDimension: true);
        return (centered / Functional.Sqrt(variance + Epsilon) * Weight) + Bias;
    }
}
