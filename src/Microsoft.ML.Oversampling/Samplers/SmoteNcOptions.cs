namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="SmoteNc"/>.</summary>
public sealed class SmoteNcOptions : NeighborOversamplerOptions
{
    /// <summary>Number of same-class nearest neighbours (imbalanced-learn's <c>k_neighbors</c>). Default 5.</summary>
    public int KNeighbors { get; set; } = 5;

    /// <summary>
    /// Indices of the categorical features (required; at least one, and at least one feature must stay
    /// continuous). A categorical feature's values are category codes compared for equality only.
    /// </summary>
    public IReadOnlyList<int> CategoricalFeatures { get; set; } = [];
}
