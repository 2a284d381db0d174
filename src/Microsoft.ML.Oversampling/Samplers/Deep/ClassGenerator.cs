using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The trained generator of one class: a TorchSharp network that turns inputs (pairs of class rows, or noise) into
/// synthetic rows, with the feature scaling learned on the training data. Produced by the deep oversamplers while
/// fitting, saved in generator files (<see cref="SyntheticDataGenerator.Save(string)"/>), and reached through
/// <see cref="SyntheticDataGenerator"/>.
/// </summary>
public abstract class ClassGenerator
{
    private protected ClassGenerator(MinMaxScaler scaler, NetworkSpec spec, Network network)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        Scaler = scaler;
        Spec = spec;
        Network = network;
    }

    /// <summary>Number of features of a generated row.</summary>
    public int FeatureCount => Scaler.FeatureCount;

    /// <summary>The min–max scaling fitted on the training rows; the network works in the scaled space.</summary>
    public MinMaxScaler Scaler { get; }

    /// <summary>The network's architecture.</summary>
    internal NetworkSpec Spec { get; }

    /// <summary>The network (DA-SMOTE trains it further after creation).</summary>
    internal Network Network { get; }

    /// <summary>The device the network lives on.</summary>
    internal Device Device => Network.Parameters.Values.device;

    /// <summary>Generates <paramref name="count"/> synthetic rows in the original feature units.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public DenseMatrix Generate(int count, DeterministicRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        DenseMatrix rows = GenerateScaled(count, random);
        Scaler.InverseTransformInPlace(rows);
        return rows;
    }

    /// <summary>Generates rows in the scaled space.</summary>
    private protected abstract DenseMatrix GenerateScaled(int count, DeterministicRandom random);

    /// <summary>The network's outputs for the rows of <paramref name="input"/>, in the scaled space.</summary>
    private protected DenseMatrix Predict(DenseMatrix input)
    {
        // One network may be shared by threads that generate concurrently; its modules are not meant for that.
        lock (Network)
        {
            return NetworkInference.Predict(Network.Module, input, FeatureCount, Device);
        }
    }
}
