using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neural;

[Collection(ParallelismCollection.Name)]
public class TrainingTests
{
    [Fact]
    public void SmallNetworkLearnsTwoInterleavedSpirals()
    {
        var (points, labels) = Spirals(perClass: 150, new DeterministicRandom(11));
        var random = new DeterministicRandom(3);
        var model = new Sequential(
            new Linear(2, 64, random, initialization: LinearInitialization.KaimingUniform), new ReLU(),
            new Linear(64, 64, random, initialization: LinearInitialization.KaimingUniform), new ReLU(),
            new Linear(64, 2, random));
        var optimizer = new Adam(model.Parameters(), learningRate: 0.01f);
        var schedule = new CosineAnnealingLR(optimizer, period: 1500, minimum: 1e-3f);
        for (int step = 0; step < 1500; step++)
        {
            using var scope = Tensor.NewDisposeScope();
            var loss = Functional.CrossEntropy(model.Forward(points), labels);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            schedule.Step();
        }

        model.Eval();
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(points).ToArray();
            int correct = Enumerable.Range(0, labels.Length).Count(i => (logits[2 * i + 1] > logits[2 * i] ? 1 : 0) == labels[i]);
            double accuracy = (double)correct / labels.Length;
            Assert.True(accuracy >= 0.97, $"training accuracy {accuracy:P1}");
        }
    }

    [Fact]
    public void SameSeedGivesBitIdenticalWeightsWhateverTheThreadCount()
    {
        int previous = Parallelism.MaxDegreeOfParallelism;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            var single = Train(seed: 21);
            Parallelism.MaxDegreeOfParallelism = 2;
            var dual = Train(seed: 21);
            var other = Train(seed: 22);

            Assert.Equal(single.Values.Keys, dual.Values.Keys);
            foreach (var (name, values) in single.Values)
            {
                Assert.Equal(values, dual.Values[name]);
            }

            Assert.NotEqual(single.Values["0.weight"], other.Values["0.weight"]);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = previous;
        }
    }

    [Fact]
    public void StateRoundTripsExactlyIntoAFreshModel()
    {
        var trained = Network(new DeterministicRandom(1), width: 16);
        var input = Tensor.FromArray(Enumerable.Range(0, 40).Select(i => MathF.Sin(i)).ToArray(), 5, 8);
        var optimizer = new AdamW(trained.Parameters(), 0.01f);
        for (int step = 0; step < 5; step++)
        {
            var loss = Functional.Mean(Functional.Pow(trained.Forward(input), 2f));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        var state = trained.StateDict();
        var restored = Network(new DeterministicRandom(99), width: 16);
        Assert.NotEqual(state.Values["0.weight"], restored.StateDict().Values["0.weight"]);
        restored.LoadStateDict(new ModuleState(
            state.Values.ToDictionary(p => p.Key, p => (float[])p.Value.Clone()),
            state.Shapes.ToDictionary(p => p.Key, p => (int[])p.Value.Clone())));

        foreach (var (name, values) in state.Values)
        {
            Assert.Equal(values, restored.StateDict().Values[name]);
            Assert.Equal(state.Shapes[name], restored.StateDict().Shapes[name]);
        }

        trained.Eval();
        restored.Eval();
        using (Autograd.NoGrad())
        {
            Assert.Equal(trained.Forward(input).ToArray(), restored.Forward(input).ToArray());
        }

        Assert.Contains("1.running_mean", state.Values.Keys);
    }

    [Fact]
    public void LoadingAMismatchedStateFailsClearly()
    {
        var model = Network(new DeterministicRandom(1), width: 16);
        var state = model.StateDict();
        var missing = state.Values.Where(p => p.Key != "0.bias").ToDictionary();
        var error = Assert.Throws<ArgumentException>(() => model.LoadStateDict(new ModuleState(missing, state.Shapes.Where(p => p.Key != "0.bias").ToDictionary())));
        Assert.Contains("0.bias", error.Message, StringComparison.Ordinal);

        var other = Network(new DeterministicRandom(1), width: 8).StateDict();
        var shapeError = Assert.Throws<ArgumentException>(() => model.LoadStateDict(other));
        Assert.Contains("0.weight", shapeError.Message, StringComparison.Ordinal);
        Assert.Contains("[16, 8]", shapeError.Message, StringComparison.Ordinal);
        Assert.Contains("[8, 8]", shapeError.Message, StringComparison.Ordinal);
    }

    private static Sequential Network(DeterministicRandom random, int width) => new(
        new Linear(8, width, random), new BatchNorm1d(width), new ReLU(),
        new Dropout(0.2f, random.Fork()), new LayerNorm(width), new Linear(width, 3, random, initialization: LinearInitialization.XavierUniform));

    /// <summary>A few Adam steps on a network big enough for the threaded matrix products.</summary>
    private static ModuleState Train(int seed)
    {
        var random = new DeterministicRandom(seed);
        var data = Tensor.Zeros(256, 24);
        for (int i = 0; i < data.Size; i++)
        {
            data.Data[i] = (float)random.NextGaussian();
        }

        var init = random.Fork();
        var model = new Sequential(
            new Linear(24, 192, init), new ReLU(), new Dropout(0.1f, init.Fork()),
            new Linear(192, 192, init), new Tanh(), new Linear(192, 24, init));
        var optimizer = new Adam(model.Parameters(), 1e-3f);
        var batches = random.Fork();
        for (int step = 0; step < 6; step++)
        {
            using var scope = Tensor.NewDisposeScope();
            var rows = Enumerable.Range(0, 160).Select(_ => batches.NextInt(256)).ToArray();
            var x = Functional.IndexSelect(data, rows);
            var loss = Functional.MseLoss(model.Forward(x), x);
            optimizer.ZeroGrad();
            loss.Backward();
            GradientClipping.ClipGradNorm(model.Parameters(), 1f);
            optimizer.Step();
        }

        return model.StateDict();
    }

    private static (Tensor Points, int[] Labels) Spirals(int perClass, DeterministicRandom random)
    {
        var points = Tensor.Zeros(2 * perClass, 2);
        var labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++)
        {
            for (int i = 0; i < perClass; i++)
            {
                double t = 0.25 + (3.0 * Math.PI * i / perClass);
                double angle = t + (c * Math.PI);
                int row = (c * perClass) + i;
                points.Data[2 * row] = (float)((t * Math.Cos(angle) / 3.0) + (0.02 * random.NextGaussian()));
                points.Data[(2 * row) + 1] = (float)((t * Math.Sin(angle) / 3.0) + (0.02 * random.NextGaussian()));
                labels[row] = c;
            }
        }

        return (points, labels);
    }
}
