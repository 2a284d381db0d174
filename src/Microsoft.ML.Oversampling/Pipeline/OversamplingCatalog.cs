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

    /// <summary>Wraps any sampler as a pipeline step; its seed is the options' seed, or else drawn from the context now.</summary>
    public OversamplingEstimator Create(Oversampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return new OversamplingEstimator(sampler, sampler.Options.Seed ?? _context.NextSeed());
    }
}
