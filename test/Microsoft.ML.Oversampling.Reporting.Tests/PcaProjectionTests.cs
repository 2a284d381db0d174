namespace Microsoft.ML.Oversampling.Reporting.Tests;

public sealed class PcaProjectionTests
{
    [Fact]
    public void Points_on_a_line_project_onto_the_first_component()
    {
        // x2 = 2 * x1 exactly, x3 constant: after standardizing, all variance lies along one direction.
        float[][] rows = [.. Enumerable.Range(0, 20).Select(i => new[] { i, 2f * i, 5f })];

        var pca = PcaProjection.Fit(rows);
        (double[] x, double[] y) = pca.Project(rows);

        Assert.Equal(1.0, pca.ExplainedVarianceRatio[0], 6);
        Assert.All(y, v => Assert.Equal(0, v, 6));
        Assert.True(x.Zip(x.Skip(1)).All(p => p.Second > p.First), "PC1 keeps the points' order along the line");
    }

    [Fact]
    public void Components_are_uncorrelated_and_ordered_by_variance()
    {
        var random = new Random(3);
        float[][] rows = [.. Enumerable.Range(0, 300).Select(_ =>
        {
            double a = random.NextDouble() * 2 - 1, b = random.NextDouble() * 2 - 1, c = random.NextDouble() * 2 - 1;
            return new[] { (float)(3 * a + b), (float)(3 * a - b), (float)(a + (0.3 * c)) };
        })];

        var pca = PcaProjection.Fit(rows);
        (double[] x, double[] y) = pca.Project(rows);

        double mx = x.Average(), my = y.Average();
        double covariance = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / (rows.Length - 1);
        Assert.Equal(0, covariance, 6);
        Assert.True(pca.ExplainedVarianceRatio[0] > pca.ExplainedVarianceRatio[1]);
        Assert.InRange(pca.ExplainedVarianceRatio.Sum(), 0.9, 1.0 + 1e-9);
    }

    [Fact]
    public void Rows_of_another_width_are_rejected()
    {
        var pca = PcaProjection.Fit([[1f, 2f], [2f, 1f], [0f, 0f]]);
        Assert.Throws<ArgumentException>(() => pca.Project([[1f, 2f, 3f]]));
        Assert.Throws<ArgumentException>(() => PcaProjection.Fit([[1f, 2f]]));
        Assert.Throws<ArgumentException>(() => PcaProjection.Fit([[1f], [2f]]));
    }
}
