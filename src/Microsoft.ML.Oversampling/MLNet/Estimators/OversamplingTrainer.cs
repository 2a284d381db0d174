using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A trainer that resamples its training data before fitting the trainer it wraps, and returns that trainer's own
/// model: the fitted pipeline holds no trace of the sampler, and <c>LastTransformer.Model</c> keeps its type. Create it
/// with <c>trainer.WithOversampling(sampler)</c>.
/// </summary>
/// <typeparam name="TTransformer">The wrapped trainer's transformer type.</typeparam>
/// <typeparam name="TModel">The wrapped trainer's model type.</typeparam>
public sealed class OversamplingTrainer<TTransformer, TModel> : ITrainerEstimator<TTransformer, TModel>
    where TTransformer : class, IPredictionTransformer<TModel>
    where TModel : class
{
    internal OversamplingTrainer(ITrainerEstimator<TTransformer, TModel> trainer, OversamplingEstimator sampler)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(sampler);
        Trainer = trainer;
        Sampler = sampler;
    }

    /// <summary>The wrapped trainer.</summary>
    public ITrainerEstimator<TTransformer, TModel> Trainer { get; }

    /// <summary>The sampler applied to the training data.</summary>
    public OversamplingEstimator Sampler { get; }

    /// <inheritdoc />
    public TrainerInfo Info => Trainer.Info;

    /// <summary>Resamples <paramref name="input"/> and fits the wrapped trainer on the result.</summary>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Trainer.Fit(Sampler.Fit(input).Transform(input));
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => Trainer.GetOutputSchema(Sampler.GetOutputSchema(inputSchema));
}
