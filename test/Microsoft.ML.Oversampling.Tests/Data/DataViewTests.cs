using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Tests.Data;

public class DataViewTests
{
    private sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];

        [ColumnName("Weight")]
        public double Importance { get; set; }

        public string Id { get; set; } = string.Empty;

        [NoColumn]
        public int Ignored { get; set; }
    }

    [Fact]
    public void EnumerableRoundTrip_UsesColumnAttributes()
    {
        var ctx = new OversamplingContext(1);
        Row[] rows = [new() { Label = true, Features = [1, 2], Importance = 0.5, Id = "a", Ignored = 9 }, new() { Label = false, Features = [3, 4], Importance = 2, Id = "b" }];
        DataView data = ctx.Data.LoadFromEnumerable(rows);
        Assert.Equal(["Label", "Features", "Weight", "Id"], data.Schema.Select(c => c.Name).ToArray());
        Assert.Equal(ColumnType.Vector(2), data.Schema["Features"].Type);

        Row[] back = ctx.Data.CreateEnumerable<Row>(data).ToArray();
        Assert.Equal([3f, 4f], back[1].Features);
        Assert.Equal(0.5, back[0].Importance);
        Assert.Equal(0, back[0].Ignored);
    }

    [Fact]
    public void VectorsOfTheWrongSize_AreRejected()
    {
        var ctx = new OversamplingContext(1);
        var e = Assert.Throws<ArgumentException>(() => ctx.Data.LoadFromEnumerable(new[] { new Row { Features = [1, 2, 3] } }));
        Assert.Contains("3 values but the vector size is 2", e.Message);
    }

    [Fact]
    public void SelectAndAppendRows_AreImmutableOperations()
    {
        var ctx = new OversamplingContext(1);
        DataView data = ctx.Data.LoadFromArrays(new DenseMatrix(3, 1, [10, 20, 30]), [true, false, true]);
        DataView picked = data.SelectRows([2, 0, 2]);
        Assert.Equal([30f, 10f, 30f], picked.GetVectorColumn("Features").ToMatrix().Values);
        DataView both = data.AppendRows(picked);
        Assert.Equal(6, both.RowCount);
        Assert.Equal(3, data.RowCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.SelectRows([3]));
        Assert.Throws<ArgumentException>(() => data.AppendRows(data.DropColumns("Label")));
    }

    [Fact]
    public void SchemaLookups_NameTheMissingColumnAndTheColumnsPresent()
    {
        var ctx = new OversamplingContext(1);
        DataView data = ctx.Data.LoadFromArrays(new DenseMatrix(1, 1, [1]), [true]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => data.Schema.Require("feature", "Feats", _ => true, "anything"));
        Assert.Contains("Could not find feature column 'Feats'", e.Message);
        Assert.Contains("Features (Vector<Single, 1>)", e.Message);
        var mismatch = Assert.Throws<ArgumentOutOfRangeException>(() => data.Schema.Require("feature", "Label", t => t.Kind == ColumnKind.Vector, "a vector of Single"));
        Assert.Contains("Schema mismatch for feature column 'Label': expected a vector of Single, got Boolean", mismatch.Message);
    }

    [Fact]
    public void StratifiedSplits_KeepClassSharesAndCoverEveryRowOnce()
    {
        var ctx = new OversamplingContext(1);
        DataView data = ctx.Data.LoadEmbedded("yeast4"); // 51 positives, 1433 negatives
        var (train, test) = ctx.Data.TrainTestSplit(data, testFraction: 0.2, seed: 3);
        Assert.Equal(data.RowCount, train.RowCount + test.RowCount);
        Assert.Equal(10, test.GetColumn<bool>("Label").Values.ToArray().Count(l => l)); // round(51 * 0.2)

        var folds = ctx.Data.CrossValidationSplit(data, numberOfFolds: 5, seed: 3);
        Assert.Equal(data.RowCount, folds.Sum(f => f.TestSet.RowCount));
        foreach (var fold in folds)
        {
            int positives = fold.TestSet.GetColumn<bool>("Label").Values.ToArray().Count(l => l);
            Assert.InRange(positives, 10, 11); // 51 / 5 spread evenly
            Assert.Equal(data.RowCount, fold.TrainSet.RowCount + fold.TestSet.RowCount);
        }

        Assert.Contains("fewer than the 60 folds", Assert.Throws<ArgumentException>(() => ctx.Data.CrossValidationSplit(data, 60)).Message);
    }

    [Fact]
    public void ConcatenateAndNormalize_BuildAndStandardiseTheFeatureVector()
    {
        var ctx = new OversamplingContext(1);
        var data = new DataView(
            new ScalarColumn<float>("a", [1f, 2f, 3f, 4f]),
            new ScalarColumn<float>("b", [5f, 5f, 5f, 5f]),
            new ScalarColumn<bool>("Label", [true, false, true, false]));
        var model = ctx.Transforms.Concatenate("Features", "a", "b").Append(ctx.Transforms.NormalizeMeanVariance("Features")).Fit(data);
        DenseMatrix x = model.Transform(data).GetVectorColumn("Features").ToMatrix();
        double mean = Enumerable.Range(0, 4).Average(i => x[i, 0]);
        double variance = Enumerable.Range(0, 4).Average(i => x[i, 0] * x[i, 0]) - (mean * mean);
        Assert.Equal(0, mean, 6);
        Assert.Equal(1, variance, 5);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(0f, x[i, 1])); // constant slot maps to 0
        Assert.Equal(["a", "b"], model.Transform(data).GetVectorColumn("Features").SlotNames!);
    }
}
