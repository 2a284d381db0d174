using Microsoft.ML.Oversampling;

namespace Microsoft.ML;

/// <summary>
/// Hangs the deep MLP classifier off ML.NET's trainer catalogs:
/// <c>mlContext.BinaryClassification.Trainers.DeepMlp(…)</c> (Boolean label) and
/// <c>mlContext.MulticlassClassification.Trainers.DeepMlp(…)</c> (key label).
/// </summary>
public static class DeepMlpCatalogExtensions
{
    extension(BinaryClassificationCatalog.BinaryClassificationTrainers catalog)
    {
        /// <summary>A deep MLP binary classifier with the defaults of <see cref="DeepMlpOptions"/> except those given.</summary>
        /// <param name="labelColumnName">The Boolean label column.</param>
        /// <param name="featureColumnName">The feature vector column (normalise it first).</param>
        /// <param name="hiddenLayerSizes">Hidden layer widths; <c>null</c>: one layer of 64.</param>
        /// <param name="maxEpoch">Training epochs.</param>
        /// <param name="batchSize">Rows per mini-batch.</param>
        /// <param name="learningRate">Adam's learning rate.</param>
        /// <param name="seed">Seeds the fit; <c>null</c> draws one (see <see cref="DeepMlpModel.Seed"/>).</param>
        public DeepMlpTrainer DeepMlp(
            string labelColumnName = "Label", string featureColumnName = "Features", int[]? hiddenLayerSizes = null,
            int maxEpoch = 200, int batchSize = 128, double learningRate = 1e-3, int? seed = null) =>
            new(Simple(labelColumnName, featureColumnName, hiddenLayerSizes, maxEpoch, batchSize, learningRate, seed), binary: true);

        /// <summary>A deep MLP binary classifier with <paramref name="options"/> (copied: later changes do not affect it).</summary>
        public DeepMlpTrainer DeepMlp(DeepMlpOptions options) => new(options, binary: true);
    }

    extension(MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog)
    {
        /// <summary>A deep MLP multiclass classifier (softmax output) with the defaults of <see cref="DeepMlpOptions"/> except those given.</summary>
        /// <param name="labelColumnName">The key-typed label column (e.g. from <c>MapValueToKey</c>).</param>
        /// <param name="featureColumnName">The feature vector column (normalise it first).</param>
        /// <param name="hiddenLayerSizes">Hidden layer widths; <c>null</c>: one layer of 64.</param>
        /// <param name="maxEpoch">Training epochs.</param>
        /// <param name="batchSize">Rows per mini-batch.</param>
        /// <param name="learningRate">Adam's learning rate.</param>
        /// <param name="seed">Seeds the fit; <c>null</c> draws one (see <see cref="DeepMlpModel.Seed"/>).</param>
        public DeepMlpTrainer DeepMlp(
            string labelColumnName = "Label", string featureColumnName = "Features", int[]? hiddenLayerSizes = null,
            int maxEpoch = 200, int batchSize = 128, double learningRate = 1e-3, int? seed = null) =>
            new(Simple(labelColumnName, featureColumnName, hiddenLayerSizes, maxEpoch, batchSize, learningRate, seed), binary: false);

        /// <summary>A deep MLP multiclass classifier with <paramref name="options"/> (copied: later changes do not affect it).</summary>
        public DeepMlpTrainer DeepMlp(DeepMlpOptions options) => new(options, binary: false);
    }

    private static DeepMlpOptions Simple(
        string labelColumnName, string featureColumnName, int[]? hiddenLayerSizes, int maxEpoch, int batchSize, double learningRate, int? seed) =>
        new()
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            HiddenLayerSizes = hiddenLayerSizes ?? [64],
            MaxEpoch = maxEpoch,
            BatchSize = batchSize,
            LearningRate = learningRate,
            Seed = seed,
        };
}
