namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>The counts of a binary confusion matrix (positive = minority class = true).</summary>
/// <param name="TruePositives">Positives predicted positive.</param>
/// <param name="FalseNegatives">Positives predicted negative.</param>
/// <param name="FalsePositives">Negatives predicted positive.</param>
/// <param name="TrueNegatives">Negatives predicted negative.</param>
public sealed record ConfusionMatrix(long TruePositives, long FalseNegatives, long FalsePositives, long TrueNegatives)
{
    /// <summary>Rows counted.</summary>
    public long Total => TruePositives + FalseNegatives + FalsePositives + TrueNegatives;

    /// <summary>A two-line table in ML.NET's layout (rows = truth, columns = prediction).</summary>
    public string GetFormattedConfusionTable() =>
        $"          PREDICTED +   PREDICTED -\n TRUTH +  {TruePositives,11}   {FalseNegatives,11}\n TRUTH -  {FalsePositives,11}   {TrueNegatives,11}";
}
