namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter): parameters shrink by <c>lr · weightDecay</c> before the
/// Adam step, as in PyTorch's <c>AdamW</c>.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the first-moment estimate.</param>
    /// <param name="beta2">Decay of the second-moment estimate.</param>
    /// <param name="epsilon">Added to the denominator for stability.</param>
    /// <param name="weightDecay">The decoupled decay coefficient (PyTorch's default 0.01).</param>
    public AdamW(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: true)
    {
    }
}
