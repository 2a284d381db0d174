namespace Microsoft.ML.Oversampling.Data;

/// <summary>One column of a <see cref="DataSchema"/>.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type.</param>
/// <param name="Index">The column's position in the schema.</param>
public readonly record struct SchemaColumn(string Name, ColumnType Type, int Index);

/// <summary>The ordered names and types of a <see cref="DataView"/>'s columns (the role of ML.NET's <c>DataViewSchema</c>).</summary>
public sealed class DataSchema : IReadOnlyList<SchemaColumn>
{
    private readonly SchemaColumn[] _columns;

    /// <summary>Creates a schema from (name, type) pairs; names must be unique.</summary>
    public DataSchema(IEnumerable<(string Name, ColumnType Type)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.Select((c, i) => new SchemaColumn(c.Name, c.Type, i)).ToArray();
        var duplicate = _columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Column name '{duplicate.Key}' appears more than once.", nameof(columns));
        }
    }

    /// <inheritdoc />
    public int Count => _columns.Length;

    /// <inheritdoc />
    public SchemaColumn this[int index] => _columns[index];

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such column; the message lists the columns present.</exception>
    public SchemaColumn this[string name] => TryGetColumn(name, out SchemaColumn c)
        ? c
        : throw new ArgumentOutOfRangeException(nameof(name), $"Could not find column '{name}'. Columns present: {string.Join(", ", _columns.Select(x => x.Name))}.");

    /// <summary>Looks a column up by name (case-sensitive, as in ML.NET).</summary>
    public bool TryGetColumn(string name, out SchemaColumn column)
    {
        foreach (SchemaColumn c in _columns)
        {
            if (c.Name == name)
            {
                column = c;
                return true;
            }
        }

        column = default;
        return false;
    }

    /// <summary>
    /// Checks that column <paramref name="name"/> exists and has the expected type, with ML.NET's messages:
    /// "Could not find {role} column '{name}'" or "Schema mismatch for {role} column '{name}': expected X, got Y".
    /// </summary>
    /// <param name="role">What the column is for, e.g. "feature" or "label".</param>
    /// <param name="name">The column name.</param>
    /// <param name="accepted">Whether a type is acceptable.</param>
    /// <param name="expected">A description of the acceptable types, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has the wrong type.</exception>
    public SchemaColumn Require(string role, string name, Func<ColumnType, bool> accepted, string expected)
    {
        if (!TryGetColumn(name, out SchemaColumn column))
        {
            throw new ArgumentOutOfRangeException(nameof(name),
                $"Could not find {role} column '{name}'. Columns present: {string.Join(", ", _columns.Select(x => $"{x.Name} ({x.Type})"))}.");
        }

        if (!accepted(column.Type))
        {
            throw new ArgumentOutOfRangeException(nameof(name), $"Schema mismatch for {role} column '{name}': expected {expected}, got {column.Type}.");
        }

        return column;
    }

    /// <inheritdoc />
    public IEnumerator<SchemaColumn> GetEnumerator() => ((IEnumerable<SchemaColumn>)_columns).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _columns.Select(c => $"{c.Name}: {c.Type}"));
}
