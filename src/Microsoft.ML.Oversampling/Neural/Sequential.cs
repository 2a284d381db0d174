using System.Globalization;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Layers applied one after another, named <c>0</c>, <c>1</c>, … (TorchSharp's <c>nn.Sequential</c>). A
/// <see cref="Linear"/> followed by a <see cref="ReLU"/> runs as one fused product; the result is the same.
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor>[] _layers;

    /// <summary>Creates the chain.</summary>
    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = (Module<Tensor, Tensor>[])layers.Clone();
        for (int i = 0; i < _layers.Length; i++)
        {
            RegisterModule(i.ToString(CultureInfo.InvariantCulture), _layers[i]);
        }
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<Module<Tensor, Tensor>> Layers => _layers;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        for (int i = 0; i < _layers.Length; i++)
        {
            if (_layers[i] is Linear linear && i + 1 < _layers.Length && _layers[i + 1] is ReLU)
            {
                x = linear.ForwardRelu(x);
                i++;
            }
            else
            {
                x = _layers[i].Forward(x);
            }
        }

        return x;
    }
}
