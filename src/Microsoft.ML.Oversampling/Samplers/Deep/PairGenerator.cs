using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The generator of Deep SMOTE and DA-SMOTE: a network fed with two rows of the class concatenated (and optionally
/// noise), whose output is the synthetic row. It keeps the class's scaled training rows to draw pairs from, so a
/// saved generator file holds those rows.
/// </summary>
public sealed class PairGenerator : ClassGenerator
{

    private readonly DenseMatrix _classRows;
    private readonly PairSampler _pairs;

    internal PairGenerator(MinMaxScaler scaler, DenseMatrix scaledClassRows, PairSampler pairs, int noiseDimension, NetworkSpec spec, Network network)
        : base(scaler, spec, network)
    {
        _classRows = scaledClassRows;
        _pairs = pairs;
        NoiseDimension = noiseDimension;
    }

    /// <summary>The class's scaled training rows the pairs are drawn from.</summary>
    internal DenseMatrix ClassRows => _classRows;

    /// <summary>The generation pair sampler.</summary>
    internal PairSampler Pairs => _pairs;

    /// <summary>How generation chooses pairs.</summary>
    public PairSelection PairSelection => _pairs.Selection;

    /// <summary>Length of the Gaussian noise vector appended to each pair (0: none, the generator is then
    /// deterministic for a given pair).</summary>
    public int NoiseDimension { get; }

    /// <summary>Number of class rows the pairs are drawn from.</summary>
    public int ClassRowCount => _classRows.Rows;

    /// <summary>
    /// The network's output for the pairs <c>(first[i], second[i])</c> of class rows, in original feature units
    /// (with fresh noise when <see cref="NoiseDimension"/> &gt; 0).
    /// </summary>
    /// <exception cref="ArgumentException">The index arrays differ in length or hold an index outside the class rows.</exception>
    public DenseMatrix GenerateFromPairs(ReadOnlySpan<int> first, ReadOnlySpan<int> second, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"{first.Length} first rows but {second.Length} second rows.", nameof(second));
        }

        RequireClassRows(first, nameof(first));
        RequireClassRows(second, nameof(second));

        DenseMatrix rows = Forward(first, second, random);
        Scaler.InverseTransformInPlace(rows);
        return rows;
    }

    private void RequireClassRows(ReadOnlySpan<int> indices, string parameterName)
    {
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)_classRows.Rows)
            {
                throw new ArgumentException($"Row {index} is outside the {_classRows.Rows} class rows.", parameterName);
            }
        }
    }

    /// <inheritdoc />
    private protected override DenseMatrix GenerateScaled(int count, DeterministicRandom random)
    {
        var first = new int[count];
        var second = new int[count];
        _pairs.Draw(first, second, random);
        return Forward(first, second, random);
    }

    private DenseMatrix Forward(ReadOnlySpan<int> first, ReadOnlySpan<int> second, DeterministicRandom random)
    {
        var input = new DenseMatrix(first.Length, Spec.Inputs);
        PairBatch.Fill(_classRows, first, second, NoiseDimension, random, input.Values);
        return Predict(input);
    }

}
