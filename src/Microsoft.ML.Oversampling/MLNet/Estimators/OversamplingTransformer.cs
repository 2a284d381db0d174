using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A fitted oversampler. It acts once: <see cref="Transform"/> of the very <see cref="IDataView"/> instance it was
/// fitted on returns the rebalanced data, the first time; every other call returns its input unchanged.
/// </summary>
/// <remarks>
/// <para>The one-shot rule is what makes the step training-only inside ML.NET: <c>EstimatorChain.Fit</c> fits each
/// step and passes that same instance to the step's <c>Transform</c>, so the next estimator (the trainer) is fitted on
/// the rebalanced rows; afterwards scoring, <c>PredictionEngine</c> and cross-validation test folds all see the
/// identity. Handing the data over also releases it, so a fitted model does not keep the training data alive.</para>
/// <para>Keep the chain flat: appending to an <c>EstimatorChain</c> held as <c>IEstimator&lt;ITransformer&gt;</c> nests it,
/// and a sampler that ends the inner chain then hands its rows to an output ML.NET discards (see
/// docs/ml-net-integration.md). <c>trainer.WithOversampling(sampler)</c> has no such pitfall.</para>
/// <para>Saving: ML.NET saves this step as an empty <c>TransformerChain</c>, so a model zip loads and predicts with
/// plain Microsoft.ML, without this library. A deep sampler's trained generator is not in the zip; save it with
/// <see cref="Generator"/>'s own file format.</para>
/// </remarks>
public sealed class OversamplingTransformer : ITransformer
{
    private readonly Lock _handOverLock = new();
    private IDataView? _fittedInput;
    private IDataView? _resampled;

    internal OversamplingTransformer(Oversampler sampler, int seed, IDataView fittedInput, IDataView resampled, SyntheticSamples synthetic, SyntheticDataGenerator? generator)
    {
        Sampler = sampler;
        Seed = seed;
        _fittedInput = fittedInput;
        _resampled = resampled;
        CountsBefore = synthetic.CountsBefore;
        CountsAfter = synthetic.CountsAfter;
        SyntheticRowCount = synthetic.Count;
        Generator = generator;
    }

    /// <summary>The sampling algorithm.</summary>
    public Oversampler Sampler { get; }

    /// <summary>The seed the data was resampled with (the options' seed, or the one drawn when it was <c>null</c>).</summary>
    public int Seed { get; }

    /// <summary>Rows per class before resampling (class 1 = <c>true</c> for Boolean labels; the key value for key labels).</summary>
    public IReadOnlyDictionary<int, int> CountsBefore { get; }

    /// <summary>Rows per class after resampling.</summary>
    public IReadOnlyDictionary<int, int> CountsAfter { get; }

    /// <summary>How many synthetic rows the fit added.</summary>
    public int SyntheticRowCount { get; }

    /// <summary>The trained generators of a deep oversampler (Deep SMOTE, DA-SMOTE, GAN), described by the feature vector's
    /// slot names and the label's values; <c>null</c> for the classic samplers. Save them with
    /// <see cref="SyntheticDataGenerator.Save(string)"/>.</summary>
    public SyntheticDataGenerator? Generator { get; }

    /// <summary>
    /// Generates <paramref name="count"/> more synthetic rows (features, original units) of the class the sampler grew.
    /// With <paramref name="seed"/> = <see cref="Seed"/> and <paramref name="count"/> = <see cref="SyntheticRowCount"/>
    /// they are the synthetic rows of the fit.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sampler learns no generator, or it grew several classes.</exception>
    public DenseMatrix Generate(int count, int seed) =>
        (Generator ?? throw new InvalidOperationException(
            $"Sampler '{Sampler.Name}' learns no generator; only the deep oversamplers (deep-smote, da-smote, gan) can generate after fitting."))
        .Generate(count, seed);

    /// <summary>Always <c>true</c>: the step maps each row to itself.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>Returns <paramref name="inputSchema"/>: the step adds and removes no column.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return inputSchema;
    }

    /// <summary>An identity row mapper (the scoring form of the step).</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Identity().GetRowToRowMapper(inputSchema);

    /// <summary>
    /// The rebalanced data when <paramref name="input"/> is the instance this step was fitted on and it has not been
    /// handed over yet; otherwise <paramref name="input"/> itself.
    /// </summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        lock (_handOverLock)
        {
            if (_resampled is { } resampled && ReferenceEquals(input, _fittedInput))
            {
                _fittedInput = null;
                _resampled = null;
                return resampled;
            }
        }

        return input;
    }

    /// <summary>Saves the step as ML.NET's empty transformer chain (the identity), loadable without this library.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)Identity()).Save(ctx);

    private static ITransformer Identity() => new TransformerChain<ITransformer>();
}
