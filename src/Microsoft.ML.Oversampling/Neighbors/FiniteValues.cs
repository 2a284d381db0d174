using System.Numerics.Tensors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>A fast check that a matrix has only finite values.</summary>
internal static class FiniteValues
{
    /// <summary>
    /// Finds the first NaN or infinite value, like <see cref="DenseMatrix.TryFindNonFinite"/>, but first sums the
    /// values with SIMD: the sum is finite whenever every value is (NaN and ±∞ propagate), so the scalar scan runs
    /// only when there is a bad value or the sum overflowed.
    /// </summary>
    public static bool TryFindNonFinite(DenseMatrix matrix, out int row, out int column)
    {
        if (float.IsFinite(TensorPrimitives.Sum<float>(matrix.Values)))
        {
            row = -1;
            column = -1;
            return false;
        }

        return matrix.TryFindNonFinite(out row, out column);
    }
}
