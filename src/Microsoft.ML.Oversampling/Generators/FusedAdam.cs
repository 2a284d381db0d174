using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, PyTorch's <c>torch.optim.Adam</c> update, with its L2 <c>weight_decay</c> added to the
/// gradient) over a network's
/// <see cref="FlatParameters"/>: one step is seven in-place vector operations on the whole parameter buffer, instead
/// of TorchSharp's optimiser looping over every parameter tensor in C# with temporaries per tensor. No tensor is
/// allocated per step.
/// </summary>
/// <remarks>
/// Every scalar operand is a <see cref="Scalar"/> this class holds alive across the native call. TorchSharp's
/// overloads that take none (<c>add_(Scalar)</c>, <c>a + b</c>) create a temporary <c>1</c> whose finalizer can free
/// it while LibTorch still reads it, which crashed a long fit ("toFloat ... Expected false to be true").
/// </remarks>
internal sealed class FusedAdam : IFlatOptimizer
{
    private readonly FlatParameters _parameters;
    private readonly Tensor _m, _v, _denominator;
    private readonly double _beta1, _beta2;
    private readonly Scalar _beta1Scalar, _oneMinusBeta1, _beta2Scalar, _oneMinusBeta2, _epsilonScalar, _one, _weightDecay;
    private readonly bool _decays;
    private int _steps;

    /// <summary>An optimiser of <paramref name="parameters"/>; <paramref name="weightDecay"/> is PyTorch Adam's
    /// <c>weight_decay</c>: <c>λ·θ</c> is added to every gradient (biases too) before the moments.</summary>
    public FusedAdam(FlatParameters parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
    {
        _parameters = parameters;
        LearningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _m = zeros_like(parameters.Values);
        _v = zeros_like(parameters.Values);
        _denominator = zeros_like(parameters.Values);
        _beta1Scalar = beta1.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilonScalar = epsilon.ToScalar();
        _one = 1.0.ToScalar();
        _weightDecay = weightDecay.ToScalar();
        _decays = weightDecay != 0;
    }

    /// <inheritdoc />
    public double LearningRate { get; set; }

    /// <summary>Applies one update from the accumulated gradients.</summary>
    public void Step()
    {
        _steps++;
        double correction1 = 1 - Math.Pow(_beta1, _steps);
        double correction2 = Math.Sqrt(1 - Math.Pow(_beta2, _steps));
        Tensor g = _parameters.Gradients;
        using (no_grad())
        using (Scalar inverseCorrection2 = (1 / correction2).ToScalar())
        using (Scalar stepSize = (-LearningRate / correction1).ToScalar())
        {
            if (_decays)
            {
                g.add_(_parameters.Values, _weightDecay);
            }

            _m.mul_(_beta1Scalar).add_(g, _oneMinusBeta1);
            _v.mul_(_beta2Scalar).addcmul_(g, g, _oneMinusBeta2);
            _denominator.copy_(_v).sqrt_().mul_(inverseCorrection2).add_(_epsilonScalar, _one);
            _parameters.Values.addcdiv_(_m, _denominator, stepSize);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _m.Dispose();
        _v.Dispose();
        _denominator.Dispose();
        _beta1Scalar.Dispose();
        _oneMinusBeta1.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta2.Dispose();
        _epsilonScalar.Dispose();
        _one.Dispose();
        _weightDecay.Dispose();
    }
}
