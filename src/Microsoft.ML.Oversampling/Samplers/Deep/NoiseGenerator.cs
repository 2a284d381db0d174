using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>The generator of the GAN oversampler: a network from standard Gaussian noise to synthetic rows.</summary>
public sealed class NoiseGenerator : ClassGenerator
{
    internal NoiseGenerator(MinMaxScaler scaler, NetworkSpec spec, Network network)
        : base(scaler, spec, network)
    {
    }

    /// <summary>Length of the noise vector.</summary>
    public int NoiseDimension => Spec.Inputs;

    /// <inheritdoc />
    private protected override DenseMatrix GenerateScaled(int count, DeterministicRandom random) =>
        Predict(Noise(count, NoiseDimension, random));

    /// <summary>A rows × dimension matrix of standard Gaussian noise.</summary>
    internal static DenseMatrix Noise(int rows, int dimension, DeterministicRandom random)
    {
        var noise = new DenseMatrix(rows, dimension);
        random.FillGaussian(noise.Values);
        return noise;
    }
}
