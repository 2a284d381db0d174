using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Numerics;

public class MinMaxScalerTests
{
    [Fact]
    public void ScalesEachFeatureToUnitRange_KeepsConstantFeaturesAtZero_AndInvertsExactlyOnPowersOfTwo()
    {
        var data = new DenseMatrix(3, 3, [-2f, 5f, 1f, 2f, 5f, 3f, 0f, 5f, 2f]);
        var scaler = MinMaxScaler.Fit(data);

        DenseMatrix scaled = scaler.Transform(data);

        Assert.Equal([0f, 0f, 0f, 1f, 0f, 1f, 0.5f, 0f, 0.5f], scaled.Values);
        Assert.Equal([4f, 1f, 2f], scaler.Range.ToArray()); // the constant feature keeps a scale of 1
        scaler.InverseTransformInPlace(scaled);
        Assert.Equal(data.Values, scaled.Values);
    }

    [Fact]
    public void RejectsOtherWidthsEmptyDataAndInvalidLearnedValues()
    {
        var scaler = MinMaxScaler.Fit(new DenseMatrix(2, 2, [0f, 1f, 2f, 3f]));

        Assert.Contains("fitted on 2 features but the data has 3", Assert.Throws<ArgumentException>(() => scaler.Transform(new DenseMatrix(1, 3))).Message);
        Assert.Contains("without rows", Assert.Throws<ArgumentException>(() => MinMaxScaler.Fit(new DenseMatrix(0, 2))).Message);
        Assert.Contains("Feature 1", Assert.Throws<ArgumentException>(() => new MinMaxScaler([0f, 0f], [1f, 0f])).Message);
    }
}
