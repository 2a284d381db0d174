using Microsoft.ML.Data;
using Microsoft.ML.Oversampling;
using Microsoft.ML.Trainers;

namespace Microsoft.ML;

/// <summary>
/// Hangs the oversamplers off <see cref="MLContext"/>'s catalogs: <c>mlContext.Transforms.Oversampling</c> creates
/// them, <c>mlContext.Data.Oversample</c> applies one to a data set, and <c>trainer.WithOversampling</c> wraps a trainer.
/// </summary>
public static class OversamplingCatalogExtensions
{
    private static readonly OversamplingCatalog s_catalog = new();

    extension(TransformsCatalog catalog)
    {
        /// <summary>The oversamplers (SMOTE family, random, deep), as estimators.</summary>
        public OversamplingCatalog Oversampling => s_catalog;
    }

    extension(DataOperationsCatalog catalog)
    {
        /// <summary>
        /// Rebalances <paramref name="data"/> with <paramref name="sampler"/>: imbalanced-learn's <c>fit_resample</c>.
        /// The result has the input's schema: its rows unchanged and in order, then the synthetic rows. Apply it to a
        /// training split only, never before splitting or to test data.
        /// </summary>
        public IDataView Oversample(IDataView data, OversamplingEstimator sampler)
        {
            ArgumentNullException.ThrowIfNull(data);
            ArgumentNullException.ThrowIfNull(sampler);
            return sampler.Fit(data).Transform(data);
        }
    }

    /// <summary>
    /// Wraps <paramref name="trainer"/> so it is fitted on data rebalanced by <paramref name="sampler"/>. The fitted
    /// model is the trainer's own (<typeparamref name="TTransformer"/>), with nothing of the sampler in it.
    /// </summary>
    public static OversamplingTrainer<TTransformer, TModel> WithOversampling<TTransformer, TModel>(
        this ITrainerEstimator<TTransformer, TModel> trainer, OversamplingEstimator sampler)
        where TTransformer : class, IPredictionTransformer<TModel>
        where TModel : class =>
        new(trainer, sampler);
}
