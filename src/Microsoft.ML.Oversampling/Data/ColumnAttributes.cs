namespace Microsoft.ML.Oversampling.Data;

/// <summary>Names the column a property or field maps to (ML.NET's <c>[ColumnName]</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ColumnNameAttribute(string name) : Attribute
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;
}

/// <summary>Declares the fixed size of a <c>float[]</c> member's vector column (ML.NET's <c>[VectorType]</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class VectorTypeAttribute(int size) : Attribute
{
    /// <summary>The vector size.</summary>
    public int Size { get; } = size;
}

/// <summary>Excludes a property or field from the table (ML.NET's <c>[NoColumn]</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NoColumnAttribute : Attribute
{
}
