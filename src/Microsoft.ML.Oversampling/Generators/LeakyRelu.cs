using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// LeakyReLU, <c>max(x, slope·x)</c>, holding its slope as one <see cref="Scalar"/> for its lifetime:
/// TorchSharp's <c>nn.LeakyReLU</c> converts the slope to a temporary scalar on every call (see <see cref="FusedAdam"/>'s remarks).
/// </summary>
internal sealed class LeakyRelu : nn.Module<Tensor, Tensor>
{
    private readonly Scalar _slope;

    public LeakyRelu(double slope)
        : base(nameof(LeakyRelu))
    {
        _slope = slope.ToScalar();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.leaky_relu(_slope);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slope.Dispose();
        }

        base.Dispose(disposing);
    }
}
