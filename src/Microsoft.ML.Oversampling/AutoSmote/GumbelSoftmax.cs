using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// The straight-through ("hard") Gumbel-Softmax of Jang et al. (2017): for logits ℓ, Gumbel noise g and temperature τ,
/// the soft sample is <c>y = softmax((ℓ + g)/τ)</c>; the forward value is <c>one_hot(argmax y)</c> exactly, and the
/// backward pass is that of y. The noise is drawn from the fit's <see cref="DeterministicRandom"/> on the CPU, so a seed
/// gives the same choices on every device.
/// </summary>
internal static class GumbelSoftmax
{
    /// <summary>Standard Gumbel noise <c>−log(−log U)</c>, U uniform in (0, 1) (never 0 or 1), as a rows × options tensor.</summary>
    public static Tensor Noise(int rows, int options, DeterministicRandom random, Device device)
    {
        var values = new float[rows * options];
        for (int i = 0; i < values.Length; i++)
        {
            double u = ((random.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));
            values[i] = (float)-Math.Log(-Math.Log(u));
        }

        return TensorRows.Upload(values, rows, options, device);
    }

    /// <summary>
    /// The hard sample of each row of <paramref name="logits"/> (rows × options) with <paramref name="noise"/> of the
    /// same shape: one-hot rows in the forward pass, computed as <c>hard + (y − detach(y))</c> so the forward value is
    /// exactly one-hot and the gradient is that of the soft sample y.
    /// </summary>
    public static Tensor Hard(Tensor logits, Tensor noise, double temperature)
    {
        using Tensor perturbed = logits.Plus(noise);
        using Tensor scaled = perturbed.DividedBy(temperature);
        return StraightThrough(scaled, 1);
    }

    /// <summary>The straight-through sample, along dimension <paramref name="dim"/> (the last one), of already perturbed
    /// and scaled logits <c>(ℓ + g)/τ</c>.</summary>
    public static Tensor StraightThrough(Tensor scaled, long dim)
    {
        using Tensor soft = scaled.softmax(dim);
        using Tensor hard = OneHotArgmax(soft, dim);
        using Tensor detached = soft.detach();
        using Tensor straight = soft.Minus(detached);
        return hard.Plus(straight);
    }

    /// <summary>The one-hot of each row's largest value along <paramref name="dim"/>, the last dimension (the first on
    /// ties), without a gradient.</summary>
    public static Tensor OneHotArgmax(Tensor values, long dim = 1)
    {
        using Tensor index = values.argmax(dim);
        using Tensor hot = nn.functional.one_hot(index, values.shape[dim]);
        return hot.to_type(values.dtype);
    }
}
