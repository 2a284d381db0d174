namespace Microsoft.ML.Oversampling;

/// <summary>
/// How AutoSMOTE combines a seed <c>x</c> with its chosen neighbours (the aggregation criterion's options, papers.md
/// §3.3 [PROP]). With the k-NN criterion read as a count k, the set is <c>{x}</c> ∪ the first k neighbours and the
/// interpolation partner is one of them drawn uniformly; read as a rank k, the set is <c>{x, NN_k}</c> and the partner is NN_k.
/// </summary>
public enum AutoSmoteAggregation
{
    /// <summary>SMOTE's <c>x + u·(partner − x)</c>, u uniform in [0, 1).</summary>
    Interpolate,

    /// <summary>The mean of the set.</summary>
    Mean,

    /// <summary>The element-wise maximum of the set.</summary>
    Maximum,

    /// <summary>The element-wise minimum of the set.</summary>
    Minimum,

    /// <summary><c>x + u·(partner − x)</c> with a learned mixing weight <c>u = σ(wᵀ[x; partner] + b)</c> (the
    /// "learnable parameters" of the digests).</summary>
    LearnedInterpolate,
}
