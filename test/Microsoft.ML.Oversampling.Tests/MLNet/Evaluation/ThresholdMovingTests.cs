using System.Text.Json;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;
using Microsoft.ML.Oversampling.Tests.Fixtures;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

public sealed class ThresholdMovingTests
{
    [Theory]
    [InlineData("continuous_imbalanced", ThresholdObjective.GeometricMean)]
    [InlineData("continuous_imbalanced", ThresholdObjective.F1Score)]
    [InlineData("many_ties", ThresholdObjective.MatthewsCorrelation)]
    [InlineData("many_ties", ThresholdObjective.BalancedAccuracy)]
    [InlineData("constant_scores", ThresholdObjective.GeometricMean)]
    public void The_threshold_beats_every_split_of_the_scores_and_ML_NET_agrees_on_its_value(string name, ThresholdObjective objective)
    {
        (bool[] labels, float[] scores) = FixtureCase(name);
        var mlContext = new MLContext(seed: 1);
        IDataView scored = mlContext.Data.LoadFromEnumerable(labels.Select((l, i) => new Row { Label = l, Score = scores[i] }).ToList());

        BinaryThreshold found = mlContext.BinaryClassification.FindThreshold(scored, objective);

        // ML.NET's evaluator predicts positive where the score is above 0, so shifting the scores by the threshold makes
        // it report the metric at the threshold (for distinct floats, s > t exactly when s − t > 0).
        var shifted = labels.Select((l, i) => new Row { Label = l, Score = scores[i] - found.Threshold }).ToList();
        BinaryClassificationMetrics metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(mlContext.Data.LoadFromEnumerable(shifted));
        double reported = objective switch
        {
            ThresholdObjective.GeometricMean => metrics.GeometricMean,
            ThresholdObjective.BalancedAccuracy => metrics.BalancedAccuracy,
            ThresholdObjective.MatthewsCorrelation => metrics.MatthewsCorrelation,
            _ => metrics.F1Score,
        };
        Assert.Equal(reported, found.Value, 1e-12);
        Assert.Equal(objective, found.Objective);

        // No split "score ≥ s is positive" (nor "nothing positive") does better, by the textbook formulas.
        foreach (float s in scores.Distinct().Append(float.PositiveInfinity))
        {
            Assert.True(Textbook(objective, labels, scores.Select(x => x >= s).ToArray()) <= found.Value + 1e-12, $"split at {s}");
        }
    }

    [Fact]
    public void Moving_a_logistic_model_to_its_G_mean_threshold_reaches_that_G_mean_in_ML_NET()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "yeast4", out _);
        TransformerChain<BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>> model =
            mlContext.Transforms.NormalizeMinMax("Features").Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()).Fit(data);
        IDataView scored = model.Transform(data);

        BinaryThreshold found = mlContext.BinaryClassification.FindThreshold(scored);
        var moved = mlContext.BinaryClassification.ChangeModelThreshold(model.LastTransformer, found.Threshold);
        IDataView rescored = moved.Transform(model.First().Transform(data));

        bool[] labels = rescored.GetColumn<bool>("Label").ToArray();
        bool[] movedPredictions = rescored.GetColumn<bool>("PredictedLabel").ToArray();
        bool[] defaultPredictions = scored.GetColumn<bool>("PredictedLabel").ToArray();
        Assert.Equal(found.Value, Textbook(ThresholdObjective.GeometricMean, labels, movedPredictions), 1e-12);
        Assert.True(found.Value > Textbook(ThresholdObjective.GeometricMean, labels, defaultPredictions));
        Assert.True(found.Threshold < 0, "yeast4's 1:28 imbalance pulls the threshold below ML.NET's default of 0");
        // ML.NET's evaluator ignores the model's threshold (it tests Score > 0), so its metrics do not move with it.
        Assert.Equal(mlContext.BinaryClassification.Evaluate(scored).F1Score, mlContext.BinaryClassification.Evaluate(rescored).F1Score);
    }

    [Fact]
    public void A_missing_score_column_is_named()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "haberman", out _);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.BinaryClassification.FindThreshold(data));

        Assert.StartsWith("Could not find score column 'Score'", error.Message);
    }

    private static double Textbook(ThresholdObjective objective, bool[] labels, bool[] predicted)
    {
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i]) { if (predicted[i]) { tp++; } else { fn++; } }
            else if (predicted[i]) { fp++; }
            else { tn++; }
        }

        double tpr = tp / (tp + fn), tnr = tn / (tn + fp);
        double mccDenominator = Math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return objective switch
        {
            ThresholdObjective.GeometricMean => Math.Sqrt(tpr * tnr),
            ThresholdObjective.BalancedAccuracy => (tpr + tnr) / 2,
            ThresholdObjective.MatthewsCorrelation => mccDenominator == 0 ? 0 : ((tp * tn) - (fp * fn)) / mccDenominator,
            _ => tp == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn),
        };
    }

    private static (bool[] Labels, float[] Scores) FixtureCase(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(FixturePath.Of("metrics_sklearn.json")));
        JsonElement fixture = document.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        return (fixture.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray(),
            fixture.GetProperty("scores").EnumerateArray().Select(v => v.GetSingle()).ToArray());
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        // Required by the evaluator's schema, but not read by it.
        public bool PredictedLabel { get; set; }
    }
}
