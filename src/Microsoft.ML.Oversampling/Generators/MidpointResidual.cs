using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// Wraps a pair network so that it predicts the offset from the pair's midpoint: <c>G([a; b; z]) = (a + b) / 2 + f([a; b; z])</c>.
/// The MSE optimum of f is then 0, which a freshly initialised network is already near, so the trained generator
/// depends much less on its random initialisation (see <c>DeepSmoteOptions.ResidualMidpoint</c>).
/// </summary>
internal sealed class MidpointResidual : nn.Module<Tensor, Tensor>
{
    private readonly MultilayerPerceptron net;
    private readonly long _features;
    private readonly Scalar _half = 0.5.ToScalar(), _one = 1.0.ToScalar();

    public MidpointResidual(MultilayerPerceptron network, int features)
        : base(nameof(MidpointResidual))
    {
        net = network;
        _features = features;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using Tensor a = input.narrow(1, 0, _features);
        using Tensor b = input.narrow(1, _features, _features);
        using Tensor sum = a.add(b, _one); // explicit scalars: see FusedAdam's remarks
        using Tensor offset = net.forward(input);
        return offset.add(sum, _half);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            net.Dispose();
            _half.Dispose();
            _one.Dispose();
        }

        base.Dispose(disposing);
    }
}
