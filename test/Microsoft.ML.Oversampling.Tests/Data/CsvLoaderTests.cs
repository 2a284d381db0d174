using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Tests.Data;

public class CsvLoaderTests
{
    private static DataView Load(string text, CsvLoadOptions? options = null) =>
        CsvLoader.Load(new StringReader(text), options ?? new CsvLoadOptions(), "test.csv");

    [Fact]
    public void LoadsFeaturesAndBooleanLabel_WithSlotNamesFromTheHeader()
    {
        DataView data = Load("a,b,label\n1,2.5,0\n3,-4e2,1\n");
        Assert.Equal(2, data.RowCount);
        Assert.Equal([false, true], data.GetColumn<bool>("Label").Values.ToArray());
        VectorColumn features = data.GetVectorColumn("Features");
        Assert.Equal(["a", "b"], features.SlotNames!);
        Assert.Equal([3f, -400f], features[1].ToArray());
    }

    [Theory]
    [InlineData("true", "false")]
    [InlineData("1.0", "0.0")]
    [InlineData("TRUE", "False")]
    public void AcceptsTheUsualBinaryLabelSpellings(string positive, string negative)
    {
        DataView data = Load($"x,label\n1,{positive}\n2,{negative}\n");
        Assert.Equal([true, false], data.GetColumn<bool>("Label").Values.ToArray());
    }

    [Fact]
    public void TextLabels_NeedThePositiveValueNamed()
    {
        const string text = "x,label\n1,yes\n2,no\n3,yes\n";
        var e = Assert.Throws<InvalidDataException>(() => Load(text));
        Assert.Contains("PositiveLabel", e.Message);
        DataView data = Load(text, new CsvLoadOptions { PositiveLabel = "yes" });
        Assert.Equal([true, false, true], data.GetColumn<bool>("Label").Values.ToArray());
        Assert.Contains("does not occur", Assert.Throws<InvalidDataException>(() => Load(text, new CsvLoadOptions { PositiveLabel = "maybe" })).Message);
    }

    [Fact]
    public void IntegerLabelsWithMoreThanTwoClasses_LoadAsMultiClass()
    {
        DataView data = Load("x,label\n1,0\n2,1\n3,2\n");
        Assert.Equal([0, 1, 2], data.GetColumn<int>("Label").Values.ToArray());
    }

    [Fact]
    public void ExplicitFeatureColumns_KeepTheOthersAsText()
    {
        DataView data = Load("id,a,b,label\nr1,1,2,0\nr2,3,4,1\n", new CsvLoadOptions { FeatureColumnNames = ["b"] });
        Assert.Equal(1, data.GetVectorColumn("Features").Size);
        Assert.Equal("r2", data.GetColumn<string>("id")[1]);
        Assert.Equal("3", data.GetColumn<string>("a")[1]);
    }

    [Fact]
    public void QuotedFieldsWithSeparatorsAndQuotes_AreParsed()
    {
        DataView data = Load("name,x,label\n\"a, \"\"b\"\"\",1,0\nc,2,1\n");
        Assert.Equal("a, \"b\"", data.GetColumn<string>("name")[0]);
    }

    [Theory]
    [InlineData("x,label\n1,0\n2,1\n", "nolabel", "no label column 'nolabel'")]
    [InlineData("x,y,label\n1,2,0\n2,abc,1\n", "label", "line 3, column 'y': 'abc' is not a number")]
    [InlineData("x,label\n1,0\nNaN,1\n", "label", "line 3, column 'x': the value NaN is not finite")]
    [InlineData("x,label\n1,0\n,1\n", "label", "line 3, column 'x': the value is missing")]
    [InlineData("x,label\n1,0\n2,0\n", "label", "single value '0' in all 2 rows")]
    [InlineData("", "label", "is empty")]
    [InlineData("x,label\n", "label", "no data rows")]
    [InlineData("x,label\n1,0\n2,1,3\n", "label", "line 3 has 3 fields but the header has 2")]
    [InlineData("x,label\n1,0\n2,\n", "label", "line 3: the label 'label' is missing")]
    public void BadInput_GetsAnErrorNamingTheProblem(string text, string labelColumn, string expectedMessagePart)
    {
        var e = Assert.Throws<InvalidDataException>(() => Load(text, new CsvLoadOptions { LabelColumnName = labelColumn }));
        Assert.Contains(expectedMessagePart, e.Message);
    }

    [Fact]
    public void MissingFile_IsReportedByName()
    {
        var e = Assert.Throws<FileNotFoundException>(() => CsvLoader.Load("/nonexistent/data.csv", new CsvLoadOptions()));
        Assert.Contains("/nonexistent/data.csv", e.Message);
    }

    [Fact]
    public void SaveThenLoad_RoundTripsValuesExactly()
    {
        DataView original = EmbeddedDatasets.Load("ecoli3");
        var writer = new StringWriter();
        CsvLoader.Save(original, writer);
        DataView reloaded = Load(writer.ToString(), new CsvLoadOptions { LabelColumnName = "Label" });
        Assert.Equal(original.GetVectorColumn("Features").ToMatrix().Values, reloaded.GetVectorColumn("Features").ToMatrix().Values);
        Assert.Equal(original.GetColumn<bool>("Label").Values.ToArray(), reloaded.GetColumn<bool>("Label").Values.ToArray());
        Assert.Equal(original.GetVectorColumn("Features").SlotNames, reloaded.GetVectorColumn("Features").SlotNames);
    }

    [Fact]
    public void EveryEmbeddedDatasetLoadsWithItsDocumentedShape()
    {
        foreach (EmbeddedDatasetInfo info in EmbeddedDatasets.All)
        {
            DataView data = EmbeddedDatasets.Load(info.Name);
            Assert.Equal(info.Rows, data.RowCount);
            Assert.Equal(info.Features, data.GetVectorColumn("Features").Size);
            Assert.Equal(info.MinorityRows, data.GetColumn<bool>("Label").Values.ToArray().Count(l => l));
        }

        Assert.Contains("Available", Assert.Throws<ArgumentException>(() => EmbeddedDatasets.Load("nope")).Message);
    }
}
