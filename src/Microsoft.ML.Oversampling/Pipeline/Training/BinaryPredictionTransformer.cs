using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Pipeline.Training;

/// <summary>
/// A trained binary classifier as a transformer: adds ML.NET's <c>Score</c> (raw logit), <c>Probability</c>
/// (<c>sigmoid(Score)</c>) and <c>PredictedLabel</c> (<c>Score &gt; Threshold</c>) columns.
/// </summary>
/// <typeparam name="TModel">The model type, e.g. <see cref="LinearBinaryModel"/>.</typeparam>
public sealed class BinaryPredictionTransformer<TModel> : ITransformer, IPersistableComponent, IInputSchemaProvider
    where TModel : class, IBinaryModel
{
    /// <summary>Column names written by the transformer.</summary>
    public const string ScoreColumnName = "Score", ProbabilityColumnName = "Probability", PredictedLabelColumnName = "PredictedLabel";

    /// <summary>Wraps a trained model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="featureColumnName">The feature column the model reads.</param>
    /// <param name="threshold">Decision threshold on the raw score. Default 0 (probability 0.5).</param>
    public BinaryPredictionTransformer(TModel model, string featureColumnName = "Features", float threshold = 0f)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureColumnName);
        Model = model;
        FeatureColumnName = featureColumnName;
        Threshold = threshold;
    }

    /// <summary>The trained model.</summary>
    public TModel Model { get; }

    /// <summary>The feature column the model reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The decision threshold on the raw score.</summary>
    public float Threshold { get; }

    /// <summary>Returns a copy with another decision threshold (ML.NET's <c>ChangeModelThreshold</c>).</summary>
    public BinaryPredictionTransformer<TModel> WithThreshold(float threshold) => new(Model, FeatureColumnName, threshold);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The feature column is missing or has another size than in training.</exception>
    public DataView Transform(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ColumnType expected = ColumnType.Vector(Model.FeatureCount);
        input.Schema.Require("feature", FeatureColumnName, t => t == expected, expected.ToString());
        DenseMatrix features = input.GetFeatureMatrix(FeatureColumnName);
        var scores = new float[input.RowCount];
        Model.Score(features, scores);
        var probabilities = new float[scores.Length];
        var predicted = new bool[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            probabilities[i] = (float)(1.0 / (1.0 + Math.Exp(-scores[i])));
            predicted[i] = scores[i] > Threshold;
        }

        return input
            .WithColumn(new ScalarColumn<float>(ScoreColumnName, scores, copy: false))
            .WithColumn(new ScalarColumn<float>(ProbabilityColumnName, probabilities, copy: false))
            .WithColumn(new ScalarColumn<bool>(PredictedLabelColumnName, predicted, copy: false));
    }

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => ModelComponentCatalog.BinaryPredictionType;

    /// <inheritdoc />
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        writer.WriteString("featureColumnName", FeatureColumnName);
        writer.WriteSingle("threshold", Threshold);
        writer.WriteComponent(Model);
    }

    /// <inheritdoc />
    ModelInputSchema? IInputSchemaProvider.DescribeInput() => new(FeatureColumnName, Model.FeatureCount);

    /// <summary>Rebuilds a saved prediction transformer, typed by its saved model's class (the type argument of this
    /// class is irrelevant here).</summary>
    internal static ITransformer Load(ModelReader reader)
    {
        IBinaryModel model = reader.ReadComponent<IBinaryModel>(0);
        return (ITransformer)GenericComponentFactory.Create(typeof(BinaryPredictionTransformer<>), model.GetType(),
            model, reader.ReadString("featureColumnName"), reader.ReadSingle("threshold"));
    }
}
