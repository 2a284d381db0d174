using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// The entry point of the library (the role of ML.NET's <c>MLContext</c>): one seeded source of randomness and
/// the catalogs that create every component.
/// </summary>
/// <remarks>
/// Randomised components draw their seed from the context when they are created (unless their options give
/// one), so with a fixed seed a program that builds the same components in the same order is reproducible,
/// bit for bit, whatever the thread count.
/// </remarks>
public sealed class OversamplingContext
{
    private readonly DeterministicRandom _random;
    private readonly Lock _randomLock = new();

    /// <summary>Creates a context.</summary>
    /// <param name="seed">The seed of all randomness; <c>null</c> for a non-reproducible, time-based seed.</param>
    public OversamplingContext(int? seed = null)
    {
        Seed = seed;
        _random = new DeterministicRandom(seed ?? Environment.TickCount ^ Environment.ProcessId);
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        BinaryClassification = new BinaryClassificationCatalog(this);
        Model = new ModelOperationsCatalog();
    }

    /// <summary>The seed given at construction, if any.</summary>
    public int? Seed { get; }

    /// <summary>Loading, saving, splitting and resampling data.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>Transforms, including the <see cref="TransformsCatalog.Oversampling"/> samplers.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Binary classification trainers, evaluation and cross-validation.</summary>
    public BinaryClassificationCatalog BinaryClassification { get; }

    /// <summary>Saving fitted models to zip files and loading them back.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>Draws the seed of a new component from the context's random source.</summary>
    internal int NextSeed()
    {
        lock (_randomLock)
        {
            return _random.NextSeed();
        }
    }
}
