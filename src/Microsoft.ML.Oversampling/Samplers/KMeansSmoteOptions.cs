namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="KMeansSmote"/>. Defaults are imbalanced-learn 0.10's.</summary>
public sealed class KMeansSmoteOptions : NeighborOversamplerOptions
{
    /// <summary>Same-class neighbours to interpolate toward, within a cluster. Default 2 (imbalanced-learn's <c>k_neighbors</c>).</summary>
    public int KNeighbors { get; set; } = 2;

    /// <summary>
    /// Number of k-means clusters of the whole data. Default 8 (scikit-learn's <c>MiniBatchKMeans</c> default, which
    /// imbalanced-learn uses). With 1 cluster every row qualifies and the method reduces to SMOTE.
    /// </summary>
    public int Clusters { get; set; } = 8;

    /// <summary>
    /// The least share of a cluster's rows that must belong to the class for the cluster to receive synthetic rows.
    /// Default <c>null</c>, imbalanced-learn's "auto": half the class's share of all rows to generate, i.e.
    /// <c>rows to generate for the class / rows to generate for all classes / 2</c>.
    /// </summary>
    public double? ClusterBalanceThreshold { get; set; }

    /// <summary>
    /// Exponent of a cluster's mean distance in its sparsity, <c>mean distance^exponent / class rows in the cluster</c>.
    /// Default <c>null</c>, imbalanced-learn's "auto": <c>0.16 · log₁.₆(n)^1.8</c> with n the class's rows in the
    /// cluster (imbalanced-learn 0.10 uses that row count where the paper uses the number of features).
    /// </summary>
    public double? DensityExponent { get; set; }

    /// <summary>Lloyd iterations of the k-means at most (it stops earlier when no row changes cluster). Default 100.</summary>
    public int MaxIterations { get; set; } = 100;
}
