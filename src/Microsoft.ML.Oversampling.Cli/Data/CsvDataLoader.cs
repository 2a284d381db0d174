using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// Reads a checked <see cref="CsvTable"/> with ML.NET's <c>TextLoader</c>: each numeric feature a Single column and
/// each categorical feature a text column under its own name, the label as text mapped to a Boolean label (binary)
/// or a key label (multiclass) called <c>Label</c>.
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
        var columns = FeatureColumns(table).Append(new TextLoader.Column(LabelTextColumn, DataKind.String, table.LabelIndex)).ToArray();
        IDataView raw = CreateLoader(ml, columns).Load(table.LoaderPath);
        IEstimator<ITransformer> label = classes.IsBinary
            ? ml.Transforms.Conversion.MapValue(TrainingData.LabelColumn,
                [new KeyValuePair<string, bool>(classes.Values[0], false), new KeyValuePair<string, bool>(classes.Values[1], true)], LabelTextColumn)
            : ml.Transforms.Conversion.MapValueToKey(TrainingData.LabelColumn, LabelTextColumn, keyData: ValuesView(ml, classes.Values));
        IDataView data = ml.Data.Cache(label.Fit(raw).Transform(raw));
        IDataView modelInput = CreateLoader(ml, FeatureColumns(table).ToArray()).Load(table.LoaderPath);
        return new TrainingData(System.IO.Path.GetFileNameWithoutExtension(table.Path), data, Featurize(ml, table, missing), classes,
            [.. table.FeatureNames], modelInput.Schema);
    }

    /// <summary>Loads only the named feature columns (for scoring) and, when present, the label column as text.</summary>
    /// <returns>The data and the name of its label text column (or <c>null</c>).</returns>
    public static (IDataView Data, string? LabelText) LoadForScoring(MLContext ml, CsvTable table, DataViewSchema modelInput)
    {
        var columns = table.FeatureIndices.Select(i => new TextLoader.Column(table.Header[i],
            modelInput[table.Header[i]].Type is TextDataViewType ? DataKind.String : DataKind.Single, i)).ToList();
        if (table.LabelIndex >= 0)
        {
            columns.Add(new TextLoader.Column(LabelTextColumn, DataKind.String, table.LabelIndex));
        }

        return (CreateLoader(ml, [.. columns]).Load(table.LoaderPath), table.LabelIndex >= 0 ? LabelTextColumn : null);
    }

    /// <summary>A one-column data view of text values, as key data for <c>MapValueToKey</c> (keys in this order).</summary>
    public static IDataView ValuesView(MLContext ml, IEnumerable<string> values) =>
        ml.Data.LoadFromEnumerable(values.Select(v => new KeyValue { Value = v }));

    private static IEnumerable<TextLoader.Column> FeatureColumns(CsvTable table) =>
        table.FeatureIndices.Select(i => new TextLoader.Column(table.Header[i], table.Categories.ContainsKey(i) ? DataKind.String : DataKind.Single, i));

    private static TextLoader CreateLoader(MLContext ml, TextLoader.Column[] columns) =>
        ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = columns,
            Separators = [','],
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        });

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
