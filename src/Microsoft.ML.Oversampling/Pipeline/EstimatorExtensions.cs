namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>Builds pipelines: <c>a.Append(b).Append(c)</c>, as in ML.NET.</summary>
public static class EstimatorExtensions
{
    /// <summary>Returns a chain that fits <paramref name="start"/> then <paramref name="next"/> on its output.</summary>
    public static EstimatorChain<TTransformer> Append<TTransformer>(this IEstimator<ITransformer> start, IEstimator<TTransformer> next)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(next);
        return new EstimatorChain<TTransformer>([start, next]);
    }
}
