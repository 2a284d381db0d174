using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>The generator of the GAN oversampler: a network from standard Gaussian noise to synthetic rows.</summary>
public sealed class NoiseGenerator : ClassGenerator
{

    private readonly NetworkSpec _spec;
    private readonly Module<Tensor, Tensor> _network;

    internal NoiseGenerator(MinMaxScaler scaler, NetworkSpec spec, Module<Tensor, Tensor> network)
        : base(scaler)
    {
        _spec = spec;
        _network = network;
    }

    /// <summary>Length of the noise vector.</summary>
    public int NoiseDimension => _spec.Inputs;

    /// <inheritdoc />
    private protected override DenseMatrix GenerateScaled(int count, DeterministicRandom random) =>
        MultilayerPerceptron.Predict(_network, Noise(count, NoiseDimension, random), FeatureCount);

    /// <summary>A rows × dimension matrix of standard Gaussian noise.</summary>
    internal static DenseMatrix Noise(int rows, int dimension, DeterministicRandom random)
    {
        var noise = new DenseMatrix(rows, dimension);
        random.FillGaussian(noise.Values);
        return noise;
    }

}
