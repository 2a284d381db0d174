using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class TrainPredictCommandTests : IDisposable
{
    private readonly CliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("fasttree")]
    [InlineData("logistic")]
    [InlineData("lightgbm")]
    public void TrainThenPredict_WritesScoresAndTheUsersLabelValues_AndPrintsMetrics(string trainer)
    {
        string input = _files.Binary();
        string model = _files.PathOf("m.zip"), predictions = _files.PathOf("p.csv");

        var train = CliRunner.Run("train", "--input", input, "--label", "target", "--method", "smote", "--trainer", trainer, "--model", model);
        var predict = CliRunner.Run("predict", "--model", model, "--input", input, "--label", "target", "-o", predictions);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(predict.ExitCode == 0, predict.Error);
        string[] lines = File.ReadAllLines(predictions);
        Assert.Equal("Row,Score,Probability,PredictedLabel", lines[0]);
        Assert.Equal(121, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[3], new[] { "yes", "no" }));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => i.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("AreaUnderRocCurve=", predict.Output);
        Assert.Contains("positive class yes", predict.Output);
        double accuracy = double.Parse(predict.Output.Split('\n').Single(l => l.Trim().StartsWith("Accuracy=", StringComparison.Ordinal)).Trim()["Accuracy=".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(accuracy, 0.8, 1.0); // separable data, scored on its own training rows
    }

    [Fact]
    public void Train_TheTrainerSeesTheResampledRows()
    {
        string input = _files.Binary();
        string Scores(string method)
        {
            string model = _files.PathOf(method + ".zip"), predictions = _files.PathOf(method + ".csv");
            Assert.Equal(0, CliRunner.Run("train", "--input", input, "--label", "target", "--method", method, "--trainer", "logistic", "--model", model).ExitCode);
            Assert.Equal(0, CliRunner.Run("predict", "--model", model, "--input", input, "-o", predictions).ExitCode);
            return File.ReadAllText(predictions);
        }

        // Random oversampling to balance moves logistic regression's intercept: the scores must change.
        Assert.NotEqual(Scores("none"), Scores("random"));
    }

    [Fact]
    public void Predict_MatchesFeaturesByName_AnyOrder_ExtraColumnsIgnored_LabelOptional()
    {
        string input = _files.Binary();
        string model = _files.PathOf("m.zip");
        Assert.Equal(0, CliRunner.Run("train", "--input", input, "--label", "target", "--method", "smote", "--model", model).ExitCode);
        string[] rows = File.ReadAllLines(input);
        string reordered = _files.Write("reordered.csv", string.Join("\n", rows.Select((l, i) =>
        {
            string[] c = l.Split(',');
            return $"{(i == 0 ? "note" : "x")},{c[2]},{c[0]},{c[1]}";
        })) + "\n");

        Assert.Equal(0, CliRunner.Run("predict", "--model", model, "--input", input, "-o", _files.PathOf("p1.csv")).ExitCode);
        var second = CliRunner.Run("predict", "--model", model, "--input", reordered, "-o", _files.PathOf("p2.csv"));

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(File.ReadAllText(_files.PathOf("p1.csv")), File.ReadAllText(_files.PathOf("p2.csv")));
        Assert.DoesNotContain("AreaUnderRocCurve", second.Output); // no label column: no metrics
    }

    [Fact]
    public void Predict_MissingFeatureColumn_IsNamed()
    {
        string model = _files.PathOf("m.zip");
        Assert.Equal(0, CliRunner.Run("train", "--input", _files.Binary(), "--label", "target", "--method", "none", "--model", model).ExitCode);
        string partial = _files.Write("partial.csv", "a,c\n1,2\n");

        var (exit, _, stderr) = CliRunner.Run("predict", "--model", model, "--input", partial, "-o", _files.PathOf("p.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("no column 'b'", stderr);
    }

    [Theory]
    [InlineData("fasttree")]
    [InlineData("logistic")]
    public void Multiclass_TrainAndPredict_EndToEnd(string trainer)
    {
        string input = _files.Multiclass();
        string model = _files.PathOf("m.zip"), predictions = _files.PathOf("p.csv");

        var train = CliRunner.Run("train", "--input", input, "--label", "class", "--method", "smote", "--trainer", trainer, "--model", model);
        var predict = CliRunner.Run("predict", "--model", model, "--input", input, "--label", "class", "-o", predictions);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("bird", train.Output);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var predicted = CliFiles.DataLines(predictions).Select(l => l.Split(',')[3]).ToList();
        Assert.Equal(150, predicted.Count);
        Assert.All(predicted, p => Assert.Contains(p, new[] { "cat", "dog", "bird" }));
        Assert.Contains("bird", predicted); // the grown minority class is predicted somewhere
        Assert.Contains("MicroAccuracy=", predict.Output);
    }

    [Fact]
    public void SmoteNc_TrainAndPredict_WithATextCategoryColumn()
    {
        var random = new Random(4);
        var text = new System.Text.StringBuilder("x,colour,y,label\n");
        string[] colours = ["red", "green", "blue"];
        for (int i = 0; i < 90; i++)
        {
            bool pos = i % 5 == 0;
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() + (pos ? 1 : 0):F3},{colours[(i + (pos ? 1 : 0)) % 3]},{random.NextDouble():F3},{(pos ? "y" : "n")}\n");
        }

        string input = _files.Write("mixed.csv", text.ToString());
        string model = _files.PathOf("m.zip"), predictions = _files.PathOf("p.csv");

        var train = CliRunner.Run("train", "--input", input, "--method", "smotenc", "--option", "CategoricalFeatureNames=colour", "--model", model);
        var predict = CliRunner.Run("predict", "--model", model, "--input", input, "-o", predictions);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal(90, CliFiles.DataLines(predictions).Length);
        Assert.Contains("F1Score=", predict.Output);
    }

    [Fact]
    public void ModelZip_LoadsWithPlainMLNet_AndHoldsNoComponentOfThisLibrary()
    {
        string model = _files.PathOf("m.zip");
        Assert.Equal(0, CliRunner.Run("train", "--input", _files.Binary(), "--label", "target", "--method", "smote", "--model", model).ExitCode);

        ITransformer loaded = new MLContext(0).Model.Load(model, out DataViewSchema input);

        Assert.Equal(new[] { "a", "b", "c" }, input.Select(c => c.Name));
        Assert.All(Flatten(loaded), t => Assert.NotEqual(typeof(OversamplingTransformer).Assembly, t.GetType().Assembly));
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer t) =>
        t is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [t];
}
