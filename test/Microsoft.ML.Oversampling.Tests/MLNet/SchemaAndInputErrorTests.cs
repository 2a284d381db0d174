using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>Wrong schemas and bad training data get ML.NET-style, one-line errors that name the problem.</summary>
public sealed class SchemaAndInputErrorTests
{
    private sealed class DoubleFeatures
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public double[] Features { get; set; } = [0, 0];
    }

    private sealed class FloatLabel
    {
        public float Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [0, 0];
    }

    private sealed class VariableFeatures
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [0, 0];
    }

    [Fact]
    public void MissingLabelColumn_IsNamedAsMLNetDoes()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "glass2");
        var smote = ml.Transforms.Oversampling.Smote(labelColumnName: "Target");

        var fit = Assert.Throws<ArgumentOutOfRangeException>(() => smote.Fit(data));
        Assert.StartsWith("Could not find label column 'Target'", fit.Message);
        var shape = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.NormalizeMinMax("Features").Append(smote).Fit(data));
        Assert.StartsWith("Could not find label column 'Target'", shape.Message);
    }

    [Fact]
    public void FeatureTypeMismatch_SaysWhatWasExpectedAndWhatCame()
    {
        var ml = new MLContext(seed: 1);
        var doubles = ml.Data.LoadFromEnumerable(new[] { new DoubleFeatures(), new DoubleFeatures { Label = true } });
        var variable = ml.Data.LoadFromEnumerable(new[] { new VariableFeatures(), new VariableFeatures { Label = true } });
        var smote = ml.Transforms.Oversampling.Smote();

        Assert.StartsWith("Schema mismatch for feature column 'Features': expected known-size vector of Single, got Vector<Double>",
            Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.CopyColumns("LabelCopy", "Label").Append(smote).Fit(doubles)).Message);
        Assert.StartsWith("Schema mismatch for feature column 'Features': expected known-size vector of Single, got VarVector<Single>",
            Assert.Throws<ArgumentOutOfRangeException>(() => smote.Fit(variable)).Message);
    }

    [Fact]
    public void FloatLabel_IsRefused_NamingTheTypesThatWork()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new FloatLabel(), new FloatLabel { Label = 1 } });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.Oversampling.Smote().Fit(data));
        Assert.StartsWith("Schema mismatch for label column 'Label': expected Boolean (two classes) or a key type (several classes), got Single", e.Message);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void NonFiniteFeature_NamesRowSlotAndValue(float bad, string shown)
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        rows[17].Features[3] = bad;
        var e = Assert.Throws<ArgumentException>(() => ml.Transforms.Oversampling.Smote(seed: 1).Fit(MLNetTestData.Load(ml, rows, 8)));
        Assert.Equal($"Column 'Features' has the value {shown} at row 17, slot 3 ('Slot 3'); oversamplers need finite feature values "
            + "(replace or drop missing values first, e.g. with ReplaceMissingValues).", e.Message);
    }

    [Fact]
    public void EmptyData_SingleClass_AndTooFewRowsForK_AreRefusedClearly()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("glass2"); // 17 minority rows
        Assert.Contains("no rows", Assert.Throws<ArgumentException>(() => ml.Transforms.Oversampling.Smote().Fit(MLNetTestData.Load(ml, [], 9))).Message);
        Assert.Contains("at least 2 classes",
            Assert.Throws<ArgumentException>(() => ml.Transforms.Oversampling.Smote().Fit(MLNetTestData.Load(ml, rows.Where(r => !r.Label), 9))).Message);
        var tooFew = rows.Where(r => !r.Label).Concat(rows.Where(r => r.Label).Take(3));
        string message = Assert.Throws<OptionException>(() => ml.Transforms.Oversampling.Smote(kNeighbors: 5).Fit(MLNetTestData.Load(ml, tooFew, 9))).Message;
        Assert.Contains("3", message);
        Assert.Contains("KNeighbors", message);
    }
}
