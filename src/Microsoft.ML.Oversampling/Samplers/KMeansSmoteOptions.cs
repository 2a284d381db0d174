namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Options of <see cref="KMeansSmote"/>. Defaults are imbalanced-learn 0.10's, except that by default a class whose
/// clusters all fall below <see cref="ClusterBalanceThreshold"/> falls back to its highest-share clusters instead of
/// failing (see <see cref="StrictClusterBalanceThreshold"/>).
/// </summary>
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
    /// <c>rows to generate for the class / rows to generate for all classes / 2</c>. A hard limit only with
    /// <see cref="StrictClusterBalanceThreshold"/>; by default, when no cluster reaches it, it is lowered as that
    /// option describes.
    /// </summary>
    public double? ClusterBalanceThreshold { get; set; }

    /// <summary>
    /// Whether <see cref="ClusterBalanceThreshold"/> is a hard limit, as in imbalanced-learn. Default <c>false</c>.
    /// </summary>
    /// <remarks>
    /// <para>A cluster is a <em>candidate</em> for a class when at least <c>KNeighbors + 1</c> of its rows belong to
    /// the class; its <em>share</em> is the fraction of its rows that do. The candidates whose share reaches the
    /// threshold are kept, as in imbalanced-learn, whatever this option says.</para>
    /// <para>When no candidate reaches it: with <c>true</c>, imbalanced-learn's behaviour, resampling fails with an
    /// <see cref="InvalidOperationException"/> naming the threshold (which happens with the defaults on most real
    /// data, where the minority is rarely half of a cluster). With <c>false</c>, <b>our choice, not
    /// imbalanced-learn's</b>: the threshold is lowered to half the highest candidate share, so the candidates where
    /// the class is at least half as frequent as in its best cluster are kept (the same factor ½ as the "auto"
    /// threshold). Only a class with no candidate at all still fails. Where imbalanced-learn succeeds, both settings
    /// give the same rows.</para>
    /// </remarks>
    public bool StrictClusterBalanceThreshold { get; set; }

    /// <summary>
    /// Exponent of a cluster's mean distance in its sparsity, <c>mean distance^exponent / class rows in the cluster</c>.
    /// Default <c>null</c>, imbalanced-learn's "auto": <c>0.16 · log₁.₆(n)^1.8</c> with n the class's rows in the
    /// cluster (imbalanced-learn 0.10 uses that row count where the paper uses the number of features).
    /// </summary>
    public double? DensityExponent { get; set; }

    /// <summary>Lloyd iterations of the k-means at most (it stops earlier when no row changes cluster). Default 100.</summary>
    public int MaxIterations { get; set; } = 100;
}
