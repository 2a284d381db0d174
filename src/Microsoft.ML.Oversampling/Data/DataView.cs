using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Data;

/// <summary>
/// An immutable, schema'd, columnar in-memory table: the data currency of pipelines (the role of ML.NET's
/// <c>IDataView</c>). Operations return new tables and share unchanged columns, so they are cheap.
/// </summary>
public sealed class DataView
{
    private readonly DataColumn[] _columns;

    /// <summary>Creates a table from columns of equal length with unique names.</summary>
    /// <exception cref="ArgumentException">Lengths differ or names repeat.</exception>
    public DataView(IEnumerable<DataColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        if (_columns.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        RowCount = _columns[0].Length;
        foreach (DataColumn c in _columns)
        {
            if (c.Length != RowCount)
            {
                throw new ArgumentException($"Column '{c.Name}' has {c.Length} rows but column '{_columns[0].Name}' has {RowCount}.", nameof(columns));
            }
        }

        Schema = new DataSchema(_columns.Select(c => (c.Name, c.Type)));
    }

    /// <summary>Creates a table from columns.</summary>
    public DataView(params DataColumn[] columns)
        : this((IEnumerable<DataColumn>)columns)
    {
    }

    /// <summary>The columns' names and types.</summary>
    public DataSchema Schema { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in schema order.</summary>
    public IReadOnlyList<DataColumn> Columns => _columns;

    /// <summary>The column called <paramref name="name"/>.</summary>
    public DataColumn GetColumn(string name) => _columns[Schema[name].Index];

    /// <summary>The scalar column called <paramref name="name"/>, typed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Missing column or a different type.</exception>
    public ScalarColumn<T> GetColumn<T>(string name) => GetColumn(name) as ScalarColumn<T>
        ?? throw new ArgumentOutOfRangeException(nameof(name), $"Column '{name}' is {Schema[name].Type}, not {typeof(T).Name}.");

    /// <summary>The vector column called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Missing column or not a vector.</exception>
    public VectorColumn GetVectorColumn(string name) => GetColumn(name) as VectorColumn
        ?? throw new ArgumentOutOfRangeException(nameof(name), $"Column '{name}' is {Schema[name].Type}, not a float vector.");

    /// <summary>Returns a table with the given rows, in order (repeats allowed).</summary>
    public DataView SelectRows(ReadOnlySpan<int> rows)
    {
        foreach (int r in rows)
        {
            if ((uint)r >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"Row {r} is outside 0..{RowCount - 1}.");
            }
        }

        var selected = new DataColumn[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            selected[i] = _columns[i].SelectRows(rows);
        }

        return new DataView(selected);
    }

    /// <summary>Returns a table with this table's rows followed by <paramref name="other"/>'s (schemas must match).</summary>
    public DataView AppendRows(DataView other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Schema.Count != Schema.Count)
        {
            throw new ArgumentException($"Cannot append rows with schema ({other.Schema}) to a table with schema ({Schema}).", nameof(other));
        }

        return new DataView(_columns.Select((c, i) => c.Append(other._columns[i])));
    }

    /// <summary>Returns a table with <paramref name="column"/> added, or replacing the column of the same name in place.</summary>
    public DataView WithColumn(DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (Schema.TryGetColumn(column.Name, out SchemaColumn existing))
        {
            var replaced = (DataColumn[])_columns.Clone();
            replaced[existing.Index] = column;
            return new DataView(replaced);
        }

        return new DataView([.. _columns, column]);
    }

    /// <summary>Returns a table without the named columns (names not present are ignored).</summary>
    public DataView DropColumns(params string[] names) => new(_columns.Where(c => !names.Contains(c.Name)));

    /// <summary>The vector column <paramref name="name"/> as a matrix shared without copying (callers must not modify it).</summary>
    internal DenseMatrix GetFeatureMatrix(string name) => GetVectorColumn(name).Matrix;

    /// <summary>A short description: row count and schema.</summary>
    public override string ToString() => $"{RowCount} rows: {Schema}";
}
