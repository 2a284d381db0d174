using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A fitted deep MLP classifier. It scores with ML.NET's own ONNX transformer on the exported network, followed for
/// multiclass by a value-to-key mapping, and adds ML.NET's columns: binary <c>Score</c> (the logit),
/// <c>Probability</c> (its sigmoid) and <c>PredictedLabel</c> (<c>Score &gt; 0</c>); multiclass <c>Score</c> (the
/// softmax vector) and <c>PredictedLabel</c> (a key of the label's count).
/// </summary>
/// <remarks>Saving writes that ML.NET chain, with the ONNX bytes inside the zip, so <c>mlContext.Model.Load</c> gives
/// back a <c>TransformerChain</c> that predicts identically and needs only Microsoft.ML and Microsoft.ML.OnnxTransformer
/// (with ONNX Runtime), not this library.</remarks>
public sealed class DeepMlpTransformer : IPredictionTransformer<DeepMlpModel>
{
    private readonly ITransformer _scorer;

    internal DeepMlpTransformer(DeepMlpModel model, string featureColumnName, ITransformer scorer)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        _scorer = scorer;
    }

    /// <summary>The trained network.</summary>
    public DeepMlpModel Model { get; }

    /// <summary>The feature column it reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Always <c>true</c>.</summary>
    public bool IsRowToRowMapper => _scorer.IsRowToRowMapper;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _scorer.GetOutputSchema(inputSchema);

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _scorer.GetRowToRowMapper(inputSchema);

    /// <summary>Scores <paramref name="input"/> (lazily, as ML.NET transformers do).</summary>
    public IDataView Transform(IDataView input) => _scorer.Transform(input);

    /// <summary>Saves the ONNX scoring chain (ML.NET's own transformers).</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_scorer).Save(ctx);
}
