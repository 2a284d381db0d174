using Microsoft.ML.Oversampling.Pipeline.Training;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>Creates binary trainers (<c>context.BinaryClassification.Trainers</c>).</summary>
public sealed class BinaryClassificationTrainers
{
    internal BinaryClassificationTrainers(OversamplingContext context)
    {
        Context = context;
    }

    /// <summary>The context, for trainers added as extension methods that need its seed.</summary>
    internal OversamplingContext Context { get; }

    /// <summary>L2-regularised logistic regression (L-BFGS); defaults in <see cref="LogisticRegressionOptions"/>.</summary>
    public LogisticRegressionTrainer LogisticRegression(LogisticRegressionOptions? options = null) => new(options ?? new LogisticRegressionOptions());

    /// <summary>L2-regularised logistic regression with the most used settings.</summary>
    public LogisticRegressionTrainer LogisticRegression(string labelColumnName, string featureColumnName = "Features", double l2Regularization = 1.0) =>
        new(new LogisticRegressionOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, L2Regularization = l2Regularization });

    /// <summary>
    /// A trainer that rebalances its training data with <paramref name="sampler"/> and returns
    /// <paramref name="trainer"/>'s model: the wrapper form, which keeps samplers out of the fitted model.
    /// </summary>
    public OversamplingTrainer<TModel> WithOversampling<TModel>(OversamplingEstimator sampler, IEstimator<BinaryPredictionTransformer<TModel>> trainer)
        where TModel : class, IBinaryModel => new(sampler, trainer);
}
