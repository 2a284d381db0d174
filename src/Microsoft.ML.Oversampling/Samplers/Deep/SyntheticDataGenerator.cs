using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The trained generators of a deep oversampler, one per class it grew. A fitted (or loaded) sampler step exposes it,
/// so more synthetic rows can be drawn at any time: <c>Generate(count, seed)</c>. With the seed the step was fitted
/// with and the count it added, the rows equal the synthetic rows of the fit, bit for bit.
/// </summary>
public sealed class SyntheticDataGenerator : IPersistableComponent
{
    internal const string TypeName = "SyntheticDataGenerator";

    private readonly SortedDictionary<int, ClassGenerator> _generators;

    internal SyntheticDataGenerator(IReadOnlyDictionary<int, ClassGenerator> generators)
    {
        if (generators.Count == 0)
        {
            throw new ArgumentException("A synthetic data generator needs at least one class generator.", nameof(generators));
        }

        _generators = new SortedDictionary<int, ClassGenerator>(generators.ToDictionary());
    }

    /// <summary>The classes that have a generator (the classes the sampler grew), ascending.</summary>
    public IReadOnlyList<int> Classes => [.. _generators.Keys];

    /// <summary>Number of features of a generated row.</summary>
    public int FeatureCount => _generators.Values.First().FeatureCount;

    /// <summary>The generator of <paramref name="label"/>.</summary>
    /// <exception cref="ArgumentException">No generator was trained for that class.</exception>
    public ClassGenerator For(int label) =>
        _generators.TryGetValue(label, out var generator)
            ? generator
            : throw new ArgumentException($"There is no generator for class {label}; generators exist for class(es) {string.Join(", ", _generators.Keys)}.", nameof(label));

    /// <summary>Generates <paramref name="count"/> rows of the single class this generator grew (binary problems).</summary>
    /// <exception cref="InvalidOperationException">Generators exist for several classes: name the class.</exception>
    public DenseMatrix Generate(int count, int seed) =>
        _generators.Count == 1
            ? Generate(_generators.Keys.First(), count, seed)
            : throw new InvalidOperationException(
                $"Generators exist for classes {string.Join(", ", _generators.Keys)}; call Generate(label, count, seed) with one of them.");

    /// <summary>Generates <paramref name="count"/> rows of class <paramref name="label"/>, in original feature units.</summary>
    public DenseMatrix Generate(int label, int count, int seed) =>
        For(label).Generate(count, GenerativeOversampler.Streams(Oversampler.ClassStream(seed, label)).Generation);

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => TypeName;

    /// <inheritdoc />
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        writer.WriteArray("classes", _generators.Keys.ToArray());
        foreach (ClassGenerator generator in _generators.Values)
        {
            writer.WriteComponent(generator);
        }
    }

    internal static SyntheticDataGenerator Load(ModelReader reader)
    {
        int[] classes = reader.ReadInt32Array("classes");
        if (classes.Length == 0 || classes.Length != reader.ComponentCount || classes.Distinct().Count() != classes.Length)
        {
            throw reader.Invalid($"{classes.Length} classes for {reader.ComponentCount} generators");
        }

        var generators = new Dictionary<int, ClassGenerator>();
        for (int i = 0; i < classes.Length; i++)
        {
            generators[classes[i]] = reader.ReadComponent<ClassGenerator>(i);
        }

        if (generators.Values.Select(g => g.FeatureCount).Distinct().Count() != 1)
        {
            throw reader.Invalid("the class generators differ in feature count");
        }

        return new SyntheticDataGenerator(generators);
    }
}
