using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A fitted AutoSMOTE classifier: scoring is the trained deep MLP's alone (<see cref="Classifier"/>: ML.NET's ONNX
/// transformer, columns <c>Score</c>, <c>Probability</c> for binary, <c>PredictedLabel</c>), and saving writes that
/// ML.NET chain, so the zip loads with plain ML.NET packages and predicts identically. The criteria are in
/// <see cref="Model"/> (they are not needed to predict and are not saved in the zip).
/// </summary>
public sealed class AutoSmoteTransformer : IPredictionTransformer<AutoSmoteModel>, IDisposable
{
    internal AutoSmoteTransformer(DeepMlpTransformer classifier, AutoSmoteModel model)
    {
        Classifier = classifier;
        Model = model;
    }

    /// <summary>The classifier and the trained criteria.</summary>
    public AutoSmoteModel Model { get; }

    /// <summary>The scoring transformer of the trained classifier.</summary>
    public DeepMlpTransformer Classifier { get; }

    /// <summary>The feature column it reads.</summary>
    public string FeatureColumnName => Classifier.FeatureColumnName;

    /// <inheritdoc />
    public bool IsRowToRowMapper => Classifier.IsRowToRowMapper;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Classifier.GetOutputSchema(inputSchema);

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Classifier.GetRowToRowMapper(inputSchema);

    /// <summary>Scores <paramref name="input"/> with the classifier (lazily).</summary>
    public IDataView Transform(IDataView input) => Classifier.Transform(input);

    /// <summary>Disposes the classifier's scoring chain (see <see cref="DeepMlpTransformer.Dispose"/>).</summary>
    public void Dispose() => Classifier.Dispose();

    /// <summary>Saves the classifier's ONNX scoring chain (ML.NET's own transformers).</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)Classifier).Save(ctx);
}
