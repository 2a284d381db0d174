using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// Reads a classification label column (the one stratified cross-validation splits on, or threshold moving scores
/// against) into one class index per row, with ML.NET's wording for a missing column or a wrong type.
/// </summary>
internal sealed class StratificationLabels
{
    private StratificationLabels(int[] classOfRow, int classCount, Func<int, string> className)
    {
        ClassOfRow = classOfRow;
        ClassCount = classCount;
        ClassName = className;
    }

    /// <summary>The class index of each row, in the data's order.</summary>
    public int[] ClassOfRow { get; }

    /// <summary>The number of class indices (binary: 2, index 1 is <c>true</c>; multiclass: the key count).</summary>
    public int ClassCount { get; }

    /// <summary>How error messages name a class index.</summary>
    public Func<int, string> ClassName { get; }

    /// <summary>A Boolean label: false is class 0, true class 1.</summary>
    public static StratificationLabels ReadBoolean(IDataView data, string labelColumnName)
    {
        DataViewSchema.Column column = Find(data, labelColumnName);
        if (column.Type is not BooleanDataViewType)
        {
            throw Mismatch(labelColumnName, "Boolean", column.Type);
        }

        int[] classes = Read<bool>(data, column, (value, _) => value ? 1 : 0);
        return new StratificationLabels(classes, 2, c => c == 1 ? "true" : "false");
    }

    /// <summary>A key-typed label: key value v (1-based) is class v − 1; a missing key (0) is an error.</summary>
    public static StratificationLabels ReadKey(IDataView data, string labelColumnName)
    {
        DataViewSchema.Column column = Find(data, labelColumnName);
        if (column.Type is not KeyDataViewType key || key.Count == 0 || key.Count > int.MaxValue)
        {
            throw Mismatch(labelColumnName, "known-cardinality key type", column.Type);
        }

        int count = (int)key.Count;
        Type raw = key.RawType;
        int[] classes =
            raw == typeof(uint) ? Read<uint>(data, column, (v, row) => KeyClass(v, row, labelColumnName)) :
            raw == typeof(ushort) ? Read<ushort>(data, column, (v, row) => KeyClass(v, row, labelColumnName)) :
            raw == typeof(byte) ? Read<byte>(data, column, (v, row) => KeyClass(v, row, labelColumnName)) :
            Read<ulong>(data, column, (v, row) => KeyClass(v, row, labelColumnName));
        return new StratificationLabels(classes, count, c => $"{c + 1} (key value)");
    }

    private static DataViewSchema.Column Find(IDataView data, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labelColumnName);
        return data.Schema.GetColumnOrNull(labelColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(data), $"Could not find label column '{labelColumnName}'");
    }

    private static ArgumentOutOfRangeException Mismatch(string labelColumnName, string expected, DataViewType actual) =>
        new("data", $"Schema mismatch for label column '{labelColumnName}': expected {expected}, got {actual}");

    private static int KeyClass(ulong value, long row, string labelColumnName) =>
        value == 0 ? throw new ArgumentException($"Row {row} has a missing value in label column '{labelColumnName}'; stratification needs every row's class.", "data") : (int)(value - 1);

    private static int[] Read<T>(IDataView data, DataViewSchema.Column column, Func<T, long, int> classOf)
    {
        var classes = new List<int>();
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        ValueGetter<T> getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            classes.Add(classOf(value, cursor.Position));
        }

        return classes.ToArray();
    }
}
