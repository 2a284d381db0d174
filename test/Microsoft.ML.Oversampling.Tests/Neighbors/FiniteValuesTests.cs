using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neighbors;

public class FiniteValuesTests
{
    [Fact]
    public void OverflowingSumOfFiniteValues_IsNotReported()
    {
        var matrix = new DenseMatrix(3, 2, [3e38f, 3e38f, 3e38f, -1f, 2f, 3e38f]);
        Assert.False(FiniteValues.TryFindNonFinite(matrix, out _, out _));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteValue_IsLocated(float bad)
    {
        var matrix = new DenseMatrix(4, 3);
        matrix[2, 1] = bad;
        matrix[3, 0] = float.PositiveInfinity; // a later +∞ as well: with −∞ the sum is NaN, still caught
        Assert.True(FiniteValues.TryFindNonFinite(matrix, out int row, out int column));
        Assert.Equal((2, 1), (row, column));
    }
}
