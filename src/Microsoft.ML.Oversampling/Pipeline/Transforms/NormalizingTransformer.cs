using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Pipeline.Transforms;

/// <summary>Applies a learned affine map <c>(x − Offset) · Scale</c> to each slot of a vector column.</summary>
public sealed class NormalizingTransformer : ITransformer, IPersistableComponent, IInputSchemaProvider
{
    private readonly float[] _offset;
    private readonly float[] _scale;

    internal NormalizingTransformer(string columnName, float[] offset, float[] scale)
    {
        ColumnName = columnName;
        _offset = offset;
        _scale = scale;
    }

    /// <summary>The normalized column.</summary>
    public string ColumnName { get; }

    /// <summary>The value subtracted from each slot (the training mean).</summary>
    public IReadOnlyList<float> Offset => _offset;

    /// <summary>The factor applied to each slot after the offset (1 / training std; 0 for constant slots).</summary>
    public IReadOnlyList<float> Scale => _scale;

    /// <inheritdoc />
    public DataView Transform(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Schema.Require("input", ColumnName, t => t == ColumnType.Vector(_offset.Length), ColumnType.Vector(_offset.Length).ToString());
        VectorColumn source = input.GetVectorColumn(ColumnName);
        DenseMatrix result = source.ToMatrix();
        for (int r = 0; r < result.Rows; r++)
        {
            Span<float> row = result.Row(r);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = (row[j] - _offset[j]) * _scale[j];
            }
        }

        return input.WithColumn(new VectorColumn(ColumnName, result, source.SlotNames?.ToArray(), copy: false));
    }

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => ModelComponentCatalog.NormalizerType;

    /// <inheritdoc />
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        writer.WriteString("columnName", ColumnName);
        writer.WriteArray("offset", _offset);
        writer.WriteArray("scale", _scale);
    }

    /// <inheritdoc />
    ModelInputSchema? IInputSchemaProvider.DescribeInput() => new(ColumnName, _offset.Length);

    /// <summary>Rebuilds a saved normalizer.</summary>
    internal static NormalizingTransformer Load(ModelReader reader)
    {
        float[] offset = reader.ReadSingleArray("offset"), scale = reader.ReadSingleArray("scale");
        if (offset.Length != scale.Length)
        {
            throw reader.Invalid($"offset has {offset.Length} slots but scale has {scale.Length}");
        }

        return new NormalizingTransformer(reader.ReadString("columnName"), offset, scale);
    }
}
