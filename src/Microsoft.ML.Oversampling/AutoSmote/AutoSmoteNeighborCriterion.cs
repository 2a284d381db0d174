namespace Microsoft.ML.Oversampling;

/// <summary>What AutoSMOTE's k-NN criterion chooses, k ∈ {1 … <see cref="AutoSmoteOptions.MaxNeighbors"/>} (papers.md §3.6 item 1).</summary>
public enum AutoSmoteNeighborCriterion
{
    /// <summary>How many of the seed's nearest same-class neighbours take part (the neighbourhood size).</summary>
    Count,

    /// <summary>Which neighbour takes part: the k-th nearest.</summary>
    Rank,
}
