using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// A fitted sampler. It is the identity in <see cref="Transform"/> (scoring never gets synthetic rows) and hands
/// the rebalanced training data to the next step of a chain while the chain is fitted.
/// </summary>
public sealed class OversamplingTransformer : ITrainingTimeTransformer, IPersistableComponent
{
    internal OversamplingTransformer(
        Oversampler sampler, int seed, DataView? resampledData, IReadOnlyDictionary<int, int> countsBefore, IReadOnlyDictionary<int, int> countsAfter)
    {
        Sampler = sampler;
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
    public ITransformer ForScoring() => new OversamplingTransformer(Sampler, Seed, null, CountsBefore, CountsAfter);

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
        Oversampler sampler;
        if (reader.ComponentCount > 0)
        {
            sampler = reader.ReadComponent<Oversampler>(0);
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
            new SortedDictionary<int, int>(classes.Zip(after).ToDictionary(p => p.First, p => p.Second)));
    }
}
