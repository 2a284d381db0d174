using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Pipeline.Training;

/// <summary>
/// A trainer that rebalances its training data with a sampler, then fits the inner trainer, and returns the
/// inner trainer's model (the wrapper form, <c>WithOversampling(sampler, trainer)</c>). The fitted model holds
/// no sampler at all, so scoring, evaluation and cross-validation can never see synthetic rows.
/// </summary>
/// <typeparam name="TModel">The inner trainer's model type.</typeparam>
public sealed class OversamplingTrainer<TModel> : IEstimator<BinaryPredictionTransformer<TModel>>
    where TModel : class, IBinaryModel
{
    internal OversamplingTrainer(OversamplingEstimator sampler, IEstimator<BinaryPredictionTransformer<TModel>> trainer)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(trainer);
        Sampler = sampler;
        Trainer = trainer;
    }

    /// <summary>The sampler applied to the training data.</summary>
    public OversamplingEstimator Sampler { get; }

    /// <summary>The inner trainer.</summary>
    public IEstimator<BinaryPredictionTransformer<TModel>> Trainer { get; }

    /// <inheritdoc />
    public BinaryPredictionTransformer<TModel> Fit(DataView input)
    {
        OversamplingTransformer fitted = Sampler.Fit(input);
        return Trainer.Fit(fitted.ResampledData!);
    }
}
