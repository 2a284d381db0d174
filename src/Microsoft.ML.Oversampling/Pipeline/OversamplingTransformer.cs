using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// A fitted sampler. It is the identity in <see cref="Transform"/> (scoring never gets synthetic rows) and hands
/// the rebalanced training data to the next step of a chain while the chain is fitted.
/// </summary>
public sealed class OversamplingTransformer : ITrainingTimeTransformer
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
}
