using System.Globalization;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary><c>oversample train</c> and <c>oversample predict</c>, driven in-process on temporary files.</summary>
public sealed class TrainPredictCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("train-predict-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    /// <summary>Writes an embedded dataset as CSV (features named by the header, then a 0/1 <c>Label</c> column).</summary>
    private string WriteDataset(string dataset, string name, Func<DataView, DataView>? edit = null)
    {
        DataView data = EmbeddedDatasets.Load(dataset);
        data = edit?.Invoke(data) ?? data;
        string path = PathOf(name);
        using (var writer = new StreamWriter(path))
        {
            CsvLoader.Save(data, writer);
        }

        return path;
    }

    private static string[][] ReadCsv(string path) => File.ReadAllLines(path).Select(l => l.Split(',')).ToArray();

    private (string Model, string Data) Train(string dataset = "pima", params string[] extra) => TrainWith("random", dataset, extra);

    private (string Model, string Data) TrainWith(string method, string dataset, params string[] extra)
    {
        string data = WriteDataset(dataset, $"{dataset}.csv");
        string model = PathOf($"{dataset}.zip");
        var (exit, output, error) = Run(["train", "--input", data, "--label", "Label", "--method", method, "--trainer", "logistic", "--model", model, "--seed", "3", .. extra]);
        Assert.True(exit == 0, error);
        Assert.Contains($"saved model to {model}", output);
        Assert.Contains("train_seconds=", output);
        return (model, data);
    }

    [Fact]
    public void TrainThenPredict_WritesOneScoredRowPerInputRow_MatchingTheLibraryModelBitForBit()
    {
        var (model, data) = Train();
        string predictions = PathOf("predictions.csv");

        var (exit, output, error) = Run("predict", "--model", model, "--input", data, "--output", predictions);

        Assert.True(exit == 0, error);
        Assert.Contains($"wrote {predictions}", output);
        string[][] rows = ReadCsv(predictions);
        Assert.Equal(["Row", "Label", "Score", "Probability", "PredictedLabel"], rows[0]);
        Assert.Equal(769, rows.Length);
        Assert.Equal(Enumerable.Range(0, 768).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));

        var ctx = new OversamplingContext();
        DataView scored = ctx.Model.Load(model).Transform(EmbeddedDatasets.Load("pima"));
        float[] scores = scored.GetColumn<float>("Score").Values.ToArray();
        Assert.Equal(scores, rows.Skip(1).Select(r => float.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal(scored.GetColumn<bool>("PredictedLabel").Values.ToArray().Select(p => p ? "1" : "0"), rows.Skip(1).Select(r => r[4]));
        Assert.Equal(EmbeddedDatasets.Load("pima").GetColumn<bool>("Label").Values.ToArray().Select(p => p ? "1" : "0"), rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void Predict_WithoutTheLabel_AndWithColumnsReorderedOrAdded_GivesTheSameScores()
    {
        var (model, data) = Train();
        string unlabelled = WriteDataset("pima", "unlabelled.csv", d =>
        {
            VectorColumn f = d.GetVectorColumn("Features");
            var reversed = new List<DataColumn> { new ScalarColumn<string>("Id", Enumerable.Range(0, d.RowCount).Select(i => $"p{i}")) };
            for (int j = f.Size - 1; j >= 0; j--)
            {
                int slot = j;
                reversed.Add(new ScalarColumn<float>(f.SlotName(slot), Enumerable.Range(0, d.RowCount).Select(r => f[r][slot])));
            }

            return new DataView(reversed);
        });

        Assert.Equal(0, Run("predict", "--model", model, "--input", data, "--output", PathOf("a.csv")).Exit);
        var (exit, _, error) = Run("predict", "--model", model, "--input", unlabelled, "--output", PathOf("b.csv"));

        Assert.True(exit == 0, error);
        string[][] labelled = ReadCsv(PathOf("a.csv")), bare = ReadCsv(PathOf("b.csv"));
        Assert.Equal(["Row", "Score", "Probability", "PredictedLabel"], bare[0]);
        Assert.Equal(labelled.Skip(1).Select(r => string.Join(",", r[2..])), bare.Skip(1).Select(r => string.Join(",", r[1..])));
    }

    [Fact]
    public void Predict_WithAMissingFeatureColumn_IsASchemaMismatchNamingIt()
    {
        var (model, _) = Train();
        string data = WriteDataset("pima", "missing.csv", d =>
        {
            VectorColumn f = d.GetVectorColumn("Features");
            var kept = Enumerable.Range(0, f.Size).Where(j => f.SlotName(j) != "Mass").ToArray();
            var m = new Microsoft.ML.Oversampling.Numerics.DenseMatrix(d.RowCount, kept.Length);
            for (int r = 0; r < d.RowCount; r++)
            {
                for (int k = 0; k < kept.Length; k++)
                {
                    m[r, k] = f[r][kept[k]];
                }
            }

            return new DataView(new VectorColumn("Features", m, kept.Select(f.SlotName).ToArray()));
        });

        var (exit, output, error) = Run("predict", "--model", model, "--input", data, "--output", PathOf("p.csv"));

        Assert.Equal(1, exit);
        Assert.StartsWith("error: Schema mismatch: the model reads 8 features", error);
        Assert.Contains("has no column 'Mass'", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(PathOf("p.csv")));
    }

    [Fact]
    public void Train_SavesTheMethodAndTrainerOptions_InTheModel()
    {
        var (model, _) = Train("haberman", "--option", "shrinkage=0.5", "--trainer-option", "L2Regularization=0.25");

        var chain = Assert.IsType<TransformerChain<ITransformer>>(new OversamplingContext().Model.Load(model, out var schema));
        var sampler = Assert.IsType<OversamplingTransformer>(chain.Transformers[1]);
        Assert.Equal(0.5, Assert.IsType<RandomOverSamplerOptions>(sampler.Sampler.Options).Shrinkage);
        Assert.Null(sampler.ResampledData);
        Assert.NotNull(schema);
        Assert.Equal(3, schema.FeatureCount);
        Assert.Equal("Label", schema.LabelColumnName);
    }

    [Fact]
    public void Train_WithMethodNone_FitsNormalizeAndTrainerOnly()
    {
        string data = WriteDataset("haberman", "h.csv");
        string model = PathOf("none.zip");

        var (exit, output, error) = Run("train", "--input", data, "--label", "Label", "--method", "none", "--trainer", "logistic", "--model", model);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("before", output);
        var chain = Assert.IsType<TransformerChain<ITransformer>>(new OversamplingContext().Model.Load(model));
        Assert.Equal(2, chain.Transformers.Count);
    }

    [Theory]
    [InlineData("--method", "nope", "error: Unknown method 'nope'. Methods: none, random")]
    [InlineData("--trainer", "forest", "error: Unknown trainer 'forest'. Trainers: logistic")]
    [InlineData("--option", "k", "error: Option 'k' must be written key=value.")]
    [InlineData("--label", "Outcome", "has no label column 'Outcome'")]
    public void Train_BadInput_IsOneClearLine_ExitCode1_NoModelWritten(string option, string value, string expected)
    {
        string data = WriteDataset("haberman", "h.csv");
        string model = PathOf("bad.zip");
        var args = new List<string> { "train", "--input", data, "--label", "Label", "--method", "random", "--model", model };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exit, _, error) = Run([.. args]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Train_WithMethodNone_RejectsMethodOptions()
    {
        string data = WriteDataset("haberman", "h.csv");

        var (exit, _, error) = Run("train", "--input", data, "--label", "Label", "--method", "none", "--option", "shrinkage=1", "--model", PathOf("m.zip"));

        Assert.Equal(1, exit);
        Assert.Equal("error: --option shrinkage=1 was given, but method 'none' takes no options.", error.TrimEnd());
    }

    [Fact]
    public void Predict_WithACorruptOrMissingModel_IsOneClearLine()
    {
        string data = WriteDataset("haberman", "h.csv");
        File.WriteAllText(PathOf("garbage.zip"), "this is not a zip");

        var corrupt = Run("predict", "--model", PathOf("garbage.zip"), "--input", data, "--output", PathOf("p.csv"));
        var missing = Run("predict", "--model", PathOf("absent.zip"), "--input", data, "--output", PathOf("p.csv"));

        Assert.Equal(1, corrupt.Exit);
        Assert.Contains("is not a model file: it is not a zip archive", corrupt.Error);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("absent.zip' does not exist", missing.Error);
        Assert.DoesNotContain("   at ", corrupt.Error + missing.Error);
    }

    [Fact]
    public void Predict_WithFeaturesOfTheWrongCount_WhenTheModelKnowsNoNames_IsASchemaMismatchNamingTheSize()
    {
        // A model saved from the library without feature names: predict falls back to every numeric column.
        var ctx = new OversamplingContext(seed: 1);
        DataView pima = EmbeddedDatasets.Load("pima");
        var model = ctx.Transforms.NormalizeMeanVariance().Append(ctx.BinaryClassification.Trainers.LogisticRegression()).Fit(pima);
        ctx.Model.Save(model, PathOf("nameless.zip"));
        string haberman = WriteDataset("haberman", "h.csv");

        var (exit, _, error) = Run("predict", "--model", PathOf("nameless.zip"), "--input", haberman, "--output", PathOf("p.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("Schema mismatch for feature column 'Features': the model expects 8 features", error);
        Assert.Contains("has 4 numeric columns", error);
    }

    [Fact]
    public void Generate_DrawsRowsFromTheSavedDeepGenerator_NamedAsTheTrainingFeatures_ReplayingTheTrainingRows()
    {
        var (model, _) = TrainWith("deep-smote", "glass2", "--option", "MaxEpochs=3");
        string first = PathOf("generated-1.csv"), again = PathOf("generated-2.csv");

        var (exit, output, error) = Run("generate", "--model", model, "--count", "25", "--seed", "3", "--output", first);
        Run("generate", "--model", model, "--count", "25", "--seed", "3", "--output", again);

        Assert.True(exit == 0, error);
        Assert.Contains("generated 25 rows of class 1 with the deep-smote generator", output);
        string[][] rows = ReadCsv(first);
        VectorColumn features = EmbeddedDatasets.Load("glass2").GetVectorColumn("Features");
        Assert.Equal([.. Enumerable.Range(0, features.Size).Select(features.SlotName), "Label"], rows[0]);
        Assert.Equal(26, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.Equal("1", r[^1]));
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(again));

        var (classic, _) = Train("haberman");
        var refused = Run("generate", "--model", classic, "--count", "5", "--output", PathOf("x.csv"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("has no trained generator: train it with --method deep-smote, da-smote or gan", refused.Error);
    }
}
