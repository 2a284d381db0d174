using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The generator of Deep SMOTE and DA-SMOTE: a network fed with two rows of the class concatenated (and optionally
/// noise), whose output is the synthetic row. It keeps the class's scaled training rows to draw pairs from, so a
/// saved model holds those rows.
/// </summary>
public sealed class PairGenerator : ClassGenerator
{
    internal const string TypeName = "PairGenerator";

    private readonly DenseMatrix _classRows;
    private readonly PairSampler _pairs;
    private readonly NetworkSpec _spec;
    private readonly Module<Tensor, Tensor> _network;

    internal PairGenerator(MinMaxScaler scaler, DenseMatrix scaledClassRows, PairSampler pairs, int noiseDimension, NetworkSpec spec, Module<Tensor, Tensor> network)
        : base(scaler)
    {
        _classRows = scaledClassRows;
        _pairs = pairs;
        NoiseDimension = noiseDimension;
        _spec = spec;
        _network = network;
    }

    /// <summary>The network (DA-SMOTE trains it further after creation).</summary>
    internal Module<Tensor, Tensor> Network => _network;

    /// <summary>Width of the network's input: two rows and the noise.</summary>
    internal int InputWidth => _spec.Inputs;

    /// <summary>How generation chooses pairs.</summary>
    public PairSelection PairSelection => _pairs.Selection;

    /// <summary>Length of the Gaussian noise vector appended to each pair (0: none, the generator is then
    /// deterministic for a given pair).</summary>
    public int NoiseDimension { get; }

    /// <summary>Number of class rows the pairs are drawn from.</summary>
    public int ClassRowCount => _classRows.Rows;

    /// <inheritdoc />
    public override string ComponentType => TypeName;

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
        var input = new DenseMatrix(first.Length, _spec.Inputs);
        PairBatch.Fill(_classRows, first, second, NoiseDimension, random, input.Values);
        return MultilayerPerceptron.Predict(_network, input, FeatureCount);
    }

    /// <inheritdoc />
    public override void WriteState(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteScaler(writer);
        writer.WriteArray("classRows", _classRows.Values, _classRows.Rows, _classRows.Columns);
        writer.WriteString("pairSelection", _pairs.Selection.ToString());
        writer.WriteInt32("kNeighbors", _pairs.KNeighbors);
        if (_pairs.NeighborLists is { } neighbors)
        {
            writer.WriteArray("neighbors", neighbors);
        }

        writer.WriteInt32("noiseDimension", NoiseDimension);
        _spec.Write(writer, "network", _network);
    }

    internal static PairGenerator Load(ModelReader reader)
    {
        MinMaxScaler scaler = ReadScaler(reader);
        int d = scaler.FeatureCount;
        IReadOnlyList<int> shape = reader.ReadShape("classRows");
        if (shape.Count != 2 || shape[1] != d || shape[0] < 2)
        {
            throw reader.Invalid($"the class rows have shape [{string.Join(", ", shape)}] where at least 2 rows of {d} features are expected");
        }

        var classRows = new DenseMatrix(shape[0], d, reader.ReadSingleArray("classRows"));
        if (!Enum.TryParse(reader.ReadString("pairSelection"), out PairSelection selection) || !Enum.IsDefined(selection))
        {
            throw reader.Invalid("the pair selection is unknown");
        }

        int k = reader.ReadInt32("kNeighbors");
        int[]? neighbors = reader.Contains("neighbors") ? reader.ReadInt32Array("neighbors") : null;
        if (neighbors is not null && neighbors.Any(i => (uint)i >= (uint)classRows.Rows))
        {
            throw reader.Invalid("a neighbour index is outside the class rows");
        }

        PairSampler pairs;
        try
        {
            pairs = new PairSampler(selection, classRows.Rows, neighbors, k);
        }
        catch (ArgumentException e)
        {
            throw reader.Invalid(e.Message);
        }

        int noise = reader.ReadInt32("noiseDimension");
        var (spec, network) = NetworkSpec.Read(reader, "network");
        RequireWidth(reader, spec, (2 * d) + noise, d);
        return new PairGenerator(scaler, classRows, pairs, noise, spec, network);
    }
}
