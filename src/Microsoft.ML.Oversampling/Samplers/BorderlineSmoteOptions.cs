namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="BorderlineSmote"/>.</summary>
public sealed class BorderlineSmoteOptions : NeighborOversamplerOptions
{
    /// <summary>Neighbours used for interpolation (imbalanced-learn's <c>k_neighbors</c>). Default 5.</summary>
    public int KNeighbors { get; set; } = 5;

    /// <summary>
    /// Neighbours among all rows that decide whether a row is in danger (imbalanced-learn's <c>m_neighbors</c>).
    /// Default 10. A row is in danger when at least half, but not all, of them belong to other classes.
    /// </summary>
    public int MNeighbors { get; set; } = 10;

    /// <summary>The variant. Default <see cref="BorderlineKind.Borderline1"/>.</summary>
    public BorderlineKind Kind { get; set; } = BorderlineKind.Borderline1;
}
