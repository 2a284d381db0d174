using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>Reads label columns as class indices and builds them back, for the adapters between tables and algorithms.</summary>
internal static class LabelColumns
{
    /// <summary>The class of each row: a boolean label gives 0 (false) and 1 (true); an integer label its values.</summary>
    public static int[] ReadClasses(DataView data, string labelColumnName)
    {
        data.Schema.Require("label", labelColumnName, t => t.Kind is ColumnKind.Boolean or ColumnKind.Int32, "Boolean or Int32");
        return data.GetColumn(labelColumnName) switch
        {
            ScalarColumn<bool> b => b.Values.ToArray().Select(v => v ? 1 : 0).ToArray(),
            ScalarColumn<int> i => i.Values.ToArray(),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    /// <summary>A binary label as booleans: a boolean column, or an integer column holding only 0 and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing, of another type, or holds other integers.</exception>
    public static bool[] ReadBinary(DataView data, string labelColumnName)
    {
        data.Schema.Require("label", labelColumnName, t => t.Kind is ColumnKind.Boolean or ColumnKind.Int32, "Boolean (or Int32 with values 0 and 1)");
        if (data.GetColumn(labelColumnName) is ScalarColumn<bool> b)
        {
            return b.Values.ToArray();
        }

        ReadOnlySpan<int> values = data.GetColumn<int>(labelColumnName).Values;
        var result = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] switch
            {
                0 => false,
                1 => true,
                _ => throw new ArgumentOutOfRangeException(nameof(labelColumnName),
                    $"Label column '{labelColumnName}' has the value {values[i]} at row {i}; a binary label must be boolean or 0/1."),
            };
        }

        return result;
    }

    /// <summary>A column of the same name and type as <paramref name="template"/> holding <paramref name="classes"/>.</summary>
    public static DataColumn FromClasses(DataColumn template, int[] classes) => template switch
    {
        ScalarColumn<bool> => new ScalarColumn<bool>(template.Name, classes.Select(c => c != 0).ToArray(), copy: false),
        ScalarColumn<int> => new ScalarColumn<int>(template.Name, classes, copy: false),
        _ => throw new ArgumentException($"Label column '{template.Name}' is {template.Type}; expected Boolean or Int32."),
    };
}
