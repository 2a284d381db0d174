using System.Globalization;
using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary>The command line's one-pass CSV reader: RFC 4180 quoting, line endings, and errors in file order.</summary>
public sealed class CsvTableTests : IDisposable
{
    private readonly CliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void QuotedCells_KeepCommasQuotesAndLineBreaks_AndRecordsKeepTheirText()
    {
        string text = "\uFEFF\"x\", y ,colour,label\r\n"
            + "1.5, 2 ,\"red, dark\",a\r\n"
            + "\r\n"
            + "\"3\",4,\"say \"\"hi\"\"\",b\r\n"
            + "5,6,\"two\nlines\",a"; // no line end at the end of the file
        string path = Write(text);

        CsvTable table = CsvTable.Read(path, "label", labelRequired: true, ["colour"], only: null, MissingValuePolicy.Error);

        Assert.Equal(["x", "y", "colour", "label"], table.Header);
        Assert.Equal(3, table.RowCount); // the blank line is no row
        Assert.Equal([1.5f, 3f, 5f], table.Numeric(0));
        Assert.Equal([2f, 4f, 6f], table.Numeric(1));
        Assert.Equal(["red, dark", "say \"hi\"", "two\nlines"], table.Text(2));
        Assert.Equal(["a", "b", "a"], table.Labels);
        Assert.Equal(["red, dark", "say \"hi\"", "two\nlines"], table.Categories[2].Order(StringComparer.Ordinal));
        Assert.Equal("1.5, 2 ,\"red, dark\",a\r\n", Encoding.UTF8.GetString(table.RawRecord(0)));
        Assert.Equal("5,6,\"two\nlines\",a", Encoding.UTF8.GetString(table.RawRecord(2)));
        Assert.Equal("\"x\", y ,colour,label\r\n", Encoding.UTF8.GetString(table.HeaderRecord)); // the byte-order mark is not part of it
    }

    [Fact]
    public void TheFirstBadCellInFileOrder_IsReported_WhateverTheBlockThatFindsIt()
    {
        // Bad cells in the third and first parallel block (2048 rows each): the earlier one is named.
        var text = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 5000; i++)
        {
            string b = i == 4500 ? "late" : i == 100 ? "early" : (i * 0.5).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{i},{b},{i % 2}\n");
        }

        string path = Write(text.ToString());

        var error = Assert.Throws<CliException>(() => CsvTable.Read(path, "label", true, [], null, MissingValuePolicy.Error));

        Assert.Contains("line 102", error.Message); // header is line 1, row 100 is line 102
        Assert.Contains("column 'b'", error.Message);
        Assert.Contains("'early'", error.Message);
    }

    [Fact]
    public void MissingPolicies_DropTheRowOrMakeTheCellNaN()
    {
        string path = Write("a,b,label\n1,2,x\n3,?,y\n5,6,x\n");

        CsvTable dropped = CsvTable.Read(path, "label", true, [], null, MissingValuePolicy.Drop);
        CsvTable meaned = CsvTable.Read(path, "label", true, [], null, MissingValuePolicy.Mean);

        Assert.Equal([1f, 5f], dropped.Numeric(0));
        Assert.Equal(["x", "x"], dropped.Labels);
        Assert.Equal(1, dropped.DroppedRows);
        Assert.Equal("5,6,x\n", Encoding.UTF8.GetString(dropped.RawRecord(1)));
        Assert.Equal(2f, meaned.Numeric(1)[0]);
        Assert.True(float.IsNaN(meaned.Numeric(1)[1]));
        Assert.Equal(1, meaned.MissingCells);
    }

    [Theory]
    [InlineData("a,b,label\n1,2\n", "line 2: 2 cells where the header has 3 columns")]
    [InlineData("a,b,label\n1,2,\n", "line 2, column 'label': empty label")]
    [InlineData("a,b,label\n", "has a header but no data rows")]
    [InlineData("", "is empty")]
    [InlineData("a,a,label\n1,2,3\n", "two columns named 'a'")]
    public void MalformedFiles_AreRefusedWithTheirReason(string text, string reason)
    {
        string path = Write(text);

        var error = Assert.Throws<CliException>(() => CsvTable.Read(path, "label", true, [], null, MissingValuePolicy.Error));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void LabelledData_IsAViewOfTheParsedColumns_InFileOrder_WithTheLabelAsMLNetExpects()
    {
        var text = new StringBuilder("f,label\n");
        for (int i = 0; i < 1000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{(i % 3 == 0 ? "cat" : i % 3 == 1 ? "dog" : "eel")}\n");
        }

        CsvTable table = CsvTable.Read(Write(text.ToString()), "label", true, [], null, MissingValuePolicy.Error);
        TrainingData data = CsvDataLoader.LoadLabelled(new MLContext(1), table, positive: null, MissingValuePolicy.Error);

        // Read through a transform, which asks the view for a cursor set and consolidates it: rows stay in file order.
        IDataView featurized = data.Featurized(new MLContext(1));
        float[] values = [.. featurized.GetColumn<VBuffer<float>>(TrainingData.FeaturesColumn).Select(v => v.GetValues()[0])];
        uint[] keys = [.. featurized.GetColumn<uint>(TrainingData.LabelColumn)];
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (float)i), values);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (uint)((i % 3) + 1)), keys);
        VBuffer<ReadOnlyMemory<char>> names = default;
        featurized.Schema[TrainingData.LabelColumn].GetKeyValues(ref names);
        Assert.Equal(["cat", "dog", "eel"], names.DenseValues().Select(n => n.ToString()));
    }

    [Fact]
    public void Resample_QuotesCategoryValuesThatNeedIt_SoTheOutputReadsBack()
    {
        var random = new Random(3);
        var text = new StringBuilder("x,colour,label\n");
        for (int i = 0; i < 60; i++)
        {
            string colour = i % 2 == 0 ? "\"red, dark\"" : "blue";
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():F4},{colour},{(i % 6 == 0 ? 1 : 0)}\n");
        }

        string input = Write(text.ToString()), output = _files.PathOf("nc.csv");

        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "label", "--method", "smotenc", "--categorical", "colour", "-o", output);

        Assert.True(exit == 0, stderr);
        CsvTable written = CsvTable.Read(output, "label", true, ["colour"], null, MissingValuePolicy.Error);
        Assert.Equal(100, written.RowCount); // 50 + 10 grown to 50 + 50
        Assert.Equal(["blue", "red, dark"], written.Categories[1]);
        Assert.All(written.Text(1).Skip(60), c => Assert.Contains(c, new[] { "blue", "red, dark" }));
    }

    private string Write(string text)
    {
        string path = _files.PathOf($"t{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
