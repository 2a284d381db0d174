using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Tests.MLNet;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>The deep MLP classifier as an ML.NET binary and multiclass trainer.</summary>
public sealed class DeepMlpTrainerTests
{
    [Fact]
    public void Binary_LearnsTwoGaussians_NearTheBayesAccuracy_ThroughEvaluate()
    {
        var ml = new MLContext(seed: 1);
        // ‖μ‖ = 2: the Bayes accuracy is Φ(2) = 0.9772. On 2,000 test rows an accuracy estimate has standard deviation
        // √(0.977·0.023/2000) = 0.0034; a boundary learned from 1,000 rows loses about 0.005 more (the direction error
        // of a near-linear boundary). 0.955 is 5 standard deviations under Φ(2) minus that loss; chance is 0.5.
        IDataView train = DeepMlpTestData.Binary(ml, 1000, 2, seed: 1);
        IDataView test = DeepMlpTestData.Binary(ml, 2000, 2, seed: 2);
        using DeepMlpTransformer model = ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 30, seed: 5).Fit(train);
        CalibratedBinaryClassificationMetrics metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
        Assert.InRange(DeepMlpTestData.NormalCdf(2), 0.9772, 0.9773);
        Assert.InRange(metrics.Accuracy, 0.955, DeepMlpTestData.NormalCdf(2) + (5 * 0.0034));
        Assert.InRange(metrics.AreaUnderRocCurve, 0.99, 1.0);
        Assert.Equal(30, model.Model.TrainingLoss.Count);
        Assert.True(model.Model.TrainingLoss[^1] < model.Model.TrainingLoss[0]);
        Assert.Equal(5, model.Model.Seed);
    }

    [Fact]
    public void Multiclass_LearnsThreeGaussians_ThroughEvaluate_WithKeyPredictions()
    {
        var ml = new MLContext(seed: 1);
        // Centres 6 apart with unit variance: each pair's Bayes boundary is 3 standard deviations from both centres,
        // so the Bayes error is at most 2·Φ(−3) = 0.0027 per class (union bound). On 3,000 test rows 0.99 leaves
        // 0.007 for estimation (standard deviation 0.001) and learning.
        IDataView train = DeepMlpTestData.ThreeClasses(ml, 900, 6, seed: 1);
        IDataView test = DeepMlpTestData.ThreeClasses(ml, 3000, 6, seed: 2);
        using DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(maxEpoch: 40, seed: 5).Fit(train);
        IDataView scored = model.Transform(test);
        MulticlassClassificationMetrics metrics = ml.MulticlassClassification.Evaluate(scored);
        Assert.InRange(metrics.MacroAccuracy, 0.99, 1.0);
        Assert.Equal(3, model.Model.ClassCount);

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Score"].Type);
        Assert.Equal(3UL, Assert.IsType<KeyDataViewType>(scored.Schema["PredictedLabel"].Type).Count);
        Assert.Null(scored.Schema.GetColumnOrNull("DeepMlp.Probabilities"));
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        scored.Schema["PredictedLabel"].GetKeyValues(ref keyValues);
        Assert.Equal(["circle", "square", "triangle"], keyValues.DenseValues().Select(v => v.ToString()));
        float[][] scores = [.. scored.GetColumn<float[]>("Score")];
        uint[] predicted = [.. scored.GetColumn<uint>("PredictedLabel")];
        for (int i = 0; i < scores.Length; i++)
        {
            Assert.InRange(scores[i].Sum(), 1 - 1e-6, 1 + 1e-6);
            Assert.Equal(Array.IndexOf(scores[i], scores[i].Max()) + 1, (int)predicted[i]);
        }
    }

    [Fact]
    public void SameSeed_GivesTheSameBits_AndAnotherSeedDoesNot()
    {
        var ml = new MLContext(seed: 1);
        IDataView train = DeepMlpTestData.Binary(ml, 300, 1, seed: 3);
        var options = new DeepMlpOptions { MaxEpoch = 5, BatchSize = 32, Seed = 11, Dropout = 0.2, WeightDecay = 1e-4, HiddenLayerSizes = [16, 8] };
        byte[] first = ml.BinaryClassification.Trainers.DeepMlp(options).Fit(train).Model.ToOnnx();
        byte[] second = ml.BinaryClassification.Trainers.DeepMlp(options).Fit(train).Model.ToOnnx();
        options.Seed = 12;
        byte[] other = ml.BinaryClassification.Trainers.DeepMlp(options).Fit(train).Model.ToOnnx();
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ValidationSet_StopsEarly_AndKeepsTheBestEpoch()
    {
        var ml = new MLContext(seed: 1);
        IDataView train = DeepMlpTestData.Binary(ml, 200, 1, seed: 3);
        IDataView validation = DeepMlpTestData.Binary(ml, 200, 1, seed: 4);
        // Learning rate 0.05 and 64 units on 200 noisy rows (Bayes accuracy Φ(1) = 0.84) overfit: the validation loss
        // reaches its minimum and rises again, so patience 5 stops the fit long before 500 epochs.
        DeepMlpModel model = ml.BinaryClassification.Trainers.DeepMlp(new DeepMlpOptions
        {
            MaxEpoch = 500, LearningRate = 0.05, BatchSize = 16, Seed = 2, ValidationSet = validation, EarlyStoppingPatience = 5,
        }).Fit(train).Model;
        Assert.True(model.TrainingLoss.Count < 500, $"ran {model.TrainingLoss.Count} epochs");
        Assert.Equal(model.TrainingLoss.Count, model.ValidationLoss.Count);
        Assert.Equal(model.TrainingLoss.Count - 1 - 5, model.BestEpoch);
        Assert.Equal(model.ValidationLoss.Min(), model.ValidationLoss[model.BestEpoch]);
    }

    [Fact]
    public void PredictionEngine_ScoresOneRowAsTheBatchTransformDoes()
    {
        var ml = new MLContext(seed: 1);
        IDataView train = DeepMlpTestData.Binary(ml, 200, 1, seed: 3);
        using DeepMlpTransformer model = ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 2, seed: 1).Fit(train);
        BinaryRow[] rows = MLNetTestData.Read(ml, train, 2);
        float[] batch = [.. model.Transform(train).GetColumn<float>("Score")];
        var engine = ml.Model.CreatePredictionEngine<BinaryRow, BinaryPrediction>(model, inputSchemaDefinition: MLNetTestData.Schema(2));
        for (int i = 0; i < 20; i++)
        {
            BinaryPrediction prediction = engine.Predict(rows[i]);
            Assert.Equal(batch[i], prediction.Score);
            Assert.Equal(prediction.Score > 0, prediction.PredictedLabel);
            Assert.Equal((float)(1 / (1 + Math.Exp(-prediction.Score))), prediction.Probability);
        }
    }

    [Fact]
    public void StratifiedCrossValidation_RunsTheTrainerUnchanged()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "yeast4");
        var pipeline = ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.Transforms.Oversampling.Smote(seed: 3))
            .Append(ml.BinaryClassification.Trainers.DeepMlp(maxEpoch: 5, seed: 1));
        var result = ml.BinaryClassification.CrossValidateStratified(data, pipeline, numberOfFolds: 3, seed: 1);
        Assert.Equal(3, result.Folds.Count);
        // yeast4 has 51 positives in 1,484 rows: a classifier that learns nothing has AUC 0.5; its features separate
        // the classes well (FastTree reaches about 0.9), and a 5-epoch MLP on SMOTE-balanced data does better than chance.
        Assert.All(result.Folds, f => Assert.InRange(f.Metrics.AreaUnderRocCurve, 0.7, 1.0));
    }
}
