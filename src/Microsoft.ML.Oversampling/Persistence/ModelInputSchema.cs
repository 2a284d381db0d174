using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// The table a saved model expects (the role of the input schema ML.NET saves with a model): the feature vector
/// column and its size, the names of its slots when known (for example the CSV columns the features came from),
/// and the training data's label column.
/// </summary>
/// <param name="FeatureColumnName">The float-vector column the model reads, e.g. <c>Features</c>.</param>
/// <param name="FeatureCount">The vector's size.</param>
/// <param name="FeatureNames">The slot names, in order, or null when unknown.</param>
/// <param name="LabelColumnName">The training data's label column (informational: scoring does not read it), or null.</param>
public sealed record ModelInputSchema(string FeatureColumnName, int FeatureCount, IReadOnlyList<string>? FeatureNames = null, string? LabelColumnName = null)
{
    /// <summary>Describes the training data of a model: its feature column (size and slot names) and label column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The feature column is missing or not a vector.</exception>
    public static ModelInputSchema FromData(DataView data, string featureColumnName = "Features", string? labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Schema.Require("feature", featureColumnName, t => t.Kind == ColumnKind.Vector, "a vector of Single");
        VectorColumn features = data.GetVectorColumn(featureColumnName);
        string? label = labelColumnName is not null && data.Schema.TryGetColumn(labelColumnName, out _) ? labelColumnName : null;
        return new ModelInputSchema(featureColumnName, features.Size, features.SlotNames?.ToArray(), label);
    }

    /// <summary>The input of a model that was saved without an explicit schema, when its first step tells it.</summary>
    internal static ModelInputSchema? Infer(ITransformer model) => (model as IInputSchemaProvider)?.DescribeInput();

    /// <summary>Checks the schema read from a manifest.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(FeatureColumnName) || FeatureCount < 0 || (FeatureNames is not null && FeatureNames.Count != FeatureCount))
        {
            throw new InvalidDataException(
                $"The manifest's input schema is inconsistent: feature column '{FeatureColumnName}', {FeatureCount} features, {FeatureNames?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} feature names.");
        }
    }
}
