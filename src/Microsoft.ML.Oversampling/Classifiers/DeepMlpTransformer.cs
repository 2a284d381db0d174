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
/// (with ONNX Runtime), not this library.
/// <para>ML.NET's ONNX transformer reads the model from a file, kept in the temporary folder while the transformer
/// lives: <see cref="Dispose"/> deletes it (about 3 KB). A chain loaded from a zip makes its own temporary copy, which
/// ML.NET 5.0.1 does not delete.</para></remarks>
public sealed class DeepMlpTransformer : IPredictionTransformer<DeepMlpModel>, IDisposable
{
    private readonly ITransformer _scorer;
    private readonly string _modelPath;

    internal DeepMlpTransformer(DeepMlpModel model, string featureColumnName, ITransformer scorer, string modelPath)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        _scorer = scorer;
        _modelPath = modelPath;
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

    /// <summary>Disposes the scoring chain (ONNX Runtime's session) and deletes the ONNX file it reads; the transformer is unusable afterwards.</summary>
    public void Dispose()
    {
        (_scorer as IDisposable)?.Dispose();
        File.Delete(_modelPath);
    }

    /// <summary>A new path for a fitted transformer's ONNX file, in a folder of this library under the temporary folder.</summary>
    internal static string NewModelPath()
    {
        string directory = Path.Combine(Path.GetTempPath(), "Microsoft.ML.Oversampling");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"deep-mlp-{Guid.NewGuid():N}.onnx");
    }

    /// <summary>Saves the ONNX scoring chain (ML.NET's own transformers).</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_scorer).Save(ctx);
}
