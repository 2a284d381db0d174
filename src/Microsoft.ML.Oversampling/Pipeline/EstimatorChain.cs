using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// Estimators fitted in order, each on the output of the previous fitted step (ML.NET's
/// <c>EstimatorChain&lt;TLast&gt;</c>). Build one with <see cref="EstimatorExtensions.Append{TTransformer}"/>.
/// </summary>
/// <remarks>
/// A step whose transformer is an <see cref="ITrainingTimeTransformer"/> (every sampler) feeds the next step with
/// its training-time output (the rebalanced data), and is kept in the fitted chain in its scoring form, which
/// is the identity. This is imbalanced-learn's Pipeline semantics: samplers act only in fit. A chain used as a
/// step of another chain passes its own training-time output on in the same way.
/// </remarks>
/// <typeparam name="TLastTransformer">The type of the last step's transformer.</typeparam>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>, IEstimatorChain
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;

    internal EstimatorChain(IEnumerable<IEstimator<ITransformer>> estimators)
    {
        _estimators = estimators.ToArray();
    }

    /// <summary>The estimators, in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>Returns a new chain with <paramref name="estimator"/> appended.</summary>
    public EstimatorChain<TNewLast> Append<TNewLast>(IEstimator<TNewLast> estimator)
        where TNewLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewLast>([.. _estimators, estimator]);
    }

    /// <summary>Fits every step in order and returns the fitted chain.</summary>
    public TransformerChain<TLastTransformer> Fit(DataView input) => FitForTraining(input, out _);

    /// <inheritdoc />
    ITransformer IEstimatorChain.FitForTraining(DataView input, out DataView trainingOutput) => FitForTraining(input, out trainingOutput);

    private TransformerChain<TLastTransformer> FitForTraining(DataView input, out DataView trainingOutput)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fitted = new ITransformer[_estimators.Length];
        DataView current = input;
        for (int i = 0; i < _estimators.Length; i++)
        {
            IEstimator<ITransformer> estimator = _estimators[i];
            if (estimator is IEstimatorChain nested)
            {
                fitted[i] = nested.FitForTraining(current, out current);
                continue;
            }

            ITransformer transformer = estimator.Fit(current);
            if (transformer is ITrainingTimeTransformer trainingTime)
            {
                current = trainingTime.TransformForTraining(current);
                fitted[i] = trainingTime.ForScoring();
            }
            else
            {
                // The last step's output is only needed when this chain is nested in another one; computing it
                // costs one scoring pass, which is cheap next to fitting.
                current = transformer.Transform(current);
                fitted[i] = transformer;
            }
        }

        trainingOutput = current;
        return new TransformerChain<TLastTransformer>(fitted);
    }
}

/// <summary>Lets a chain nested as a step of another chain hand on its training-time output.</summary>
internal interface IEstimatorChain
{
    ITransformer FitForTraining(DataView input, out DataView trainingOutput);
}
