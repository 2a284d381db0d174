using System.Text.Json;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Tests.Fixtures;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

/// <summary>G-mean, balanced accuracy and MCC on ML.NET's own evaluation results, against scikit-learn's values.</summary>
public sealed class ImbalanceMetricsTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> BinaryCases() => new(ReadBinaryCases().Select(c => c.GetProperty("name").GetString()!));

    public static TheoryData<string> MulticlassCases() => new(ReadMulticlassCases().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_metrics_from_ML_NET_evaluation_match_scikit_learn(string name)
    {
        JsonElement fixture = ReadBinaryCases().Single(c => c.GetProperty("name").GetString() == name);
        JsonElement expected = fixture.GetProperty("expected");
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(BinaryRows(fixture));

        CalibratedBinaryClassificationMetrics calibrated = mlContext.BinaryClassification.Evaluate(data);
        BinaryClassificationMetrics nonCalibrated = mlContext.BinaryClassification.EvaluateNonCalibrated(data);

        foreach (BinaryClassificationMetrics metrics in new[] { calibrated, nonCalibrated })
        {
            // ML.NET's own threshold-based metrics agree with the fixture, so both describe the same predictions.
            Assert.Equal(expected.GetProperty("PositiveRecall").GetDouble(), metrics.PositiveRecall, Tolerance);
            Assert.Equal(expected.GetProperty("NegativeRecall").GetDouble(), metrics.NegativeRecall, Tolerance);
            Assert.Equal(expected.GetProperty("GeometricMean").GetDouble(), metrics.GeometricMean, Tolerance);
            Assert.Equal(expected.GetProperty("BalancedAccuracy").GetDouble(), metrics.BalancedAccuracy, Tolerance);
            Assert.Equal(expected.GetProperty("MatthewsCorrelation").GetDouble(), metrics.MatthewsCorrelation, Tolerance);
            Assert.Equal(metrics.GeometricMean, metrics.ConfusionMatrix.GeometricMean);
        }
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void Multiclass_metrics_from_ML_NET_evaluation_match_scikit_learn(string name)
    {
        JsonElement fixture = ReadMulticlassCases().Single(c => c.GetProperty("name").GetString() == name);
        JsonElement expected = fixture.GetProperty("expected");
        int classes = fixture.GetProperty("classes").GetInt32();
        int[] truth = fixture.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        int[] predicted = fixture.GetProperty("predicted").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var mlContext = new MLContext(seed: 1);
        IDataView data = MulticlassView(mlContext, classes, truth, predicted);

        MulticlassClassificationMetrics metrics = mlContext.MulticlassClassification.Evaluate(data);

        Assert.Equal(truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length, metrics.MicroAccuracy, Tolerance);
        Assert.Equal(expected.GetProperty("GeometricMean").GetDouble(), metrics.GeometricMean, Tolerance);
        Assert.Equal(expected.GetProperty("BalancedAccuracy").GetDouble(), metrics.BalancedAccuracy, Tolerance);
        Assert.Equal(expected.GetProperty("MatthewsCorrelation").GetDouble(), metrics.MatthewsCorrelation, Tolerance);
    }

    [Fact]
    public void Binary_metrics_follow_the_textbook_formulas_of_the_confusion_counts()
    {
        // 7 TP, 3 FN, 12 FP, 78 TN.
        var rows = new List<BinaryRow>();
        rows.AddRange(Enumerable.Repeat(new BinaryRow { Label = true, Score = 1, PredictedLabel = true }, 7));
        rows.AddRange(Enumerable.Repeat(new BinaryRow { Label = true, Score = -1, PredictedLabel = false }, 3));
        rows.AddRange(Enumerable.Repeat(new BinaryRow { Label = false, Score = 1, PredictedLabel = true }, 12));
        rows.AddRange(Enumerable.Repeat(new BinaryRow { Label = false, Score = -1, PredictedLabel = false }, 78));
        var mlContext = new MLContext(seed: 1);

        BinaryClassificationMetrics metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(mlContext.Data.LoadFromEnumerable(rows));

        double tp = 7, fn = 3, fp = 12, tn = 78;
        double tpr = tp / (tp + fn), tnr = tn / (tn + fp);
        Assert.Equal(Math.Sqrt(tpr * tnr), metrics.GeometricMean, Tolerance);
        Assert.Equal((tpr + tnr) / 2, metrics.BalancedAccuracy, Tolerance);
        Assert.Equal(((tp * tn) - (fp * fn)) / Math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)), metrics.MatthewsCorrelation, Tolerance);
    }

    private static IEnumerable<BinaryRow> BinaryRows(JsonElement fixture)
    {
        int[] labels = fixture.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        float[] scores = fixture.GetProperty("scores").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        // The fixture predicts positive above a score of 0, and its probabilities are the logistic of the score.
        return labels.Select((label, i) => new BinaryRow
        {
            Label = label == 1,
            Score = scores[i],
            Probability = (float)(1 / (1 + Math.Exp(-scores[i]))),
            PredictedLabel = scores[i] > 0,
        }).ToList();
    }

    private static IDataView MulticlassView(MLContext mlContext, int classes, int[] truth, int[] predicted)
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(MulticlassRow));
        schema[nameof(MulticlassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        schema[nameof(MulticlassRow.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        schema[nameof(MulticlassRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes);
        // LoadFromEnumerable takes a key column's C# values as 0-based class indices; the score puts all mass on the
        // predicted class.
        IEnumerable<MulticlassRow> rows = truth.Select((t, i) => new MulticlassRow
        {
            Label = (uint)t,
            PredictedLabel = (uint)predicted[i],
            Score = Enumerable.Range(0, classes).Select(c => c == predicted[i] ? 1f : 0f).ToArray(),
        }).ToList();
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    private static JsonElement[] ReadBinaryCases() => Read("metrics_sklearn.json");

    private static JsonElement[] ReadMulticlassCases() => Read("metrics_multiclass_sklearn.json");

    private static JsonElement[] Read(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(FixturePath.Of(file)));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }

    private sealed class MulticlassRow
    {
        public uint Label { get; set; }

        public uint PredictedLabel { get; set; }

        public float[] Score { get; set; } = [];
    }
}
