using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The trained generator of one class: a network that turns inputs (pairs of class rows, or noise) into synthetic
/// rows, with the feature scaling learned on the training data. Produced by the deep oversamplers while fitting,
/// saved in model files, and reached through <see cref="SyntheticDataGenerator"/>.
/// </summary>
public abstract class ClassGenerator
{
    private protected ClassGenerator(MinMaxScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        Scaler = scaler;
    }

    /// <summary>Number of features of a generated row.</summary>
    public int FeatureCount => Scaler.FeatureCount;

    /// <summary>The min–max scaling fitted on the training rows; the network works in the scaled space.</summary>
    public MinMaxScaler Scaler { get; }

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

}
