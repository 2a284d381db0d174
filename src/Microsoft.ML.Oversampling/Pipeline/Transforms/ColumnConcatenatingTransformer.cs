using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Pipeline.Transforms;

/// <summary>Concatenates float columns into a vector column; slot names follow the inputs.</summary>
public sealed class ColumnConcatenatingTransformer : ITransformer, IPersistableComponent
{
    internal ColumnConcatenatingTransformer(string outputColumnName, string[] inputColumnNames)
    {
        OutputColumnName = outputColumnName;
        InputColumnNames = inputColumnNames;
    }

    /// <summary>The output column.</summary>
    public string OutputColumnName { get; }

    /// <summary>The input columns, in order.</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <inheritdoc />
    public DataView Transform(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sources = InputColumnNames.Select(name =>
        {
            input.Schema.Require("input", name, t => t.Kind is ColumnKind.Single or ColumnKind.Vector, "Single or a vector of Single");
            return input.GetColumn(name);
        }).ToList();

        int width = sources.Sum(c => c is VectorColumn v ? v.Size : 1);
        var matrix = new DenseMatrix(input.RowCount, width);
        var slotNames = new List<string>(width);
        int offset = 0;
        foreach (DataColumn column in sources)
        {
            if (column is VectorColumn v)
            {
                for (int r = 0; r < input.RowCount; r++)
                {
                    v[r].CopyTo(matrix.Row(r)[offset..]);
                }

                slotNames.AddRange(Enumerable.Range(0, v.Size).Select(v.SlotName));
                offset += v.Size;
            }
            else
            {
                ReadOnlySpan<float> values = ((ScalarColumn<float>)column).Values;
                for (int r = 0; r < input.RowCount; r++)
                {
                    matrix[r, offset] = values[r];
                }

                slotNames.Add(column.Name);
                offset++;
            }
        }

        return input.WithColumn(new VectorColumn(OutputColumnName, matrix, slotNames.ToArray(), copy: false));
    }

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => ModelComponentCatalog.ConcatenateType;

    /// <inheritdoc />
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        writer.WriteString("outputColumnName", OutputColumnName);
        writer.WriteStrings("inputColumnNames", InputColumnNames);
    }

    /// <summary>Rebuilds a saved concatenation.</summary>
    internal static ColumnConcatenatingTransformer Load(ModelReader reader) =>
        new(reader.ReadString("outputColumnName"), [.. reader.ReadStrings("inputColumnNames")]);
}
