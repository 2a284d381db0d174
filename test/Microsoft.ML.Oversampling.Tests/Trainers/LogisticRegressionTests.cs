using System.Text.Json;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Tests.Fixtures;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Tests.Trainers;

[Collection(ParallelismCollection.Name)]
public class LogisticRegressionTests
{
    [Theory]
    [InlineData("pima")]
    [InlineData("breast_cancer")]
    [InlineData("haberman")]
    public void SolutionMatchesScikitLearn(string dataset)
    {
        JsonElement c = JsonDocument.Parse(File.ReadAllText(FixturePath.Of("logistic_sklearn.json"))).RootElement
            .EnumerateArray().Single(e => e.GetProperty("dataset").GetString() == dataset);
        DataView data = EmbeddedDatasets.Load(dataset);
        DenseMatrix x = data.GetVectorColumn("Features").ToMatrix();
        bool[] y = data.GetColumn<bool>("Label").Values.ToArray();

        LinearBinaryModel model = LogisticRegression.Train(x, y, new LogisticRegressionOptions { L2Regularization = c.GetProperty("l2").GetDouble(), OptimizationTolerance = 1e-10 });

        // Both minimise the same strictly convex objective. Ours must reach at least sklearn's value (sklearn's
        // lbfgs stops short on badly scaled features, e.g. breast_cancer: 2450 iterations and still above the minimum).
        double lambda = c.GetProperty("l2").GetDouble();
        var scores = new float[x.Rows];
        model.Score(x, scores);
        double ours = scores.Select((s, i) => Math.Log(1 + Math.Exp(y[i] ? -s : s))).Sum() + (0.5 * lambda * model.Weights.Sum(w => (double)w * w));
        double theirs = c.GetProperty("objective").GetDouble();
        Assert.True(ours <= theirs * (1 + 1e-6), $"objective: ours {ours}, sklearn {theirs}");

        // Where sklearn converged in few iterations its solution is the minimiser, so the fitted probabilities agree up
        // to float32 weights: 1e-3 is far below anything a metric can see.
        if (c.GetProperty("n_iter").GetInt32() < 1000)
        {
            double[] expected = c.GetProperty("probabilities").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double worst = expected.Select((p, i) => Math.Abs(p - (1 / (1 + Math.Exp(-scores[i]))))).Max();
            Assert.True(worst < 1e-3, $"largest probability difference {worst}");
        }
    }

    [Fact]
    public void ResultIsBitIdenticalWhateverTheThreadCount()
    {
        // Enough rows for several gradient blocks.
        var random = new DeterministicRandom(4);
        var x = new DenseMatrix(9000, 12);
        var y = new bool[9000];
        for (int i = 0; i < x.Rows; i++)
        {
            for (int j = 0; j < x.Columns; j++)
            {
                x[i, j] = (float)random.NextGaussian();
            }

            y[i] = x[i, 0] + (0.5 * x[i, 1]) + random.NextGaussian() > 0;
        }

        int saved = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var single = LogisticRegression.Train(x, y);
            Parallelism.MaxDegreeOfParallelism = 2;
            var dual = LogisticRegression.Train(x, y);
            Assert.Equal(single.Weights, dual.Weights);
            Assert.Equal(single.Bias, dual.Bias);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = saved;
        }
    }

    [Fact]
    public void StrongerPenaltyShrinksWeights()
    {
        DataView data = EmbeddedDatasets.Load("pima");
        DenseMatrix x = data.GetVectorColumn("Features").ToMatrix();
        bool[] y = data.GetColumn<bool>("Label").Values.ToArray();
        double Norm(LinearBinaryModel m) => Math.Sqrt(m.Weights.Sum(w => (double)w * w));
        Assert.True(Norm(LogisticRegression.Train(x, y, new() { L2Regularization = 1000 })) < Norm(LogisticRegression.Train(x, y, new() { L2Regularization = 0.01 })));
    }

    [Fact]
    public void TrainerRejectsBadInputWithClearMessages()
    {
        var ctx = new OversamplingContext(1);
        var trainer = ctx.BinaryClassification.Trainers.LogisticRegression();
        var oneClass = ctx.Data.LoadFromArrays(new float[,] { { 1 }, { 2 } }, [true, true]);
        Assert.Contains("single class", Assert.Throws<ArgumentException>(() => trainer.Fit(oneClass)).Message);

        var withNaN = ctx.Data.LoadFromArrays(new float[,] { { 1 }, { float.NaN } }, [true, false]);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => trainer.Fit(withNaN)).Message);

        var noLabel = withNaN.DropColumns("Label");
        Assert.Contains("Could not find label column 'Label'", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(noLabel)).Message);

        var intLabels = ctx.Data.LoadFromArrays(new DenseMatrix(2, 1, [1f, 2f]), [0, 2]);
        Assert.Contains("value 2", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(intLabels)).Message);
    }
}
