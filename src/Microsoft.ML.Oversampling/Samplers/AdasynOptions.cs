namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="Adasyn"/>.</summary>
public sealed class AdasynOptions : NeighborOversamplerOptions
{
    /// <summary>
    /// Neighbours used both to weight each row (share of other-class rows among its neighbours in the whole data)
    /// and to interpolate (same-class neighbours). Default 5, as imbalanced-learn's <c>n_neighbors</c>.
    /// </summary>
    public int NNeighbors { get; set; } = 5;
}
