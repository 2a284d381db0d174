namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>A decision threshold on a binary model's <c>Score</c> column and the objective value it reaches.</summary>
/// <param name="Threshold">Rows with a score above it are predicted positive, as ML.NET's binary scorer does; pass it
/// to <c>BinaryClassification.ChangeModelThreshold</c>.</param>
/// <param name="Objective">The metric that was maximised.</param>
/// <param name="Value">The metric's value at <paramref name="Threshold"/> on the data it was chosen on.</param>
public sealed record BinaryThreshold(float Threshold, ThresholdObjective Objective, double Value);
