namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>A curve as parallel x and y coordinates, with the area under it.</summary>
/// <param name="X">The x coordinates, in drawing order.</param>
/// <param name="Y">The y coordinates, one per x.</param>
/// <param name="Area">The area under the curve (trapezoidal for ROC, step-wise average precision for PR).</param>
public sealed record CurvePoints(double[] X, double[] Y, double Area);
