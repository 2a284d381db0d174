namespace Microsoft.ML.Oversampling.Data;

/// <summary>The kinds of value a column can hold.</summary>
public enum ColumnKind
{
    /// <summary>A 32-bit float scalar (ML.NET's <c>Single</c>).</summary>
    Single,

    /// <summary>A fixed-size vector of 32-bit floats, such as the <c>Features</c> column.</summary>
    Vector,

    /// <summary>A boolean scalar; binary labels use this kind.</summary>
    Boolean,

    /// <summary>A 32-bit integer scalar, used for class indices and multi-class labels.</summary>
    Int32,

    /// <summary>A string.</summary>
    Text,
}

/// <summary>The type of a column: its kind and, for vectors, its fixed size.</summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="VectorSize">The number of slots of a <see cref="ColumnKind.Vector"/> column; 0 for scalars.</param>
public readonly record struct ColumnType(ColumnKind Kind, int VectorSize = 0)
{
    /// <summary>The float scalar type.</summary>
    public static ColumnType Single => new(ColumnKind.Single);

    /// <summary>The boolean type.</summary>
    public static ColumnType Boolean => new(ColumnKind.Boolean);

    /// <summary>The integer type.</summary>
    public static ColumnType Int32 => new(ColumnKind.Int32);

    /// <summary>The text type.</summary>
    public static ColumnType Text => new(ColumnKind.Text);

    /// <summary>A float vector of the given size.</summary>
    public static ColumnType Vector(int size) => new(ColumnKind.Vector, size);

    /// <summary>ML.NET-like spelling, e.g. <c>Vector&lt;Single, 30&gt;</c>.</summary>
    public override string ToString() => Kind == ColumnKind.Vector ? $"Vector<Single, {VectorSize}>" : Kind.ToString();
}
