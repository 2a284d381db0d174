using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

/// <summary>Stratified, repeated cross-validation on ML.NET data views with real ML.NET trainers.</summary>
public sealed class StratifiedCrossValidationTests
{
    private static IEstimator<ITransformer> Logistic(MLContext mlContext) =>
        mlContext.Transforms.NormalizeMinMax("Features")
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());

    [Fact]
    public void Yeast4_folds_are_exact_strata_that_partition_the_rows_and_training_sees_the_rest()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "yeast4", out bool[] labels);
        var recorder = new RecordingEstimator(Logistic(mlContext));

        StratifiedCrossValidationResult<BinaryClassificationMetrics> result =
            mlContext.BinaryClassification.CrossValidateStratified(data, recorder, numberOfFolds: 5, repeats: 3, seed: 1);

        Assert.Equal(51, labels.Count(l => l));
        Assert.Equal(15, result.Folds.Count);
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var seen = new int[labels.Length];
            for (int fold = 0; fold < 5; fold++)
            {
                int index = (repeat * 5) + fold;
                StratifiedFoldResult<BinaryClassificationMetrics> foldResult = result.Folds[index];
                Assert.Equal((repeat, fold), (foldResult.Repeat, foldResult.Fold));
                int[] test = CrossValidationData.RowIds(foldResult.ScoredHoldOutSet);
                int minority = test.Count(r => labels[r]);
                Assert.InRange(minority, 10, 11);
                Assert.InRange(test.Length - minority, 286, 287); // 1433 majority rows over 5 folds
                // ML.NET's evaluation saw exactly these rows: its confusion matrix's positive row is the minority count.
                Assert.Equal(minority, foldResult.Metrics.ConfusionMatrix.Counts[0].Sum());
                Assert.Equal(test.Length, foldResult.Metrics.ConfusionMatrix.Counts.Sum(r => r.Sum()));
                int[] expectedTrain = Enumerable.Range(0, labels.Length).Except(test).ToArray();
                Assert.Equal(expectedTrain, recorder.TrainingRowIds[index]);
                Assert.All(test, r => Assert.Equal(fold, result.TestFoldOfRow(repeat)[r]));
                foreach (int r in test)
                {
                    seen[r]++;
                }

                Assert.True(foldResult.FitSeconds > 0);
            }

            Assert.All(seen, count => Assert.Equal(1, count));
        }

        Assert.NotEqual(result.TestFoldOfRow(0), result.TestFoldOfRow(1));
        Assert.NotEqual(result.TestFoldOfRow(1), result.TestFoldOfRow(2));
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_metrics_and_another_seed_other_folds()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "new-thyroid1", out _);

        var first = mlContext.BinaryClassification.CrossValidateStratified(data, Logistic(mlContext), numberOfFolds: 4, repeats: 2, seed: 7);
        var second = mlContext.BinaryClassification.CrossValidateStratified(data, Logistic(mlContext), numberOfFolds: 4, repeats: 2, seed: 7);
        var other = mlContext.BinaryClassification.CrossValidateStratified(data, Logistic(mlContext), numberOfFolds: 4, repeats: 2, seed: 8);

        for (int repeat = 0; repeat < 2; repeat++)
        {
            Assert.Equal(first.TestFoldOfRow(repeat), second.TestFoldOfRow(repeat));
            Assert.NotEqual(first.TestFoldOfRow(repeat), other.TestFoldOfRow(repeat));
        }

        Assert.Equal(first.Summary["AreaUnderRocCurve"].Values, second.Summary["AreaUnderRocCurve"].Values);
        Assert.Equal(first.Summary["F1Score"].Values, second.Summary["F1Score"].Values);
    }

    [Fact]
    public void The_summary_is_the_mean_and_sample_std_of_the_fold_metrics()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "haberman", out _);

        var result = mlContext.BinaryClassification.CrossValidateStratified(data, Logistic(mlContext), numberOfFolds: 3, repeats: 2, seed: 3);

        var expected = new Dictionary<string, Func<BinaryClassificationMetrics, double>>
        {
            ["AreaUnderRocCurve"] = m => m.AreaUnderRocCurve,
            ["AreaUnderPrecisionRecallCurve"] = m => m.AreaUnderPrecisionRecallCurve,
            ["F1Score"] = m => m.F1Score,
            ["PositivePrecision"] = m => m.PositivePrecision,
            ["PositiveRecall"] = m => m.PositiveRecall,
            ["Accuracy"] = m => m.Accuracy,
            ["GeometricMean"] = m => m.GeometricMean,
            ["BalancedAccuracy"] = m => m.BalancedAccuracy,
            ["MatthewsCorrelation"] = m => m.MatthewsCorrelation,
            ["LogLoss"] = m => ((CalibratedBinaryClassificationMetrics)m).LogLoss,
        };
        foreach ((string name, Func<BinaryClassificationMetrics, double> of) in expected)
        {
            double[] values = result.Folds.Select(f => of(f.Metrics)).ToArray();
            double mean = values.Sum() / values.Length;
            double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            Assert.Equal(values, result.Summary[name].Values);
            Assert.Equal(mean, result.Summary[name].Mean, 1e-12);
            Assert.Equal(std, result.Summary[name].StandardDeviation, 1e-12);
        }

        Assert.True(result.Summary["AreaUnderRocCurve"].StandardDeviation > 0);
    }

    [Fact]
    public void FastTree_and_logistic_regression_learn_yeast4_under_stratified_folds()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "yeast4", out _);
        IEstimator<ITransformer> fastTree = mlContext.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 30, minimumExampleCountPerLeaf: 5);

        var trees = mlContext.BinaryClassification.CrossValidateStratified(data, fastTree, numberOfFolds: 5, seed: 1);
        var logistic = mlContext.BinaryClassification.CrossValidateStratified(data, Logistic(mlContext), numberOfFolds: 5, seed: 1);

        // Both learn far above chance (0.5) on every fold; the calibrated FastTree output also yields LogLoss.
        Assert.All(trees.Folds, f => Assert.True(f.Metrics.AreaUnderRocCurve > 0.7, $"FastTree fold AUC {f.Metrics.AreaUnderRocCurve}"));
        Assert.All(logistic.Folds, f => Assert.True(f.Metrics.AreaUnderRocCurve > 0.7, $"Logistic fold AUC {f.Metrics.AreaUnderRocCurve}"));
        Assert.True(trees.Summary.ContainsKey("LogLoss"));
        Assert.IsType<CalibratedBinaryClassificationMetrics>(trees.Folds[0].Metrics);
        Assert.Equal(trees.TestFoldOfRow(0), logistic.TestFoldOfRow(0));
    }

    [Fact]
    public void A_non_calibrated_trainer_is_evaluated_with_EvaluateNonCalibrated()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "pima", out _);
        IEstimator<ITransformer> svm = mlContext.Transforms.NormalizeMinMax("Features")
            .Append(mlContext.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 5));

        var result = mlContext.BinaryClassification.CrossValidateStratified(data, svm, numberOfFolds: 3, seed: 1);

        Assert.All(result.Folds, f => Assert.IsNotType<CalibratedBinaryClassificationMetrics>(f.Metrics));
        Assert.False(result.Summary.ContainsKey("LogLoss"));
        Assert.True(result.Summary["AreaUnderRocCurve"].Mean > 0.7);
    }

    [Fact]
    public void Multiclass_with_a_key_label_gets_exact_strata_per_class()
    {
        var mlContext = new MLContext(seed: 1);
        int[] sizes = [200, 60, 17];
        IDataView data = CrossValidationData.Multiclass(mlContext, sizes, seed: 5, out int[] classes);
        IEstimator<ITransformer> trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy();

        StratifiedCrossValidationResult<MulticlassClassificationMetrics> result =
            mlContext.MulticlassClassification.CrossValidateStratified(data, trainer, numberOfFolds: 5, repeats: 2, seed: 4);

        Assert.Equal(10, result.Folds.Count);
        foreach (StratifiedFoldResult<MulticlassClassificationMetrics> fold in result.Folds)
        {
            int[] test = CrossValidationData.RowIds(fold.ScoredHoldOutSet);
            for (int c = 0; c < sizes.Length; c++)
            {
                int count = test.Count(r => classes[r] == c);
                Assert.InRange(count, sizes[c] / 5, (sizes[c] + 4) / 5);
                Assert.Equal(count, fold.Metrics.ConfusionMatrix.Counts[c].Sum());
            }

            Assert.True(fold.Metrics.MicroAccuracy > 0.8, $"fold accuracy {fold.Metrics.MicroAccuracy}");
        }

        foreach (string name in new[] { "MicroAccuracy", "MacroAccuracy", "LogLoss", "GeometricMean", "BalancedAccuracy", "MatthewsCorrelation" })
        {
            Assert.Equal(result.Folds.Select(f => name switch
            {
                "MicroAccuracy" => f.Metrics.MicroAccuracy,
                "MacroAccuracy" => f.Metrics.MacroAccuracy,
                "LogLoss" => f.Metrics.LogLoss,
                "GeometricMean" => f.Metrics.GeometricMean,
                "BalancedAccuracy" => f.Metrics.BalancedAccuracy,
                _ => f.Metrics.MatthewsCorrelation,
            }), result.Summary[name].Values);
        }
    }

    [Fact]
    public void A_missing_or_mistyped_label_column_is_named_as_ML_NET_names_it()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "haberman", out _);
        IEstimator<ITransformer> trainer = Logistic(mlContext);

        var missing = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.BinaryClassification.CrossValidateStratified(data, trainer, labelColumnName: "Outcome"));
        var mistyped = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.BinaryClassification.CrossValidateStratified(data, trainer, labelColumnName: "RowId"));
        var notKey = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.MulticlassClassification.CrossValidateStratified(data, mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy()));

        Assert.StartsWith("Could not find label column 'Outcome'", missing.Message);
        Assert.StartsWith("Schema mismatch for label column 'RowId': expected Boolean, got Single", mistyped.Message);
        Assert.StartsWith("Schema mismatch for label column 'Label': expected known-cardinality key type, got Boolean", notKey.Message);
    }

    [Fact]
    public void Too_few_rows_of_a_class_too_few_folds_or_no_repeat_are_refused()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = CrossValidationData.Embedded(mlContext, "glass2", out bool[] labels);
        IEstimator<ITransformer> trainer = Logistic(mlContext);

        var tooFewRows = Assert.Throws<ArgumentException>(() =>
            mlContext.BinaryClassification.CrossValidateStratified(data, trainer, numberOfFolds: 18));
        var oneFold = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.BinaryClassification.CrossValidateStratified(data, trainer, numberOfFolds: 1));
        var noRepeat = Assert.Throws<ArgumentOutOfRangeException>(() =>
            mlContext.BinaryClassification.CrossValidateStratified(data, trainer, repeats: 0));

        Assert.Equal(17, labels.Count(l => l));
        Assert.StartsWith("Class true of label column 'Label' has 17 rows, fewer than the 18 folds", tooFewRows.Message);
        Assert.Equal("numberOfFolds", oneFold.ParamName);
        Assert.Equal("repeats", noRepeat.ParamName);
        // 17 folds is the most glass2's minority class allows.
        Assert.Equal(17, mlContext.BinaryClassification.CrossValidateStratified(data, trainer, numberOfFolds: 17).Folds.Count);
    }
}
