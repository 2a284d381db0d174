using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Random tensors, always drawn from an explicit <see cref="DeterministicRandom"/>.</content>
public sealed partial class Tensor
{
    /// <summary>Standard normal values (TorchSharp's <c>torch.randn</c> with a generator).</summary>
    public static Tensor Randn(DeterministicRandom random, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tensor = Empty(shape);
        random.FillGaussian(tensor.Data);
        return tensor;
    }

    /// <summary>Uniform values in [0, 1) (TorchSharp's <c>torch.rand</c> with a generator).</summary>
    public static Tensor Rand(DeterministicRandom random, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tensor = Empty(shape);
        var values = tensor.Data;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        return tensor;
    }
}
