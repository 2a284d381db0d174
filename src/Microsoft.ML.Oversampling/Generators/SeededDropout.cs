using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// Inverted dropout whose masks come from a torch generator of its own, seeded, so a seed gives the same masks (and
/// bits) on every run; <c>nn.Dropout</c> draws from LibTorch's process-wide generator. In training mode each value is
/// zeroed with probability p and the rest scaled by 1/(1 − p); in evaluation mode it is the identity.
/// </summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly Generator _generator;
    private readonly double _keep;
    private readonly Scalar _scale;

    public SeededDropout(double probability, ulong seed, Device device)
        : base(nameof(SeededDropout))
    {
        if (!(probability is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A dropout probability is at least 0 and below 1.");
        }

        _keep = 1 - probability;
        _scale = (1 / _keep).ToScalar();
        _generator = new Generator(seed, device);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training)
        {
            return input.alias();
        }

        using Tensor mask = empty_like(input).bernoulli_(_keep, _generator);
        using Tensor kept = input.mul(mask);
        return kept.mul(_scale);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _generator.Dispose();
            _scale.Dispose();
        }

        base.Dispose(disposing);
    }
}
