using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Numerics;

public class DenseMatrixTests
{
    [Fact]
    public void OverflowingSumOfFiniteValues_IsNotReportedAsNonFinite()
    {
        var matrix = new DenseMatrix(3, 2, [3e38f, 3e38f, 3e38f, -1f, 2f, 3e38f]);
        Assert.False(matrix.TryFindNonFinite(out _, out _));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void FirstNonFiniteValue_IsLocated(float bad)
    {
        var matrix = new DenseMatrix(4, 3);
        matrix[2, 1] = bad;
        matrix[3, 0] = float.PositiveInfinity; // a later +∞ as well: with −∞ the sum is NaN, still caught
        Assert.True(matrix.TryFindNonFinite(out int row, out int column));
        Assert.Equal((2, 1), (row, column));
    }

    [Fact]
    public void SelectAndAppendRows_CopyTheRightValues()
    {
        var m = new DenseMatrix(3, 2, [1, 2, 3, 4, 5, 6]);
        Assert.Equal([5f, 6f, 1f, 2f], m.SelectRows([2, 0]).Values);
        Assert.Equal(5, m.AppendRows(m.SelectRows([1, 1])).Rows);
        Assert.Throws<ArgumentException>(() => m.AppendRows(new DenseMatrix(1, 3)));
        Assert.Throws<ArgumentException>(() => new DenseMatrix(2, 2, new float[3]));
    }
}
