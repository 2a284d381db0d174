using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>A sampler known by name (command line, studies, benchmarks).</summary>
/// <param name="Name">The short name, e.g. <c>smote</c>.</param>
/// <param name="Description">One line for help texts.</param>
/// <param name="CreateOptions">Creates the options with their defaults.</param>
/// <param name="Create">Creates the sampler from options.</param>
public sealed record SamplerEntry(string Name, string Description, Func<OversamplerOptions> CreateOptions, Func<OversamplerOptions, Oversampler> Create);

/// <summary>
/// Every sampler of the library by name, so the command line, studies and benchmarks reach each one and set its
/// options as <c>key=value</c> text (see <see cref="OptionsBinder"/>).
/// </summary>
public static class SamplerRegistry
{
    /// <summary>The name meaning "no oversampling" on the command line.</summary>
    public const string NoSampler = "none";

    private static readonly SamplerEntry[] s_samplers =
    [
        new("random", "random oversampling with replacement (Shrinkage=s for a smoothed bootstrap)",
            () => new RandomOverSamplerOptions(), o => new RandomOverSampler((RandomOverSamplerOptions)o)),
        new("smote", "SMOTE: interpolation toward one of the k nearest same-class neighbours (KNeighbors=5)",
            () => new SmoteOptions(), o => new Smote((SmoteOptions)o)),
        new("borderline", "Borderline-SMOTE kind 1: SMOTE from the rows in danger (KNeighbors=5, MNeighbors=10)",
            () => new BorderlineSmoteOptions { Kind = BorderlineKind.Borderline1 }, o => new BorderlineSmote((BorderlineSmoteOptions)o)),
        new("borderline2", "Borderline-SMOTE kind 2: also steps toward other-class neighbours, u in [0, 0.5)",
            () => new BorderlineSmoteOptions { Kind = BorderlineKind.Borderline2 }, o => new BorderlineSmote((BorderlineSmoteOptions)o)),
        new("adasyn", "ADASYN: more rows where other-class neighbours are many (NNeighbors=5)",
            () => new AdasynOptions(), o => new Adasyn((AdasynOptions)o)),
        new("kmeans-smote", "K-Means SMOTE: SMOTE inside the k-means clusters where the class is frequent, more rows to sparse clusters (Clusters=8, KNeighbors=2)",
            () => new KMeansSmoteOptions(), o => new KMeansSmote((KMeansSmoteOptions)o)),
        new("svm-smote", "SVM-SMOTE: SMOTE from the RBF-SVM support vectors, extrapolating from safe ones (KNeighbors=5, MNeighbors=10, OutStep=0.5, C=1)",
            () => new SvmSmoteOptions(), o => new SvmSmote((SvmSmoteOptions)o)),
        new("smotenc", "SMOTE-NC for mixed data: CategoricalFeatures=i,j,... required",
            () => new SmoteNcOptions(), o => new SmoteNc((SmoteNcOptions)o)),
        new("deep-smote", "Deep SMOTE (Mansourifar & Shi): a network trained on SMOTE pairs generates from pairs (GenerationPairs=Random|KNearestNeighbors|DeterministicEnumeration)",
            () => new DeepSmoteOptions(), o => new DeepSmoteRegressionOversampler((DeepSmoteOptions)o)),
        new("da-smote", "DA-SMOTE: Deep SMOTE refined against a discriminator (AdversarialWeight=1, RegressionWeight=1, NoiseDimension=0)",
            () => new DaSmoteOptions(), o => new DeepAdversarialSmote((DaSmoteOptions)o)),
        new("gan", "vanilla GAN trained on the class to grow (NoiseDimension=64, Iterations=3000)",
            () => new GanOptions(), o => new GanOversampler((GanOptions)o)),
    ];

    /// <summary>The samplers, in registration order.</summary>
    public static IReadOnlyList<SamplerEntry> Samplers => s_samplers;

    /// <summary>The sampler called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static SamplerEntry Sampler(string name) =>
        s_samplers.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown method '{name}'; the methods are {NoSampler}, {string.Join(", ", s_samplers.Select(e => e.Name))}.");

    /// <summary>Creates the named sampler with <c>key=value</c> options applied over its defaults.</summary>
    public static Oversampler Create(string name, IEnumerable<string>? options = null)
    {
        SamplerEntry entry = Sampler(name);
        OversamplerOptions o = entry.CreateOptions();
        OptionsBinder.Apply(o, options ?? []);
        return entry.Create(o);
    }
}
