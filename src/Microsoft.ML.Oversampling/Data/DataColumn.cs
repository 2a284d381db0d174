namespace Microsoft.ML.Oversampling.Data;

/// <summary>
/// One immutable, named column of a <see cref="DataView"/>. Concrete columns are
/// <see cref="ScalarColumn{T}"/> (float, bool, int, string) and <see cref="VectorColumn"/>.
/// </summary>
public abstract class DataColumn
{
    /// <summary>Initialises the name.</summary>
    protected DataColumn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The column type.</summary>
    public abstract ColumnType Type { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>Returns the column's value at <paramref name="row"/> as an object (for display and CSV output).</summary>
    public abstract object GetBoxedValue(int row);

    /// <summary>Returns a new column with the given rows, in order (repeats allowed).</summary>
    public abstract DataColumn SelectRows(ReadOnlySpan<int> rows);

    /// <summary>Returns a new column with this column's rows followed by <paramref name="other"/>'s.</summary>
    public abstract DataColumn Append(DataColumn other);

    /// <summary>Returns a column of <paramref name="count"/> missing values of this column's type (NaN, false, 0 or
    /// empty text), used for columns that synthetic rows have no value for.</summary>
    public abstract DataColumn CreateMissing(int count);

    /// <summary>Returns the same data under another name.</summary>
    public abstract DataColumn Rename(string name);

    /// <summary>Checks that <paramref name="other"/> can be appended (same name and type).</summary>
    protected void CheckAppendable(DataColumn other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Name != Name || other.Type != Type)
        {
            throw new ArgumentException(
                $"Cannot append column '{other.Name}' ({other.Type}) to column '{Name}' ({Type}): names and types must match.", nameof(other));
        }
    }
}
