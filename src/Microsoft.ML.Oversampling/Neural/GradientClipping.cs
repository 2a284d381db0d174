namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Gradient clipping (TorchSharp's <c>torch.nn.utils.clip_grad_norm_</c>).</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients together so that their joint L2 norm is at most <paramref name="maxNorm"/>.
    /// </summary>
    /// <returns>The joint norm before clipping.</returns>
    public static float ClipGradNorm(IEnumerable<Tensor> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNorm);
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        double squares = 0;
        foreach (var g in grads)
        {
            foreach (float v in g.Data)
            {
                squares += (double)v * v;
            }
        }

        float norm = (float)Math.Sqrt(squares);
        float scale = maxNorm / (norm + 1e-6f);
        if (scale < 1f)
        {
            foreach (var g in grads)
            {
                VectorMath.Multiply(g.Data, scale, g.Data);
            }
        }

        return norm;
    }
}
