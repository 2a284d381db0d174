namespace Microsoft.ML.Oversampling.Reporting.Tests;

public sealed class BinaryCurvesTests
{
    [Fact]
    public void Perfect_ranking_has_unit_areas_and_passes_through_the_corner()
    {
        var curves = BinaryCurves.FromScores([true, true, false, false], [0.9f, 0.8f, 0.2f, 0.1f]);

        Assert.Equal(1.0, curves.Roc.Area, 12);
        Assert.Equal(1.0, curves.PrecisionRecall.Area, 12);
        Assert.Contains(Enumerable.Range(0, curves.Roc.X.Length), i => curves.Roc.X[i] == 0 && curves.Roc.Y[i] == 1);
        Assert.Equal((1.0, 1.0), (curves.Roc.X[^1], curves.Roc.Y[^1]));
    }

    [Fact]
    public void Areas_match_hand_computed_values_and_ties_form_one_step()
    {
        // Ranked: 0.9 T, 0.7 F, 0.7 T (tie), 0.2 F. ROC points (0,0) (0,.5) (.5,1) (1,1): AUC 0.875 (the tie counts half).
        // PR: recall .5 at precision 1, recall 1 at precision 2/3: AP = .5 * 1 + .5 * 2/3.
        var curves = BinaryCurves.FromScores([true, false, true, false], [0.9f, 0.7f, 0.7f, 0.2f]);

        Assert.Equal([0, 0, 0.5, 1], curves.Roc.X);
        Assert.Equal([0, 0.5, 1, 1], curves.Roc.Y);
        Assert.Equal(0.875, curves.Roc.Area, 12);
        Assert.Equal(0.5 + (0.5 * 2 / 3.0), curves.PrecisionRecall.Area, 12);
        Assert.Equal((2, 2), (curves.Positives, curves.Negatives));
    }

    [Fact]
    public void Cross_validation_curves_pool_every_test_fold_and_agree_with_the_folds_auc()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ReportTestData.Load(ml, "new-thyroid1");
        var cv = ml.BinaryClassification.CrossValidateStratified(
            data, ml.BinaryClassification.Trainers.LbfgsLogisticRegression(), numberOfFolds: 3, repeats: 1, seed: 1);

        var curves = BinaryCurves.FromCrossValidation(cv);

        Assert.Equal((35, 180), (curves.Positives, curves.Negatives));
        // Pooled AUC is not the mean of fold AUCs, but on a well-separated dataset they are close.
        Assert.InRange(curves.Roc.Area, cv.Summary["AreaUnderRocCurve"].Mean - 0.05, cv.Summary["AreaUnderRocCurve"].Mean + 0.05);
        // A single fold's curve gives ML.NET's own AUC exactly.
        var fold = BinaryCurves.FromScoredData(cv.Folds[0].ScoredHoldOutSet);
        Assert.Equal(cv.Folds[0].Metrics.AreaUnderRocCurve, fold.Roc.Area, 9);
    }

    [Fact]
    public void One_class_only_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => BinaryCurves.FromScores([true, true], [0.1f, 0.2f]));
        Assert.Throws<ArgumentException>(() => BinaryCurves.FromScores([true, false], [0.1f]));
    }
}
