using Microsoft.ML.Oversampling;

namespace Microsoft.ML;

/// <summary>
/// Hangs AutoSMOTE off ML.NET's trainer catalogs: <c>mlContext.BinaryClassification.Trainers.AutoSmote(…)</c> (Boolean
/// label) and <c>mlContext.MulticlassClassification.Trainers.AutoSmote(…)</c> (key label).
/// </summary>
public static class AutoSmoteCatalogExtensions
{
    extension(BinaryClassificationCatalog.BinaryClassificationTrainers catalog)
    {
        /// <summary>AutoSMOTE with a deep MLP binary classifier, with the defaults of <see cref="AutoSmoteOptions"/> except those given.</summary>
        /// <param name="labelColumnName">The Boolean label column.</param>
        /// <param name="featureColumnName">The feature vector column (normalise it first).</param>
        /// <param name="variant">Per-row or per-cohort decisions.</param>
        /// <param name="maxEpoch">Training epochs.</param>
        /// <param name="seed">Seeds the fit; <c>null</c> draws one (see <see cref="DeepMlpModel.Seed"/>).</param>
        public AutoSmoteTrainer AutoSmote(
            string labelColumnName = "Label", string featureColumnName = "Features", AutoSmoteVariant variant = AutoSmoteVariant.Cohort,
            int maxEpoch = 200, int? seed = null) =>
            new(Simple(labelColumnName, featureColumnName, variant, maxEpoch, seed), binary: true);

        /// <summary>AutoSMOTE with a deep MLP binary classifier and <paramref name="options"/> (copied).</summary>
        public AutoSmoteTrainer AutoSmote(AutoSmoteOptions options) => new(options, binary: true);
    }

    extension(MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog)
    {
        /// <summary>AutoSMOTE with a deep MLP multiclass classifier (every class smaller than the largest is grown), with
        /// the defaults of <see cref="AutoSmoteOptions"/> except those given.</summary>
        /// <param name="labelColumnName">The key-typed label column.</param>
        /// <param name="featureColumnName">The feature vector column (normalise it first).</param>
        /// <param name="variant">Per-row or per-cohort decisions.</param>
        /// <param name="maxEpoch">Training epochs.</param>
        /// <param name="seed">Seeds the fit; <c>null</c> draws one (see <see cref="DeepMlpModel.Seed"/>).</param>
        public AutoSmoteTrainer AutoSmote(
            string labelColumnName = "Label", string featureColumnName = "Features", AutoSmoteVariant variant = AutoSmoteVariant.Cohort,
            int maxEpoch = 200, int? seed = null) =>
            new(Simple(labelColumnName, featureColumnName, variant, maxEpoch, seed), binary: false);

        /// <summary>AutoSMOTE with a deep MLP multiclass classifier and <paramref name="options"/> (copied).</summary>
        public AutoSmoteTrainer AutoSmote(AutoSmoteOptions options) => new(options, binary: false);
    }

    private static AutoSmoteOptions Simple(string labelColumnName, string featureColumnName, AutoSmoteVariant variant, int maxEpoch, int? seed) =>
        new()
        {
            Classifier = new DeepMlpOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, MaxEpoch = maxEpoch, Seed = seed },
            Variant = variant,
        };
}
