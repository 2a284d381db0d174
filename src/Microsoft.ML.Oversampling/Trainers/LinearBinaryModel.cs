using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Trainers;

/// <summary>A linear model: <c>score = Weights · x + Bias</c> (a logit for logistic regression).</summary>
public sealed class LinearBinaryModel : IBinaryModel, IPersistableComponent
{
    private readonly float[] _weights;

    /// <summary>Creates the model (the weights are copied).</summary>
    public LinearBinaryModel(IReadOnlyList<float> weights, float bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = [.. weights];
        Bias = bias;
    }

    /// <summary>The weight of each feature.</summary>
    public IReadOnlyList<float> Weights => _weights;

    /// <summary>The intercept.</summary>
    public float Bias { get; }

    /// <inheritdoc />
    public int FeatureCount => _weights.Length;

    /// <inheritdoc />
    public void Score(DenseMatrix features, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(features);
        for (int i = 0; i < features.Rows; i++)
        {
            scores[i] = System.Numerics.Tensors.TensorPrimitives.Dot(features.Row(i), _weights) + Bias;
        }
    }

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => ModelComponentCatalog.LinearBinaryModelType;

    /// <inheritdoc />
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        writer.WriteArray("weights", _weights);
        writer.WriteArray("bias", [Bias]);
    }

    /// <summary>Rebuilds a saved model.</summary>
    internal static LinearBinaryModel Load(ModelReader reader)
    {
        float[] bias = reader.ReadSingleArray("bias");
        return bias.Length == 1 ? new LinearBinaryModel(reader.ReadSingleArray("weights"), bias[0]) : throw reader.Invalid($"bias has {bias.Length} values, not 1");
    }
}
