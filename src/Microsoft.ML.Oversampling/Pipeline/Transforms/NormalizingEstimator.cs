using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Pipeline.Transforms;

/// <summary>
/// Mean-variance normalization of a vector column: learns each slot's mean and standard deviation on the
/// training data and maps <c>x → (x − mean) / std</c> (ML.NET's <c>NormalizeMeanVariance</c>; unlike ML.NET's default
/// <c>fixZero: true</c>, the mean is subtracted, which suits distance-based samplers). Constant slots map to 0.
/// </summary>
public sealed class NormalizingEstimator : IEstimator<NormalizingTransformer>
{
    private readonly string _columnName;

    internal NormalizingEstimator(string columnName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        _columnName = columnName;
    }

    /// <inheritdoc />
    public NormalizingTransformer Fit(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Schema.Require("input", _columnName, t => t.Kind == ColumnKind.Vector, "a vector of Single");
        DenseMatrix matrix = input.GetFeatureMatrix(_columnName);
        if (matrix.Rows == 0)
        {
            throw new ArgumentException($"Cannot fit a normalizer on column '{_columnName}' of an empty table.", nameof(input));
        }

        if (matrix.TryFindNonFinite(out int row, out int slot))
        {
            throw new ArgumentException($"Column '{_columnName}' has the non-finite value {matrix[row, slot]} at row {row}, slot {slot}.", nameof(input));
        }

        ColumnStatistics stats = ColumnStatistics.Compute(matrix);
        var offset = stats.Mean.Select(m => (float)m).ToArray();
        var scale = stats.StandardDeviation.Select(s => s > 0 ? (float)(1.0 / s) : 0f).ToArray();
        return new NormalizingTransformer(_columnName, offset, scale);
    }
}
