using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>The first form: a sampler appended to an ML.NET pipeline acts while the pipeline is fitted, and only then.</summary>
public sealed class SamplerInChainTests
{
    // yeast4: 1484 rows, 51 minority; "auto" grows the minority to the majority's 1433 rows.
    private const int Rows = 1484, Minority = 51, Majority = Rows - Minority;

    public static TheoryData<string> Trainers => new() { "fasttree", "logistic" };

    private static IEstimator<ITransformer> Trainer(MLContext ml, string name) => name switch
    {
        "fasttree" => ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20, minimumExampleCountPerLeaf: 5),
        _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(),
    };

    [Theory]
    [MemberData(nameof(Trainers))]
    public void TrainerSeesTheResampledRows_ScoringSeesTheInputRows(string trainer)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "yeast4");
        var probe = new RowCountingEstimator();
        var pipeline = ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.Transforms.Oversampling.Smote(seed: 3))
            .Append(probe)
            .Append(Trainer(ml, trainer));

        var model = pipeline.Fit(data);

        Assert.Equal([(2L * Majority, (long)Majority)], probe.Fits);
        IDataView scored = model.Transform(data);
        Assert.Equal(Rows, MLNetTestData.CountRows(scored));
        Assert.Equal(ml.Data.CreateEnumerable<BinaryRow>(data, false, schemaDefinition: MLNetTestData.Schema(8)).Select(r => r.Id),
            scored.GetColumn<int>("Id"));
        CalibratedBinaryClassificationMetrics metrics = ml.BinaryClassification.Evaluate(scored);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.75, 1.0); // yeast4 is learnable: a broken pipeline scores ~0.5
    }

    [Fact]
    public void SamplerFirstInTheChain_StillActsOnlyWhileFitting()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "yeast4");
        var probe = new RowCountingEstimator();
        var model = ml.Transforms.Oversampling.RandomOverSampler(seed: 2).Append(probe).Fit(data);

        Assert.Equal(2L * Majority, probe.Fits.Single().Rows);
        Assert.Equal(Rows, MLNetTestData.CountRows(model.Transform(data))); // the very instance it was fitted on: identity now
    }

    [Fact]
    public void PredictionEngineWorksAndAgreesWithTransform()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        IDataView data = MLNetTestData.Load(ml, rows, 8);
        ITransformer model = MLNetTestData.FitSmoteFastTree(ml, data);

        var engine = ml.Model.CreatePredictionEngine<BinaryRow, BinaryPrediction>(model, inputSchemaDefinition: MLNetTestData.Schema(8));
        float[] batchScores = model.Transform(data).GetColumn<float>("Score").ToArray();
        for (int i = 0; i < rows.Length; i += 97)
        {
            Assert.Equal(batchScores[i], engine.Predict(rows[i]).Score);
        }
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void MLNetCrossValidate_TestFoldsCarryNoSyntheticRows(string trainer)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "yeast4");
        var probe = new RowCountingEstimator();
        var pipeline = ml.Transforms.Oversampling.Smote(seed: 3).Append(probe).Append(Trainer(ml, trainer));

        var folds = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);

        long tested = 0, positives = 0;
        var seen = new HashSet<int>();
        foreach (var fold in folds)
        {
            int[] ids = fold.ScoredHoldOutSet.GetColumn<int>("Id").ToArray();
            Assert.All(ids, id => Assert.True(seen.Add(id), $"row {id} is in two test folds or twice in one"));
            tested += ids.Length;
            positives += fold.ScoredHoldOutSet.GetColumn<bool>("Label").Count(l => l);
        }

        Assert.Equal(Rows, tested); // the test folds partition the original rows: no synthetic row among them
        Assert.Equal(Minority, positives);
        Assert.Equal(5, probe.Fits.Count);
        Assert.All(probe.Fits, fit => Assert.Equal(fit.Rows, 2 * fit.Positives)); // each training fold was balanced
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void StratifiedCrossValidate_OversamplesTrainingFoldsOnly(string trainer)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "yeast4");
        var probe = new RowCountingEstimator();
        var pipeline = ml.Transforms.Oversampling.Smote(seed: 3).Append(probe).Append(Trainer(ml, trainer));

        var result = ml.BinaryClassification.CrossValidateStratified(data, pipeline, numberOfFolds: 5, repeats: 2, seed: 1);

        for (int repeat = 0; repeat < 2; repeat++)
        {
            var folds = result.Folds.Where(f => f.Repeat == repeat).ToArray();
            int[] ids = folds.SelectMany(f => f.ScoredHoldOutSet.GetColumn<int>("Id")).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, Rows), ids); // each original row tested once, no synthetic row
            Assert.All(folds, f => Assert.InRange(f.ScoredHoldOutSet.GetColumn<bool>("Label").Count(l => l), 10, 11));
        }

        Assert.Equal(10, probe.Fits.Count);
        Assert.All(probe.Fits, fit => Assert.Equal(fit.Rows, 2 * fit.Positives)); // every training fold balanced
        Assert.All(probe.Fits, fit => Assert.InRange(fit.Positives, 1146, 1147)); // 4/5 of the 1433 majority rows
    }
}
