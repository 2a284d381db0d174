using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// The oversamplers, as ML.NET estimators: <c>mlContext.Transforms.Oversampling.Smote(...)</c>. Each has a simple
/// overload with the important parameters and an options overload with every setting. Append the estimator to a
/// pipeline before the trainer (it rebalances only while the pipeline is fitted), wrap a trainer with it
/// (<c>trainer.WithOversampling(sampler)</c>), or resample a training set with <c>mlContext.Data.Oversample</c>.
/// </summary>
/// <remarks>
/// Every sampler takes a <c>seed</c>: the same seed gives bit-identical rows whatever the thread count. With
/// <c>null</c> each fit draws a new seed (reported by <see cref="OversamplingTransformer.Seed"/>), because an
/// extension cannot read the <c>MLContext</c>'s seed.
/// </remarks>
public sealed class OversamplingCatalog
{
    internal OversamplingCatalog()
    {
    }

    /// <summary>Random oversampling with replacement; with <paramref name="shrinkage"/>, a smoothed bootstrap (ROSE), as imbalanced-learn's <c>RandomOverSampler</c>.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="shrinkage">Gaussian smoothing factor (≥ 0); <c>null</c> draws exact copies.</param>
    /// <param name="seed">Seed of the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator RandomOverSampler(string labelColumnName = "Label", string featureColumnName = "Features", double? shrinkage = null, int? seed = null) =>
        RandomOverSampler(new RandomOverSamplerOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Shrinkage = shrinkage, Seed = seed });

    /// <summary>Random oversampling with every option.</summary>
    public OversamplingEstimator RandomOverSampler(RandomOverSamplerOptions options) => new(new Samplers.RandomOverSampler(options));

    /// <summary>SMOTE: each synthetic row lies on the segment from a class row to one of its <paramref name="kNeighbors"/> nearest same-class neighbours.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="kNeighbors">Neighbours per row (imbalanced-learn's <c>k_neighbors</c>, default 5).</param>
    /// <param name="seed">Seed of the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator Smote(string labelColumnName = "Label", string featureColumnName = "Features", int kNeighbors = 5, int? seed = null) =>
        Smote(new SmoteOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, KNeighbors = kNeighbors, Seed = seed });

    /// <summary>SMOTE with every option.</summary>
    public OversamplingEstimator Smote(SmoteOptions options) => new(new Samplers.Smote(options));

    /// <summary>Borderline-SMOTE: SMOTE from the class rows "in danger" (most of their <paramref name="mNeighbors"/> neighbours belong to other classes).</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="kind">Kind 1 interpolates toward same-class neighbours; kind 2 also toward other-class ones.</param>
    /// <param name="kNeighbors">Neighbours for the interpolation (default 5).</param>
    /// <param name="mNeighbors">Neighbours that decide danger (default 10).</param>
    /// <param name="seed">Seed of the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator BorderlineSmote(string labelColumnName = "Label", string featureColumnName = "Features", BorderlineKind kind = BorderlineKind.Borderline1,
        int kNeighbors = 5, int mNeighbors = 10, int? seed = null) =>
        BorderlineSmote(new BorderlineSmoteOptions
        {
            LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Kind = kind, KNeighbors = kNeighbors, MNeighbors = mNeighbors, Seed = seed,
        });

    /// <summary>Borderline-SMOTE with every option.</summary>
    public OversamplingEstimator BorderlineSmote(BorderlineSmoteOptions options) => new(new Samplers.BorderlineSmote(options));

    /// <summary>ADASYN: more synthetic rows from the class rows with more other-class neighbours.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="nNeighbors">Neighbours per row (imbalanced-learn's <c>n_neighbors</c>, default 5).</param>
    /// <param name="seed">Seed of the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator Adasyn(string labelColumnName = "Label", string featureColumnName = "Features", int nNeighbors = 5, int? seed = null) =>
        Adasyn(new AdasynOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, NNeighbors = nNeighbors, Seed = seed });

    /// <summary>ADASYN with every option.</summary>
    public OversamplingEstimator Adasyn(AdasynOptions options) => new(new Samplers.Adasyn(options));

    /// <summary>SMOTE-NC for mixed data: interpolates the continuous features and takes the most frequent category among the neighbours.</summary>
    /// <param name="categoricalFeatures">Indices of the categorical slots of the feature vector.</param>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="kNeighbors">Neighbours per row (default 5).</param>
    /// <param name="seed">Seed of the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator SmoteNc(IReadOnlyList<int> categoricalFeatures, string labelColumnName = "Label", string featureColumnName = "Features", int kNeighbors = 5, int? seed = null) =>
        SmoteNc(new SmoteNcOptions
        {
            CategoricalFeatures = categoricalFeatures, LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, KNeighbors = kNeighbors, Seed = seed,
        });

    /// <summary>SMOTE-NC with every option.</summary>
    public OversamplingEstimator SmoteNc(SmoteNcOptions options) => new(new Samplers.SmoteNc(options));

    /// <summary>K-Means SMOTE: SMOTE inside the k-means clusters where the class is frequent, more rows to sparse clusters.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="clusters">Number of k-means clusters (default 8).</param>
    /// <param name="kNeighbors">Neighbours per row inside a cluster (default 2, as imbalanced-learn).</param>
    /// <param name="seed">Seed of the clustering and the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator KMeansSmote(string labelColumnName = "Label", string featureColumnName = "Features", int clusters = 8, int kNeighbors = 2, int? seed = null) =>
        KMeansSmote(new KMeansSmoteOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Clusters = clusters, KNeighbors = kNeighbors, Seed = seed });

    /// <summary>K-Means SMOTE with every option.</summary>
    public OversamplingEstimator KMeansSmote(KMeansSmoteOptions options) => new(new Samplers.KMeansSmote(options));

    /// <summary>SVM-SMOTE: SMOTE from the support vectors of an RBF SVM, extrapolating away from the safe ones.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="kNeighbors">Neighbours for the interpolation (default 5).</param>
    /// <param name="mNeighbors">Neighbours that decide danger and noise (default 10).</param>
    /// <param name="seed">Seed of the draws; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator SvmSmote(string labelColumnName = "Label", string featureColumnName = "Features", int kNeighbors = 5, int mNeighbors = 10, int? seed = null) =>
        SvmSmote(new SvmSmoteOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, KNeighbors = kNeighbors, MNeighbors = mNeighbors, Seed = seed });

    /// <summary>SVM-SMOTE with every option.</summary>
    public OversamplingEstimator SvmSmote(SvmSmoteOptions options) => new(new Samplers.SvmSmote(options));

    /// <summary>Deep SMOTE (Mansourifar &amp; Shi 2020): a network trained to map pairs of class rows to SMOTE interpolations generates the rows.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="seed">Seed of the training and the generation; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator DeepSmote(string labelColumnName = "Label", string featureColumnName = "Features", int? seed = null) =>
        DeepSmote(new DeepSmoteOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Seed = seed });

    /// <summary>Deep SMOTE with every option.</summary>
    public OversamplingEstimator DeepSmote(DeepSmoteOptions options) => new(new DeepSmoteRegressionOversampler(options));

    /// <summary>DA-SMOTE: Deep SMOTE refined against a discriminator of real versus generated class rows.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="seed">Seed of the training and the generation; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator DaSmote(string labelColumnName = "Label", string featureColumnName = "Features", int? seed = null) =>
        DaSmote(new DaSmoteOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Seed = seed });

    /// <summary>DA-SMOTE with every option.</summary>
    public OversamplingEstimator DaSmote(DaSmoteOptions options) => new(new DeepAdversarialSmote(options));

    /// <summary>The vanilla GAN baseline, trained on the class to grow.</summary>
    /// <param name="labelColumnName">Boolean or key-typed label column.</param>
    /// <param name="featureColumnName">Known-size vector of Single.</param>
    /// <param name="seed">Seed of the training and the generation; <c>null</c> for a new seed each fit.</param>
    public OversamplingEstimator Gan(string labelColumnName = "Label", string featureColumnName = "Features", int? seed = null) =>
        Gan(new GanOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, Seed = seed });

    /// <summary>The GAN baseline with every option.</summary>
    public OversamplingEstimator Gan(GanOptions options) => new(new GanOversampler(options));

    /// <summary>Any sampler of this library (or of your own, derived from <see cref="Oversampler"/>) as an estimator.</summary>
    public OversamplingEstimator Create(Oversampler sampler) => new(sampler);

    /// <summary>The sampler registered as <paramref name="name"/> (e.g. <c>smote</c>, see <see cref="SamplerRegistry"/>) with <c>key=value</c> options.</summary>
    /// <exception cref="ArgumentException">Unknown name or option.</exception>
    public OversamplingEstimator Create(string name, IEnumerable<string>? options = null) => new(SamplerRegistry.Create(name, options));
}
