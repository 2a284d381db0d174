using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Data;

/// <summary>
/// An immutable column of fixed-size float vectors, stored as one row-major matrix (rows × slots), with
/// optional slot names (e.g. the CSV headers the features came from).
/// </summary>
public sealed class VectorColumn : DataColumn
{
    private readonly DenseMatrix _matrix;
    private readonly string[]? _slotNames;

    /// <summary>Creates the column from a matrix (copied, so the column stays immutable).</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">Rows × slots.</param>
    /// <param name="slotNames">Optional names of the slots; length must equal the vector size.</param>
    public VectorColumn(string name, DenseMatrix values, IReadOnlyList<string>? slotNames = null)
        : this(name, values.Clone(), slotNames?.ToArray(), copy: false)
    {
    }

    internal VectorColumn(string name, DenseMatrix values, string[]? slotNames, bool copy)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (slotNames is not null && slotNames.Length != values.Columns)
        {
            throw new ArgumentException($"Column '{name}' has {values.Columns} slots but {slotNames.Length} slot names.", nameof(slotNames));
        }

        _matrix = copy ? values.Clone() : values;
        _slotNames = slotNames;
    }

    /// <inheritdoc />
    public override ColumnType Type => ColumnType.Vector(_matrix.Columns);

    /// <inheritdoc />
    public override int Length => _matrix.Rows;

    /// <summary>The vector size.</summary>
    public int Size => _matrix.Columns;

    /// <summary>Slot names, or <c>null</c> when the slots are unnamed.</summary>
    public IReadOnlyList<string>? SlotNames => _slotNames;

    /// <summary>The vector of one row.</summary>
    public ReadOnlySpan<float> this[int row] => _matrix.Row(row);

    /// <summary>The underlying matrix, shared without copying: callers must not modify it.</summary>
    internal DenseMatrix Matrix => _matrix;

    /// <summary>Returns a copy of the values as a matrix (rows × slots).</summary>
    public DenseMatrix ToMatrix() => _matrix.Clone();

    /// <summary>The display name of slot <paramref name="slot"/>: its name, or <c>Column.slot</c>.</summary>
    public string SlotName(int slot) => _slotNames?[slot] ?? $"{Name}.{slot}";

    /// <inheritdoc />
    public override object GetBoxedValue(int row) => _matrix.Row(row).ToArray();

    /// <inheritdoc />
    public override DataColumn SelectRows(ReadOnlySpan<int> rows) => new VectorColumn(Name, _matrix.SelectRows(rows), _slotNames, copy: false);

    /// <inheritdoc />
    public override DataColumn Append(DataColumn other)
    {
        CheckAppendable(other);
        return new VectorColumn(Name, _matrix.AppendRows(((VectorColumn)other)._matrix), _slotNames, copy: false);
    }

    /// <summary>Returns a column with this column's rows followed by the rows of <paramref name="rows"/>.</summary>
    internal VectorColumn AppendRows(DenseMatrix rows) => new(Name, _matrix.AppendRows(rows), _slotNames, copy: false);

    /// <inheritdoc />
    public override DataColumn CreateMissing(int count)
    {
        var missing = new DenseMatrix(count, Size);
        Array.Fill(missing.Values, float.NaN);
        return new VectorColumn(Name, missing, _slotNames, copy: false);
    }

    /// <inheritdoc />
    public override DataColumn Rename(string name) => new VectorColumn(name, _matrix, _slotNames, copy: false);
}
