using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The trained generators of a deep oversampler, one per class it grew. A fitted (or loaded) sampler step exposes it,
/// so more synthetic rows can be drawn at any time: <c>Generate(count, seed)</c>. With the seed the step was fitted
/// with and the count it added, the rows equal the synthetic rows of the fit, bit for bit, also after
/// <see cref="Save(string)"/> and <see cref="Load(string)"/>.
/// </summary>
/// <remarks>
/// Trained generators are files of their own, not part of an ML.NET model zip: a header of this library (signature,
/// format version, length and SHA-256 of the payload), the scaler, architecture and pair rows of each class, and the
/// network weights in TorchSharp's <c>Module.save</c> format (<c>docs/generator-format.md</c>).
/// </remarks>
public sealed class SyntheticDataGenerator
{

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

    /// <summary>Writes the generators to <paramref name="path"/> (replacing it atomically when it exists).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => GeneratorFile.Save(path, _generators);

    /// <summary>Reads generators written by <see cref="Save(string)"/>; they run on the CPU.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a generator file, is of another format version, is
    /// truncated or corrupt, or its weights do not match its architecture; the message names the file and the problem.</exception>
    public static SyntheticDataGenerator Load(string path) => new(GeneratorFile.Load(path));
}
