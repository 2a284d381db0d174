using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Trainers;

/// <summary>
/// A trained binary classifier at the algorithm level: maps a feature vector to a raw score (a logit: the
/// probability of the positive class is <c>sigmoid(score)</c>, and the predicted label is <c>score &gt; 0</c>).
/// </summary>
public interface IBinaryModel
{
    /// <summary>The number of features the model expects.</summary>
    int FeatureCount { get; }

    /// <summary>Scores every row of <paramref name="features"/> into <paramref name="scores"/>.</summary>
    void Score(DenseMatrix features, Span<float> scores);
}
