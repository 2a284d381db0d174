using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Inverted dropout as a layer; active only in training mode (TorchSharp's <c>nn.Dropout</c>).</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly DeterministicRandom _random;

    /// <summary>Creates the layer.</summary>
    /// <param name="probability">The probability of zeroing an element, in [0, 1).</param>
    /// <param name="random">The layer's own random stream (fork or derive it from the model's seed).</param>
    public Dropout(float probability, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(probability >= 0f && probability < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), $"Dropout probability must be in [0, 1), but was {probability}.");
        }

        Probability = probability;
        _random = random;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public float Probability { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, Probability, Training, _random);
}
