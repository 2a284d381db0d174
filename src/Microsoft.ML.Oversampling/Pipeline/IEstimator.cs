using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// Something that learns from data: <see cref="Fit"/> does the work and returns an immutable transformer
/// (ML.NET's <c>IEstimator&lt;TTransformer&gt;</c>). Building an estimator is cheap and does no work.
/// </summary>
/// <typeparam name="TTransformer">The fitted transformer's type.</typeparam>
public interface IEstimator<out TTransformer>
    where TTransformer : ITransformer
{
    /// <summary>Learns from <paramref name="input"/> and returns the fitted transformer.</summary>
    TTransformer Fit(DataView input);
}
