using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Data;

public sealed class LabeledMatrixDataTests
{
    [Fact]
    public void LoadEmbeddedDataset_GivesBooleanLabelAndNamedFeatureSlots_RowForRow()
    {
        var ml = new MLContext(0);
        LabeledMatrix matrix = EmbeddedDatasets.LoadMatrix("glass2");

        IDataView data = ml.Data.LoadEmbeddedDataset("glass2");

        Assert.Equal(BooleanDataViewType.Instance, data.Schema["Label"].Type);
        var features = (VectorDataViewType)data.Schema["Features"].Type;
        Assert.Equal(matrix.Features.Columns, features.Size);
        VBuffer<ReadOnlyMemory<char>> names = default;
        data.Schema["Features"].GetSlotNames(ref names);
        Assert.Equal(matrix.FeatureNames, names.DenseValues().Select(n => n.ToString()));
        bool[] labels = data.GetColumn<bool>("Label").ToArray();
        Assert.Equal(matrix.Labels.Select(l => l == 1), labels);
        float[][] rows = data.GetColumn<float[]>("Features").ToArray();
        Assert.Equal(matrix.Rows, rows.Length);
        Assert.Equal(matrix.Features.Row(7).ToArray(), rows[7]);
    }

    [Fact]
    public void LoadFromLabeledMatrix_RefusesNonBinaryLabels()
    {
        var matrix = new LabeledMatrix(new Oversampling.Numerics.DenseMatrix(2, 1), [0, 2], ["x"]);

        var e = Assert.Throws<ArgumentException>(() => new MLContext(0).Data.LoadFromLabeledMatrix(matrix));
        Assert.Contains("label 2", e.Message);
    }

    [Fact]
    public void SyntheticImbalancedData_HasTheRequestedShapeAndRatio_AndDependsOnlyOnItsArguments()
    {
        LabeledMatrix a = SyntheticImbalancedData.Generate(2100, 8, 20, seed: 5);
        LabeledMatrix b = SyntheticImbalancedData.Generate(2100, 8, 20, seed: 5);
        LabeledMatrix c = SyntheticImbalancedData.Generate(2100, 8, 20, seed: 6);

        Assert.Equal(2100, a.Rows);
        Assert.Equal(8, a.Features.Columns);
        Assert.Equal(100, a.Labels.Count(l => l == 1)); // round(2100 / 21)
        Assert.Equal(a.Features.Values, b.Features.Values);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features.Values, c.Features.Values);
        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7"], a.FeatureNames);
        // Minority rows are shifted by the separation in the informative features; noise features are centred for both classes.
        double MeanNorm(int label) => Enumerable.Range(0, a.Rows).Where(i => a.Labels[i] == label)
            .Average(i => Math.Sqrt(a.Features.Row(i)[..5].ToArray().Sum(v => (double)v * v)));
        Assert.True(MeanNorm(1) > MeanNorm(0) + 1);
    }
}
