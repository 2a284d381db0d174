using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// Stochastic gradient descent with momentum, PyTorch's <c>torch.optim.SGD(momentum=μ, weight_decay=λ)</c> update
/// (no dampening, not Nesterov) over a network's <see cref="FlatParameters"/>: <c>g ← g + λ·θ</c>; the momentum buffer
/// is <c>b ← g</c> on the first step and <c>b ← μ·b + g</c> after; <c>θ ← θ − lr·b</c>. Three in-place operations on
/// the whole buffer per step. The recipe of papers.md §4.7 (μ = 0.9, λ = 2e-4, lr 0.1 with a schedule).
/// </summary>
/// <remarks>Every scalar operand is held alive across the native call, as in <see cref="FusedAdam"/>.</remarks>
internal sealed class FusedSgd : IFlatOptimizer
{
    private readonly FlatParameters _parameters;
    private readonly Tensor _buffer;
    private readonly Scalar _momentum, _weightDecay;
    private readonly bool _decays;
    private bool _started;

    /// <summary>An optimiser of <paramref name="parameters"/>.</summary>
    public FusedSgd(FlatParameters parameters, double learningRate, double momentum, double weightDecay)
    {
        _parameters = parameters;
        LearningRate = learningRate;
        _buffer = zeros_like(parameters.Values);
        _momentum = momentum.ToScalar();
        _weightDecay = weightDecay.ToScalar();
        _decays = weightDecay != 0;
    }

    /// <inheritdoc />
    public double LearningRate { get; set; }

    /// <inheritdoc />
    public void Step()
    {
        Tensor g = _parameters.Gradients;
        using (no_grad())
        using (Scalar step = (-LearningRate).ToScalar())
        {
            if (_decays)
            {
                g.add_(_parameters.Values, _weightDecay);
            }

            if (_started)
            {
                _buffer.mul_(_momentum).add_(g);
            }
            else
            {
                _buffer.copy_(g);
                _started = true;
            }

            _parameters.Values.add_(_buffer, step);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _buffer.Dispose();
        _momentum.Dispose();
        _weightDecay.Dispose();
    }
}
