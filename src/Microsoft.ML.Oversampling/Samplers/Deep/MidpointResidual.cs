using Microsoft.ML.Oversampling.Neural;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Wraps a pair network so that it predicts the offset from the pair's midpoint: <c>G([a; b; z]) = (a + b) / 2 + f([a; b; z])</c>.
/// The MSE optimum of f is then 0, which a freshly initialised network is already near, so the trained generator
/// depends much less on its random initialisation (see <see cref="DeepSmoteOptions.ResidualMidpoint"/>).
/// </summary>
internal sealed class MidpointResidual : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> _network;
    private readonly int _features;

    public MidpointResidual(Module<Tensor, Tensor> network, int features)
    {
        _network = RegisterModule("net", network);
        _features = features;
    }

    public override Tensor Forward(Tensor input)
    {
        var a = Functional.Narrow(input, 0, _features);
        var b = Functional.Narrow(input, _features, _features);
        return _network.Forward(input) + ((a + b) * 0.5f);
    }
}
