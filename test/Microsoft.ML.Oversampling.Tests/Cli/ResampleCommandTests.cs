using System.Globalization;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class ResampleCommandTests : IDisposable
{
    private readonly CliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Resample_KeepsOriginalRowsAndTextLabels_ThenBalancedSyntheticRows()
    {
        string input = _files.Binary(label: "target", negative: "no", positive: "yes");
        string output = _files.PathOf("out.csv");

        var (exit, stdout, stderr) = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "smote", "-o", output, "--seed", "4");

        Assert.True(exit == 0, stderr);
        string[] original = File.ReadAllLines(input), written = File.ReadAllLines(output);
        Assert.Equal(original, written.Take(original.Length)); // header and rows unchanged, in order
        string[] synthetic = written.Skip(original.Length).ToArray();
        Assert.Equal(100 - 20, synthetic.Length); // 100 "no", 20 "yes": grown to 100 each
        Assert.All(synthetic, line =>
        {
            string[] cells = line.Split(',');
            Assert.Equal(4, cells.Length);
            Assert.Equal("yes", cells[3]);
            Assert.All(cells.Take(3), c => Assert.True(float.IsFinite(float.Parse(c, CultureInfo.InvariantCulture))));
        });
        Assert.StartsWith("resample_seconds=", stdout.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Resample_SameSeed_SameFile_OtherSeed_OtherRows()
    {
        string input = _files.Binary();
        string[] Run(string seed, string name)
        {
            var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "target", "--method", "smote", "-o", _files.PathOf(name), "--seed", seed);
            Assert.True(exit == 0, stderr);
            return File.ReadAllLines(_files.PathOf(name));
        }

        Assert.Equal(Run("3", "a.csv"), Run("3", "b.csv"));
        Assert.NotEqual(Run("3", "a.csv"), Run("5", "c.csv"));
    }

    [Fact]
    public void Resample_Multiclass_GrowsEveryMinorityClassUnderItsOwnName()
    {
        string input = _files.Multiclass();
        string output = _files.PathOf("out.csv");

        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "class", "--method", "smote", "-o", output);

        Assert.True(exit == 0, stderr);
        var counts = CliFiles.DataLines(output).GroupBy(l => l.Split(',')[2]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["cat"] = 90, ["dog"] = 90, ["bird"] = 90 }, counts);
    }

    [Fact]
    public void Resample_PositiveFlag_ChoosesTheClassToGrow()
    {
        string input = _files.Binary();
        string output = _files.PathOf("out.csv");

        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--label", "target", "--positive", "no", "--method", "random",
            "--strategy", "all", "-o", output);

        Assert.True(exit == 0, stderr);
        Assert.Equal(200, CliFiles.DataLines(output).Length);
    }

    [Fact]
    public void Resample_SmoteNc_TakesCategoricalColumnsByName_AndWritesTheirValues()
    {
        var random = new Random(3);
        var text = new System.Text.StringBuilder("x,colour,y,label\n");
        string[] colours = ["red", "green", "blue"];
        for (int i = 0; i < 90; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():F3},{colours[i % 3]},{random.NextDouble():F3},{(i % 5 == 0 ? 1 : 0)}\n");
        }

        string input = _files.Write("mixed.csv", text.ToString());
        string output = _files.PathOf("out.csv");

        var (exit, _, stderr) = CliRunner.Run("resample", "--input", input, "--method", "smotenc", "--categorical", "colour", "-o", output);

        Assert.True(exit == 0, stderr);
        string[] synthetic = CliFiles.DataLines(output).Skip(90).ToArray();
        Assert.Equal(72 - 18, synthetic.Length);
        Assert.All(synthetic, line => Assert.Contains(line.Split(',')[1], colours));
    }
}
