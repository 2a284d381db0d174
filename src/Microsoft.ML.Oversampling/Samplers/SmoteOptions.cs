namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="Smote"/>.</summary>
public sealed class SmoteOptions : NeighborOversamplerOptions
{
    /// <summary>
    /// Number of same-class nearest neighbours each row may be interpolated toward. Default 5, as
    /// imbalanced-learn's <c>k_neighbors</c>; every grown class needs at least <c>KNeighbors + 1</c> rows.
    /// </summary>
    public int KNeighbors { get; set; } = 5;
}
