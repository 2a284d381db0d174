using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>A fitted, immutable mapping from tables to tables (ML.NET's <c>ITransformer</c>).</summary>
public interface ITransformer
{
    /// <summary>Applies the mapping. Scoring-time transforms never add or remove rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A needed column is missing or has the wrong type.</exception>
    DataView Transform(DataView input);
}

/// <summary>
/// A transformer that behaves differently while its pipeline is being fitted (the role of ML.NET's internal
/// <c>ITransformerWithDifferentMappingAtTrainingTime</c>). Samplers are the example: during <c>Fit</c> of a chain
/// they hand the rebalanced training data to the next estimators; in <see cref="ITransformer.Transform"/>,
/// that is at scoring, they are the identity.
/// </summary>
public interface ITrainingTimeTransformer : ITransformer
{
    /// <summary>The data the next estimator of a chain is fitted on, given the data this transformer was fitted on.</summary>
    DataView TransformForTraining(DataView trainingInput);

    /// <summary>The transformer to keep in the fitted model once training is over (it may drop training-only state,
    /// such as the rebalanced data it holds).</summary>
    ITransformer ForScoring();
}
