using Microsoft.ML.Oversampling.Samplers.Deep;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// Creates oversamplers as pipeline steps (<c>context.Transforms.Oversampling</c>). Each factory takes the
/// sampler's options class (every default documented there); samplers from other areas add factories as
/// extension methods on this catalog.
/// </summary>
public sealed class OversamplingCatalog
{
    private readonly OversamplingContext _context;

    internal OversamplingCatalog(OversamplingContext context)
    {
        _context = context;
    }

    /// <summary>Random oversampling, optionally a smoothed bootstrap (see <see cref="RandomOverSamplerOptions"/>).</summary>
    public OversamplingEstimator RandomOverSampler(RandomOverSamplerOptions? options = null) => Create(new RandomOverSampler(options));

    /// <summary>SMOTE (see <see cref="SmoteOptions"/>).</summary>
    public OversamplingEstimator Smote(SmoteOptions? options = null) => Create(new Smote(options));

    /// <summary>Borderline-SMOTE, kind 1 or 2 (see <see cref="BorderlineSmoteOptions"/>).</summary>
    public OversamplingEstimator BorderlineSmote(BorderlineSmoteOptions? options = null) => Create(new BorderlineSmote(options));

    /// <summary>ADASYN (see <see cref="AdasynOptions"/>).</summary>
    public OversamplingEstimator Adasyn(AdasynOptions? options = null) => Create(new Adasyn(options));

    /// <summary>K-Means SMOTE: SMOTE inside the k-means clusters where the class is frequent (see <see cref="KMeansSmoteOptions"/>).</summary>
    public OversamplingEstimator KMeansSmote(KMeansSmoteOptions? options = null) => Create(new KMeansSmote(options));

    /// <summary>SVM-SMOTE: SMOTE from the class's support vectors, extrapolating from safe ones (see <see cref="SvmSmoteOptions"/>).</summary>
    public OversamplingEstimator SvmSmote(SvmSmoteOptions? options = null) => Create(new SvmSmote(options));

    /// <summary>SMOTE-NC for mixed numeric and categorical features (see <see cref="SmoteNcOptions"/>).</summary>
    public OversamplingEstimator SmoteNc(SmoteNcOptions options) => Create(new SmoteNc(options));

    /// <summary>Deep SMOTE of Mansourifar &amp; Shi: a regression network trained on SMOTE pairs (see <see cref="DeepSmoteOptions"/>).</summary>
    public OversamplingEstimator DeepSmote(DeepSmoteOptions? options = null) => Create(new DeepSmoteRegressionOversampler(options));

    /// <summary>DA-SMOTE: Deep SMOTE refined adversarially (see <see cref="DaSmoteOptions"/>).</summary>
    public OversamplingEstimator DaSmote(DaSmoteOptions? options = null) => Create(new DeepAdversarialSmote(options));

    /// <summary>The vanilla GAN oversampler baseline (see <see cref="GanOptions"/>).</summary>
    public OversamplingEstimator Gan(GanOptions? options = null) => Create(new GanOversampler(options));

    /// <summary>Wraps any sampler as a pipeline step; its seed is the options' seed, or else drawn from the context now.</summary>
    public OversamplingEstimator Create(Oversampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return new OversamplingEstimator(sampler, sampler.Options.Seed ?? _context.NextSeed());
    }
}
