using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>
/// A dense feature matrix with one integer class label per row: the form the algorithms work on, below the ML.NET
/// adapters. For a binary dataset label 1 is the minority (positive) class.
/// </summary>
/// <param name="Features">Rows × features.</param>
/// <param name="Labels">The class of each row.</param>
/// <param name="FeatureNames">The name of each feature column.</param>
public sealed record LabeledMatrix(DenseMatrix Features, int[] Labels, IReadOnlyList<string> FeatureNames)
{
    /// <summary>Number of rows.</summary>
    public int Rows => Features.Rows;
}
