using System.Runtime.CompilerServices;
namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Stochastic gradient descent with optional momentum (heavy-ball or Nesterov) and L2 weight decay, following
/// PyTorch's <c>SGD</c> update.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly float[][] _velocity;
    private readonly bool[] _started;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="momentum">The momentum factor (0 for plain SGD).</param>
    /// <param name="weightDecay">L2 penalty added to the gradient as <c>weightDecay · p</c>.</param>
    /// <param name="nesterov">Use Nesterov momentum.</param>
    public Sgd(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f, bool nesterov = false)
        : base(parameters, learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Momentum = momentum;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _velocity = NewState();
        _started = new bool[Parameters.Count];
    }

    /// <summary>The momentum factor.</summary>
    public float Momentum { get; }

    /// <summary>The L2 penalty.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var velocity = _velocity[index];
        bool first = !_started[index];
        _started[index] = true;
        float lr = LearningRate;
        for (int i = 0; i < parameter.Length; i++)
        {
            float g = gradient[i] + (WeightDecay * parameter[i]);
            if (Momentum != 0f)
            {
                // PyTorch: the buffer starts as the first gradient, then v = μ·v + g.
                velocity[i] = first ? g : (Momentum * velocity[i]) + g;
                g = Nesterov ? g + (Momentum * velocity[i]) : velocity[i];
            }

            parameter[i] -= lr * g;
        }
    }
}
