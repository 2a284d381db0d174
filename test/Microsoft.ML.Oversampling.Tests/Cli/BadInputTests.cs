namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary>Every bad input gives exit code 1 and one clear line on standard error, without .NET's exception text, and loses nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly CliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("?")]
    [InlineData("NA")]
    [InlineData("")]
    [InlineData("inf")]
    [InlineData("abc")]
    public void NonNumericCell_IsRefused_NamingFileLineColumnAndValue(string cell)
    {
        string input = WithBadCell(cell);
        string output = _files.PathOf("out.csv");

        foreach (string[] args in new[]
        {
            new[] { "resample", "--input", input, "--label", "target", "--method", "smote", "-o", output },
            new[] { "train", "--input", input, "--label", "target", "--method", "none", "--model", _files.PathOf("m.zip") },
            new[] { "evaluate", "--input", input, "--label", "target", "--methods", "none", "--folds", "2", "--repeats", "1" },
        })
        {
            var (exit, _, stderr) = CliRunner.Run(args);
            Assert.Equal(1, exit);
            string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(input, line);
            Assert.Contains("line 4", line); // header is line 1; the bad cell is in data row 3
            Assert.Contains("column 'b'", line);
            Assert.Contains($"'{cell}'", line);
        }

        Assert.False(File.Exists(output));
        Assert.False(File.Exists(_files.PathOf("m.zip")));
    }

    [Fact]
    public void MissingDrop_LeavesTheRowOut_AndMeanReplacesTheCell()
    {
        string input = WithBadCell("?");
        string dropped = _files.PathOf("dropped.csv"), meaned = _files.PathOf("mean.csv");

        var drop = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "random", "--missing", "drop", "-o", dropped);
        var mean = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "random", "--missing", "mean", "-o", meaned);

        Assert.True(drop.ExitCode == 0, drop.Error);
        Assert.True(mean.ExitCode == 0, mean.Error);
        string[] originalRows = CliFiles.DataLines(input);
        Assert.DoesNotContain(CliFiles.DataLines(dropped), l => l.Contains('?'));
        Assert.Equal(originalRows.Where(l => !l.Contains('?')), CliFiles.DataLines(dropped).Take(originalRows.Length - 1));
        Assert.Equal(originalRows, CliFiles.DataLines(meaned).Take(originalRows.Length)); // original rows kept as written
        Assert.Contains("1 rows dropped", drop.Output);
        Assert.Contains("1 cells replaced", mean.Output);
    }

    [Fact]
    public void MissingOutputFolder_IsFoundBeforeAnyWork()
    {
        string input = _files.Binary();
        string output = Path.Combine(_files.Folder, "no-such-folder", "out.json");

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input, "--label", "target", "--methods", "deep-smote", "--json", output);

        Assert.Equal(1, exit);
        Assert.Contains("does not exist", stderr);
        Assert.Contains("--json", stderr);
        Assert.Equal(string.Empty, stdout); // refused before loading or fitting anything
    }

    [Fact]
    public void ResampleOntoItsInput_IsRefused_AndTheInputIsUnchanged()
    {
        string input = _files.Binary();
        string before = File.ReadAllText(input);

        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "smote", "-o", input);

        Assert.Equal(1, exit);
        Assert.Contains("same file as --input", stderr);
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public void PredictOntoTheModel_IsRefused_AndTheModelIsUnchanged()
    {
        string input = _files.Binary();
        string model = _files.PathOf("m.zip");
        Assert.Equal(0, CliRunner.Run("train", "--input", input, "--label", "target", "--method", "none", "--model", model).ExitCode);
        byte[] before = File.ReadAllBytes(model);

        var (exit, _, stderr) = CliRunner.Run("predict", "--model", model, "--input", input, "-o", model);

        Assert.Equal(1, exit);
        Assert.Contains("same file as --model", stderr);
        Assert.Equal(before, File.ReadAllBytes(model));
    }

    [Fact]
    public void AtomicWrite_LeavesAUsersTmpFileAlone_AndNoTempFileBehind()
    {
        string input = _files.Binary();
        string output = _files.PathOf("out.csv");
        File.WriteAllText(output + ".tmp", "mine");

        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "random", "-o", output);

        Assert.True(exit == 0, stderr);
        Assert.Equal("mine", File.ReadAllText(output + ".tmp"));
        Assert.Equal(new[] { "bin.csv", "out.csv", "out.csv.tmp" }, Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--method", "smoot", "Unknown method 'smoot'")]
    [InlineData("--option", "KNeighbors=0", "KNeighbors must be at least 1")]
    [InlineData("--option", "KNeighbors=abc", "KNeighbors")]
    [InlineData("--option", "Neighbours=3", "method 'smote' has no option 'Neighbours'")]
    [InlineData("--trainer", "forest", "Unknown trainer 'forest'")]
    [InlineData("--trainer-option", "NumberOfTrees=many", "--trainer-option NumberOfTrees=many: 'many' is not a whole number")]
    [InlineData("--trainer-option", "Trees=3", "trainer 'fasttree' has no option 'Trees'")]
    [InlineData("--positive", "maybe", "--positive 'maybe' is not a value of label column 'target'")]
    [InlineData("--label", "y", "has no column 'y'")]
    public void BadOption_GivesOneCleanLine(string flag, string value, string expected)
    {
        string input = _files.Binary();
        var args = new List<string> { "train", "--input", input, "--label", "target", "--method", "smote", "--model", _files.PathOf("m.zip") };
        int at = args.IndexOf(flag);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([flag, value]);
        }

        var (exit, _, stderr) = CliRunner.Run([.. args]);

        Assert.Equal(1, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        AssertNoDotNetText(line);
        Assert.False(File.Exists(_files.PathOf("m.zip")));
    }

    [Fact]
    public void KTooLarge_ForTheMinorityClass_GivesOneCleanLine()
    {
        string input = _files.Binary(rows: 30); // 5 positive rows
        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "smote", "--option", "KNeighbors=10", "-o", _files.PathOf("o.csv"));

        Assert.Equal(1, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("KNeighbors", line);
        AssertNoDotNetText(line);
    }

    [Fact]
    public void TooManyFolds_ForTheSmallestClass_IsRefusedBeforeAnyWork_InTheUsersTerms()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", _files.Multiclass(), "--label", "class", "--methods", "none", "--folds", "20");

        Assert.Equal(1, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--folds 20: class 'bird' of column 'class' has only 15 rows", line);
        Assert.DoesNotContain("'Label'", line);
        Assert.DoesNotContain("key value", line);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void BadStrategy_NamesTheStrategyFlag()
    {
        var (exit, _, stderr) = CliRunner.Run("resample", "--input", _files.Binary(), "--label", "target", "--method", "smote", "--strategy", "lots", "-o", _files.PathOf("o.csv"));

        Assert.Equal(1, exit);
        Assert.StartsWith("error: --strategy lots: ", stderr);
    }

    [Fact]
    public void SingleClassData_IsRefused()
    {
        string input = _files.Write("one.csv", "a,b,label\n1,2,x\n3,4,x\n5,6,x\n");
        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--method", "smote", "-o", _files.PathOf("o.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("only the value 'x'", stderr);
    }

    [Fact]
    public void SmoteNc_WithoutCategoricalColumns_SaysWhichFlagToUse()
    {
        var (exit, _, stderr) = CliRunner.Run("resample", "--input", _files.Binary(), "--label", "target", "--method", "smotenc", "-o", _files.PathOf("o.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("--categorical", stderr);
    }

    [Fact]
    public void TextColumn_NotDeclaredCategorical_IsAnError_NotADroppedColumn()
    {
        string input = _files.Write("text.csv", "a,colour,label\n1,red,0\n2,blue,1\n3,red,0\n4,blue,1\n");
        var (exit, _, stderr) = CliRunner.Run("train", "--input", input, "--method", "none", "--model", _files.PathOf("m.zip"));

        Assert.Equal(1, exit);
        Assert.Contains("column 'colour'", stderr);
        Assert.Contains("--categorical", stderr);
    }

    private string WithBadCell(string cell)
    {
        string input = _files.Binary();
        string[] lines = File.ReadAllLines(input);
        string[] cells = lines[3].Split(',');
        cells[1] = cell;
        lines[3] = string.Join(",", cells);
        File.WriteAllLines(input, lines);
        return input;
    }

    private static void AssertNoDotNetText(string line)
    {
        Assert.DoesNotContain("(Parameter", line);
        Assert.DoesNotContain("Actual value was", line);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain("Options has no option", line);
    }
}
