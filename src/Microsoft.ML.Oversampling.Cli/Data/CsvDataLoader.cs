using Microsoft.ML.Transforms;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// Turns a checked <see cref="CsvTable"/> into ML.NET data without reading the file again: each numeric feature a
/// Single column and each categorical feature a text column under its own name, and the label a Boolean label
/// (binary) or a key label (multiclass) called <c>Label</c>.
/// </summary>
internal static class CsvDataLoader
{
    /// <summary>Column names the tool creates, which a feature column may not have.</summary>
    public static readonly IReadOnlyList<string> ReservedNames =
        [TrainingData.LabelColumn, TrainingData.FeaturesColumn, LabelTextColumn, "Score", "Probability", "PredictedLabel", Training.ModelOutput.PredictedClassColumn];

    private const string LabelTextColumn = "LabelText";

    /// <summary>Whether <paramref name="name"/> is one of <see cref="ReservedNames"/>.</summary>
    public static bool IsReservedName(string name) => ReservedNames.Contains(name);

    /// <summary>Loads labelled training data.</summary>
    public static TrainingData LoadLabelled(MLContext ml, CsvTable table, string? positive, MissingValuePolicy missing)
    {
        LabelClasses classes = LabelClasses.From(table.Labels, table.LabelName!, positive);
        Func<InMemoryColumns.Builder, InMemoryColumns.Builder> withLabel = LabelAdder(table, classes);
        IDataView data = withLabel(FeatureColumns(table)).Build();
        DataViewSchema modelInput = FeatureColumns(table).Build().Schema;
        // Numeric features only, nothing to replace: the Features vector is a plain concatenation, so it can be built
        // here, once asked for (resample and generate ask; the pipelines of train and evaluate concatenate themselves).
        Lazy<IDataView>? labelAndFeatures = table.Categories.Count == 0 && missing != MissingValuePolicy.Mean
            ? new(() => withLabel(new InMemoryColumns.Builder(table.RowCount))
                .Add(TrainingData.FeaturesColumn, RowMajor(table), table.FeatureIndices.Count, [.. table.FeatureNames]).Build())
            : null;
        return new TrainingData(System.IO.Path.GetFileNameWithoutExtension(table.Path), data, Featurize(ml, table, missing), classes,
            [.. table.FeatureNames], modelInput, labelAndFeatures);
    }

    /// <summary>
    /// Adds the <c>Label</c> column, computed once for every view that needs it: Boolean (true = the positive class)
    /// for two classes, else a key.
    /// </summary>
    private static Func<InMemoryColumns.Builder, InMemoryColumns.Builder> LabelAdder(CsvTable table, LabelClasses classes)
    {
        if (classes.IsBinary)
        {
            bool[] positive = [.. table.Labels.Select(l => l == classes.Positive)];
            return columns => columns.Add(TrainingData.LabelColumn, positive);
        }

        var keys = classes.Values.Select((v, k) => (v, k)).ToDictionary(p => p.v, p => (uint)(p.k + 1), StringComparer.Ordinal);
        uint[] labels = [.. table.Labels.Select(l => keys[l])];
        return columns => columns.Add(TrainingData.LabelColumn, labels, classes.Values);
    }

    /// <summary>The numeric feature columns as one row-major matrix, in file order.</summary>
    private static float[] RowMajor(CsvTable table)
    {
        int d = table.FeatureIndices.Count;
        var values = GC.AllocateUninitializedArray<float>(table.RowCount * d);
        for (int slot = 0; slot < d; slot++)
        {
            float[] column = table.Numeric(table.FeatureIndices[slot]);
            for (int row = 0; row < column.Length; row++)
            {
                values[(row * d) + slot] = column[row];
            }
        }

        return values;
    }

    /// <summary>The feature columns (typed as the model's input has them) and, when present, the label column as text.</summary>
    /// <returns>The data and the name of its label text column (or <c>null</c>).</returns>
    public static (IDataView Data, string? LabelText) LoadForScoring(CsvTable table)
    {
        InMemoryColumns.Builder columns = FeatureColumns(table);
        if (table.LabelIndex >= 0)
        {
            columns.Add(LabelTextColumn, [.. table.Labels]);
        }

        return (columns.Build(), table.LabelIndex >= 0 ? LabelTextColumn : null);
    }

    /// <summary>A one-column data view of text values, as key data for <c>MapValueToKey</c> (keys in this order).</summary>
    public static IDataView ValuesView(MLContext ml, IEnumerable<string> values) =>
        ml.Data.LoadFromEnumerable(values.Select(v => new KeyValue { Value = v }));

    /// <summary>The table's feature columns, in file order: Single for numeric ones, text for categorical ones.</summary>
    private static InMemoryColumns.Builder FeatureColumns(CsvTable table)
    {
        var columns = new InMemoryColumns.Builder(table.RowCount);
        foreach (int i in table.FeatureIndices)
        {
            if (table.Categories.ContainsKey(i))
            {
                columns.Add(table.Header[i], table.Text(i));
            }
            else
            {
                columns.Add(table.Header[i], table.Numeric(i));
            }
        }

        return columns;
    }

    /// <summary>Feature columns → the <c>Features</c> vector, in file order, each slot named after its column; categorical
    /// columns become their value's code (1 = first value).</summary>
    private static List<IEstimator<ITransformer>> Featurize(MLContext ml, CsvTable table, MissingValuePolicy missing)
    {
        var steps = new List<IEstimator<ITransformer>>();
        var sources = new List<string>();
        foreach (int i in table.FeatureIndices)
        {
            string name = table.Header[i];
            if (table.Categories.TryGetValue(i, out string[]? values))
            {
                // In place: the code column hides the text one, so the Features slot keeps the column's name.
                steps.Add(ml.Transforms.Conversion.MapValue(name, values.Select((v, k) => new KeyValuePair<string, float>(v, k + 1)), name));
            }

            sources.Add(name);
        }

        steps.Add(ml.Transforms.Concatenate(TrainingData.FeaturesColumn, [.. sources]));
        if (missing == MissingValuePolicy.Mean)
        {
            steps.Add(ml.Transforms.ReplaceMissingValues(TrainingData.FeaturesColumn, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        return steps;
    }

    private sealed class KeyValue
    {
        public string Value { get; set; } = string.Empty;
    }
}
