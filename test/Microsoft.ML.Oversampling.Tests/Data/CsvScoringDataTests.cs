using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Tests.Data;

/// <summary>Loading data for scoring (<see cref="CsvLoadOptions.RequireLabel"/> false): the label may be absent.</summary>
public class CsvScoringDataTests
{
    private static DataView Load(string text, CsvLoadOptions options) => CsvLoader.Load(new StringReader(text), options, "score.csv");

    [Fact]
    public void WithoutTheLabelColumn_LoadsFeaturesOnly()
    {
        DataView data = Load("a,b\n1,2\n3,4\n", new CsvLoadOptions { RequireLabel = false });
        Assert.Equal(["Features"], data.Schema.Select(c => c.Name));
        Assert.Equal(["a", "b"], data.GetVectorColumn("Features").SlotNames!);
        Assert.Equal([3f, 4f], data.GetVectorColumn("Features")[1].ToArray());
    }

    [Fact]
    public void WithTheLabelColumn_KeepsItAsRawText_NeverAsAFeature_EvenWithASingleValue()
    {
        DataView data = Load("a,label,b\n1,1,2\n3,1,4\n", new CsvLoadOptions { RequireLabel = false });
        Assert.Equal(["a", "b"], data.GetVectorColumn("Features").SlotNames!);
        Assert.Equal(["1", "1"], data.GetColumn<string>("label").Values.ToArray());
        Assert.False(data.Schema.TryGetColumn("Label", out _));
    }

    [Fact]
    public void ListedFeatureColumns_AreTakenInTheListedOrder()
    {
        var options = new CsvLoadOptions { RequireLabel = false, FeatureColumnNames = ["b", "a"] };
        DataView data = Load("a,b,id\n1,2,x\n3,4,y\n", options);
        Assert.Equal([2f, 1f], data.GetVectorColumn("Features")[0].ToArray());
        Assert.Equal(["x", "y"], data.GetColumn<string>("id").Values.ToArray());
    }

    [Fact]
    public void ByDefault_TheLabelIsStillRequired()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("a,b\n1,2\n", new CsvLoadOptions()));
        Assert.Contains("has no label column 'label'", error.Message);
    }
}
