using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>One split of the study handed to a method: its rows as matrices and as data views, the seed and the MLP budget.</summary>
internal sealed class StudyTask
{
    /// <summary>Wraps a split.</summary>
    public StudyTask(StudySplit split, int seed, int epochs)
    {
        Split = split;
        Seed = seed;
        Epochs = epochs;
        Context = new MLContext(seed: seed);
        TrainView = View(split.TrainX, split.TrainY);
        TestView = View(split.TestX, split.TestY);
    }

    /// <summary>The split (min–max scaled on its training rows).</summary>
    public StudySplit Split { get; }

    /// <summary>The split's seed, also the seed of every sampler and network.</summary>
    public int Seed { get; }

    /// <summary>Epochs of every MLP fit.</summary>
    public int Epochs { get; }

    /// <summary>An ML.NET context seeded by <see cref="Seed"/>.</summary>
    public MLContext Context { get; }

    /// <summary>The real training rows as a data view (Boolean <c>Label</c>, <c>Features</c>).</summary>
    public IDataView TrainView { get; }

    /// <summary>The test rows as a data view.</summary>
    public IDataView TestView { get; }

    /// <summary>Rows and 0/1 labels as a data view with the split's feature names.</summary>
    public IDataView View(Numerics.DenseMatrix x, IReadOnlyList<int> y) =>
        Context.Data.LoadFromLabeledMatrix(new LabeledMatrix(x, [.. y], Split.FeatureNames));

    /// <summary>The study's MLP (papers.md §3.4: one hidden layer of 64 ReLU units, Adam 1e-3, batch 128), the same for every method.</summary>
    public DeepMlpOptions MlpOptions() => new() { HiddenLayerSizes = [64], MaxEpoch = Epochs, BatchSize = 128, LearningRate = 1e-3, Seed = Seed };

    /// <summary>A fitted model's predicted labels on <paramref name="view"/>.</summary>
    public static int[] Predict(ITransformer model, IDataView view) =>
        [.. model.Transform(view).GetColumn<bool>("PredictedLabel").Select(b => b ? 1 : 0)];
}
