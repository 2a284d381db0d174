using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// A fitted sampler. It is the identity in <see cref="Transform"/> (scoring never gets synthetic rows) and hands
/// the rebalanced training data to the next step of a chain while the chain is fitted.
/// </summary>
public sealed class OversamplingTransformer : ITrainingTimeTransformer, IPersistableComponent
{
    internal OversamplingTransformer(
        Oversampler sampler, int seed, DataView? resampledData, IReadOnlyDictionary<int, int> countsBefore, IReadOnlyDictionary<int, int> countsAfter,
        SyntheticDataGenerator? generator)
    {
        Sampler = sampler;
        Generator = generator;
        Seed = seed;
        ResampledData = resampledData;
        CountsBefore = countsBefore;
        CountsAfter = countsAfter;
    }

    /// <summary>The sampling algorithm.</summary>
    public Oversampler Sampler { get; }

    /// <summary>The seed the data was resampled with.</summary>
    public int Seed { get; }

    /// <summary>
    /// The rebalanced training data produced by <see cref="OversamplingEstimator.Fit"/> (imbalanced-learn's
    /// <c>fit_resample</c> output), or <c>null</c> in the scoring form kept inside a fitted pipeline or a loaded model.
    /// </summary>
    public DataView? ResampledData { get; }

    /// <summary>Rows per class before resampling (class 1 = true for boolean labels).</summary>
    public IReadOnlyDictionary<int, int> CountsBefore { get; }

    /// <summary>Rows per class after resampling.</summary>
    public IReadOnlyDictionary<int, int> CountsAfter { get; }

    /// <summary>
    /// The trained generators of a deep oversampler (Deep SMOTE, DA-SMOTE, GAN), kept in fitted pipelines and saved
    /// models; <c>null</c> for the classic samplers, which learn nothing.
    /// </summary>
    public SyntheticDataGenerator? Generator { get; }

    /// <summary>
    /// Generates <paramref name="count"/> more synthetic rows (features only, original units) of the class the
    /// sampler grew, with the trained generator. With <paramref name="seed"/> = <see cref="Seed"/>, the rows repeat the
    /// synthetic rows of the fit when <paramref name="count"/> is the number it added.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sampler learns no generator, or it grew several classes
    /// (use <c>Generator.Generate(label, count, seed)</c>).</exception>
    public DenseMatrix Generate(int count, int seed) =>
        (Generator ?? throw new InvalidOperationException(
            $"Sampler '{Sampler.Name}' learns no generator; only the deep oversamplers (deep-smote, da-smote, gan) can generate after fitting."))
        .Generate(count, seed);

    /// <summary>Returns <paramref name="input"/> unchanged: samplers act only while fitting.</summary>
    public DataView Transform(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }

    /// <inheritdoc />
    public DataView TransformForTraining(DataView trainingInput) =>
        ResampledData ?? throw new InvalidOperationException("This sampler is in its scoring form; fit it again to resample training data.");

    /// <inheritdoc />
    public ITransformer ForScoring() => new OversamplingTransformer(Sampler, Seed, null, CountsBefore, CountsAfter, Generator);

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => ModelComponentCatalog.OversamplerType;

    /// <summary>
    /// Saves the sampler by its <see cref="ComponentRegistry"/> name, options and seed (the rebalanced data is
    /// training-only and never saved). A sampler with learned state of its own (a trained generator) implements
    /// <see cref="IPersistableComponent"/> and is saved as a child component instead, so it can generate after loading.
    /// </summary>
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        writer.WriteInt32("seed", Seed);
        writer.WriteArray("classes", CountsBefore.Keys.ToArray());
        writer.WriteArray("countsBefore", CountsBefore.Values.ToArray());
        writer.WriteArray("countsAfter", CountsBefore.Keys.Select(c => CountsAfter.GetValueOrDefault(c)).ToArray());
        writer.WriteBoolean("hasGenerator", Generator is not null);
        if (Generator is not null)
        {
            writer.WriteComponent(Generator);
        }

        if (Sampler is IPersistableComponent)
        {
            writer.WriteComponent(Sampler);
            return;
        }

        // Saved by name, it must load back as the same sampler: the registry entry of that name must take these options.
        SamplerEntry? entry = ComponentRegistry.Samplers.FirstOrDefault(e => string.Equals(e.Name, Sampler.Name, StringComparison.OrdinalIgnoreCase));
        if (entry is null || entry.CreateOptions().GetType() != Sampler.Options.GetType())
        {
            throw new NotSupportedException(
                $"Sampler '{Sampler.Name}' ({Sampler.GetType().Name}) cannot be saved: it is not in ComponentRegistry.Samplers under that name and does not implement IPersistableComponent.");
        }

        writer.WriteString("method", Sampler.Name);
        writer.WriteOptions("options", Sampler.Options);
    }

    /// <summary>Rebuilds a saved sampler step, in its scoring form (the identity; <see cref="ResampledData"/> null).</summary>
    internal static OversamplingTransformer Load(ModelReader reader)
    {
        bool hasGenerator = reader.Contains("hasGenerator") && reader.ReadBoolean("hasGenerator");
        SyntheticDataGenerator? generator = hasGenerator ? reader.ReadComponent<SyntheticDataGenerator>(0) : null;
        Oversampler sampler;
        if (reader.ComponentCount > (hasGenerator ? 1 : 0))
        {
            sampler = reader.ReadComponent<Oversampler>(hasGenerator ? 1 : 0);
        }
        else
        {
            SamplerEntry entry = ComponentRegistry.Sampler(reader.ReadString("method"));
            OversamplerOptions options = entry.CreateOptions();
            reader.ReadOptions("options", options);
            sampler = entry.Create(options);
        }

        int[] classes = reader.ReadInt32Array("classes"), before = reader.ReadInt32Array("countsBefore"), after = reader.ReadInt32Array("countsAfter");
        if (before.Length != classes.Length || after.Length != classes.Length)
        {
            throw reader.Invalid("the class count arrays differ in length");
        }

        return new OversamplingTransformer(sampler, reader.ReadInt32("seed"), null,
            new SortedDictionary<int, int>(classes.Zip(before).ToDictionary(p => p.First, p => p.Second)),
            new SortedDictionary<int, int>(classes.Zip(after).ToDictionary(p => p.First, p => p.Second)), generator);
    }
}
