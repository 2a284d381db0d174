using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// The columns a sampler reads, checked with ML.NET's conventions and wording: a Boolean or key-typed scalar label
/// and a known-size vector of <see cref="float"/> features.
/// </summary>
internal sealed class TrainingColumns
{
    private TrainingColumns(DataViewSchema.Column label, LabelCodec codec, DataViewSchema.Column features, int featureCount, IReadOnlyList<string> slotNames, bool annotated)
    {
        Label = label;
        Codec = codec;
        Features = features;
        FeatureCount = featureCount;
        SlotNames = slotNames;
        AnnotatedSlotNames = annotated ? slotNames : null;
    }

    /// <summary>The label column.</summary>
    public DataViewSchema.Column Label { get; }

    /// <summary>How labels map to classes.</summary>
    public LabelCodec Codec { get; }

    /// <summary>The feature vector column.</summary>
    public DataViewSchema.Column Features { get; }

    /// <summary>Length of the feature vector.</summary>
    public int FeatureCount { get; }

    /// <summary>The features' slot names (from the column's annotations), or <c>Slot i</c> where there are none.</summary>
    public IReadOnlyList<string> SlotNames { get; }

    /// <summary>The slot names from the column's annotations, or <c>null</c> when it has none.</summary>
    public IReadOnlyList<string>? AnnotatedSlotNames { get; }

    /// <summary>Checks an estimator's input shape, as ML.NET's <c>GetOutputSchema</c> does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type; the message is ML.NET's.</exception>
    public static void Check(SchemaShape inputSchema, string labelColumnName, string featureColumnName)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaShape.Column label = Find(inputSchema, labelColumnName) ?? throw Missing("label", labelColumnName);
        if (label.Kind != SchemaShape.Column.VectorKind.Scalar || !(label.ItemType is BooleanDataViewType || label.IsKey))
        {
            throw Mismatch("label", labelColumnName, ExpectedLabel, TypeString(label));
        }

        SchemaShape.Column features = Find(inputSchema, featureColumnName) ?? throw Missing("feature", featureColumnName);
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.ItemType != NumberDataViewType.Single)
        {
            throw Mismatch("feature", featureColumnName, ExpectedFeatures, TypeString(features));
        }
    }

    /// <summary>Finds and checks the columns of <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type; the message is ML.NET's.</exception>
    public static TrainingColumns Resolve(DataViewSchema schema, string labelColumnName, string featureColumnName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        DataViewSchema.Column label = schema.GetColumnOrNull(labelColumnName) ?? throw Missing("label", labelColumnName);
        LabelCodec codec = LabelCodec.For(label.Type) ?? throw Mismatch("label", labelColumnName, ExpectedLabel, TypeString(label.Type));
        DataViewSchema.Column features = schema.GetColumnOrNull(featureColumnName) ?? throw Missing("feature", featureColumnName);
        if (features.Type is not VectorDataViewType { ItemType: NumberDataViewType item, Size: > 0 } vector || item != NumberDataViewType.Single)
        {
            throw Mismatch("feature", featureColumnName, ExpectedFeatures, TypeString(features.Type));
        }

        var (slotNames, annotated) = ReadSlotNames(features, vector.Size);
        return new TrainingColumns(label, codec, features, vector.Size, slotNames, annotated);
    }

    private const string ExpectedLabel = "Boolean (two classes) or a key type (several classes)";

    private const string ExpectedFeatures = "known-size vector of Single";

    private static SchemaShape.Column? Find(SchemaShape shape, string name)
    {
        foreach (SchemaShape.Column column in shape)
        {
            if (column.Name == name)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>A column shape as ML.NET prints it: <c>Single</c>, <c>Key&lt;UInt32&gt;</c>, <c>Vector&lt;Single&gt;</c>, <c>VarVector&lt;Single&gt;</c>.</summary>
    private static string TypeString(SchemaShape.Column column) => TypeString(column.ItemType, column.IsKey, column.Kind);

    private static string TypeString(DataViewType type) => type switch
    {
        VectorDataViewType vector => TypeString(vector.ItemType, vector.ItemType is KeyDataViewType,
            vector.Size > 0 ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.VariableVector),
        _ => TypeString(type, type is KeyDataViewType, SchemaShape.Column.VectorKind.Scalar),
    };

    private static string TypeString(DataViewType itemType, bool isKey, SchemaShape.Column.VectorKind kind)
    {
        string item = isKey ? $"Key<{itemType.RawType.Name}>" : itemType.RawType.Name;
        return kind switch
        {
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}>",
            SchemaShape.Column.VectorKind.VariableVector => $"VarVector<{item}>",
            _ => item,
        };
    }

    private static (string[] Names, bool Annotated) ReadSlotNames(DataViewSchema.Column features, int size)
    {
        var names = Enumerable.Range(0, size).Select(i => $"Slot {i}").ToArray();
        bool annotated = features.Annotations.Schema.GetColumnOrNull("SlotNames") is { Type: VectorDataViewType { Size: var count } } && count == size;
        if (annotated)
        {
            VBuffer<ReadOnlyMemory<char>> slotNames = default;
            features.GetSlotNames(ref slotNames);
            int i = 0;
            foreach (ReadOnlyMemory<char> name in slotNames.DenseValues())
            {
                if (!name.IsEmpty)
                {
                    names[i] = name.ToString();
                }

                i++;
            }
        }

        return (names, annotated);
    }

    private static ArgumentOutOfRangeException Missing(string role, string name) =>
        new("inputSchema", $"Could not find {role} column '{name}'");

    private static ArgumentOutOfRangeException Mismatch(string role, string name, string expected, string actual) =>
        new("inputSchema", $"Schema mismatch for {role} column '{name}': expected {expected}, got {actual}");
}
