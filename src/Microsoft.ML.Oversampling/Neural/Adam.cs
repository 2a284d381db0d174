using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Adam (Kingma &amp; Ba) with bias correction, following PyTorch's update; weight decay here is the classic L2 term
/// added to the gradient (see <see cref="AdamW"/> for the decoupled form).
/// </summary>
public class Adam : Optimizer
{
    private readonly float[][] _firstMoment;
    private readonly float[][] _secondMoment;
    private readonly bool _decoupledWeightDecay;
    private readonly int[] _stepCounts;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the first-moment estimate.</param>
    /// <param name="beta2">Decay of the second-moment estimate.</param>
    /// <param name="epsilon">Added to the denominator for stability.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    public Adam(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
        : this(parameters, learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: false)
    {
    }

    /// <summary>Creates the optimizer with either weight-decay form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private protected Adam(IEnumerable<Tensor> parameters, float learningRate, float beta1, float beta2, float epsilon, float weightDecay, bool decoupledWeightDecay)
        : base(parameters, learningRate)
    {
        if (!(beta1 >= 0f && beta1 < 1f) || !(beta2 >= 0f && beta2 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"Betas must be in [0, 1), but were {beta1} and {beta2}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _decoupledWeightDecay = decoupledWeightDecay;
        _firstMoment = NewState();
        _secondMoment = NewState();
        _stepCounts = new int[Parameters.Count];
    }

    /// <summary>Decay of the first-moment estimate.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the second-moment estimate.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the denominator for stability.</summary>
    public float Epsilon { get; }

    /// <summary>The weight-decay coefficient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        int step = ++_stepCounts[index];
        float lr = LearningRate;
        float stepSize = lr / (1f - MathF.Pow(Beta1, step));
        float correction2Sqrt = MathF.Sqrt(1f - MathF.Pow(Beta2, step));
        float decay = _decoupledWeightDecay ? 1f - (lr * WeightDecay) : 1f;
        float l2 = _decoupledWeightDecay ? 0f : WeightDecay;
        Span<float> m = _firstMoment[index], v = _secondMoment[index];
        if (m.Length != parameter.Length || gradient.Length != parameter.Length)
        {
            throw new InvalidOperationException("A parameter changed size after the optimizer was created.");
        }

        ref float rp = ref MemoryMarshal.GetReference(parameter), rm = ref MemoryMarshal.GetReference(m), rv = ref MemoryMarshal.GetReference(v);
        ref float rg = ref MemoryMarshal.GetReference(gradient);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            for (; i <= parameter.Length - width; i += width)
            {
                nuint at = (nuint)i;
                var p = Vector.LoadUnsafe(ref rp, at) * decay;
                var g = Vector.LoadUnsafe(ref rg, at) + (l2 * p);
                var mi = (Beta1 * Vector.LoadUnsafe(ref rm, at)) + ((1f - Beta1) * g);
                var vi = (Beta2 * Vector.LoadUnsafe(ref rv, at)) + ((1f - Beta2) * g * g);
                var denominator = (Vector.SquareRoot(vi) / correction2Sqrt) + new Vector<float>(Epsilon);
                (p - (stepSize * mi / denominator)).StoreUnsafe(ref rp, at);
                mi.StoreUnsafe(ref rm, at);
                vi.StoreUnsafe(ref rv, at);
            }
        }

        for (; i < parameter.Length; i++)
        {
            float p = parameter[i] * decay;
            float g = gradient[i] + (l2 * p);
            m[i] = (Beta1 * m[i]) + ((1f - Beta1) * g);
            v[i] = (Beta2 * v[i]) + ((1f - Beta2) * g * g);
            parameter[i] = p - (stepSize * m[i] / ((MathF.Sqrt(v[i]) / correction2Sqrt) + Epsilon));
        }
    }
}
