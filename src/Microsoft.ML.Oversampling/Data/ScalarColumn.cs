namespace Microsoft.ML.Oversampling.Data;

/// <summary>An immutable column of scalars: <see cref="float"/>, <see cref="bool"/>, <see cref="int"/> or <see cref="string"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ScalarColumn<T> : DataColumn
{
    private readonly T[] _values;

    /// <summary>Creates the column; the array is copied so the column stays immutable.</summary>
    public ScalarColumn(string name, IEnumerable<T> values)
        : this(name, values.ToArray(), copy: false)
    {
    }

    internal ScalarColumn(string name, T[] values, bool copy)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        Type = KindOf();
        _values = copy ? (T[])values.Clone() : values;
    }

    /// <inheritdoc />
    public override ColumnType Type { get; }

    /// <inheritdoc />
    public override int Length => _values.Length;

    /// <summary>The values.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>The value at <paramref name="row"/>.</summary>
    public T this[int row] => _values[row];

    /// <inheritdoc />
    public override object GetBoxedValue(int row) => _values[row]!;

    /// <inheritdoc />
    public override DataColumn SelectRows(ReadOnlySpan<int> rows)
    {
        var selected = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            selected[i] = _values[rows[i]];
        }

        return new ScalarColumn<T>(Name, selected, copy: false);
    }

    /// <inheritdoc />
    public override DataColumn Append(DataColumn other)
    {
        CheckAppendable(other);
        return new ScalarColumn<T>(Name, [.. _values, .. ((ScalarColumn<T>)other)._values], copy: false);
    }

    /// <inheritdoc />
    public override DataColumn CreateMissing(int count)
    {
        var missing = new T[count];
        if (typeof(T) == typeof(float))
        {
            Array.Fill((float[])(object)missing, float.NaN);
        }
        else if (typeof(T) == typeof(string))
        {
            Array.Fill((string[])(object)missing, string.Empty);
        }

        return new ScalarColumn<T>(Name, missing, copy: false);
    }

    /// <inheritdoc />
    public override DataColumn Rename(string name) => new ScalarColumn<T>(name, _values, copy: false);

    private static ColumnType KindOf() =>
        typeof(T) == typeof(float) ? ColumnType.Single
        : typeof(T) == typeof(bool) ? ColumnType.Boolean
        : typeof(T) == typeof(int) ? ColumnType.Int32
        : typeof(T) == typeof(string) ? ColumnType.Text
        : throw new NotSupportedException($"Columns of {typeof(T).Name} are not supported; use float, bool, int or string.");
}
