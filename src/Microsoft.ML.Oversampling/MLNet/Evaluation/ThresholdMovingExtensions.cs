using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML;

/// <summary>
/// Threshold moving for binary models: choose the score threshold that maximises an imbalance metric on scored data,
/// then apply it with ML.NET's <c>BinaryClassification.ChangeModelThreshold</c>. Choose it on training or validation
/// data, never on the data the result is reported on. ML.NET's <c>Evaluate</c> ignores a model's threshold (it tests
/// <c>Score</c> &gt; 0), so metrics at the moved threshold come from the moved model's <c>PredictedLabel</c>.
/// </summary>
public static class ThresholdMovingExtensions
{
    /// <summary>The threshold on <paramref name="scoreColumnName"/> that maximises <paramref name="objective"/>.</summary>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="scoredData">Data scored by a binary model (for example <c>model.Transform(trainingData)</c>).</param>
    /// <param name="objective">The metric to maximise; among equal values the highest threshold wins.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <param name="scoreColumnName">The Single score column the model's threshold applies to (ML.NET's is <c>Score</c>).</param>
    /// <returns>The threshold (rows scoring above it are positive) and the objective's value there.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    public static BinaryThreshold FindThreshold(
        this BinaryClassificationCatalog catalog,
        IDataView scoredData,
        ThresholdObjective objective = ThresholdObjective.GeometricMean,
        string labelColumnName = "Label",
        string scoreColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scoredData);
        ArgumentNullException.ThrowIfNull(scoreColumnName);
        bool[] labels = StratificationLabels.ReadBoolean(scoredData, labelColumnName).ClassOfRow.Select(c => c == 1).ToArray();
        DataViewSchema.Column score = scoredData.Schema.GetColumnOrNull(scoreColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(scoredData), $"Could not find score column '{scoreColumnName}'");
        if (score.Type != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(scoredData), $"Schema mismatch for score column '{scoreColumnName}': expected Single, got {score.Type}");
        }

        float[] scores = scoredData.GetColumn<float>(score).ToArray();
        return ThresholdSearch.Find(labels, scores, objective);
    }
}
