using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// One decision per row, as one tensor of one-hot heads side by side: participation (2 columns, column 1 is
/// "participates"), k-NN (<c>Neighbors</c> columns, column k − 1 is k) and aggregation (one column per option).
/// </summary>
/// <param name="All">Rows × (2 + neighbours + aggregations).</param>
/// <param name="NeighborOptions">The k-NN head's width.</param>
/// <param name="AggregationOptions">The aggregation head's width.</param>
internal sealed record CriteriaChoice(Tensor All, int NeighborOptions, int AggregationOptions)
{
    /// <summary>Rows × 2.</summary>
    public Tensor Participation => All.narrow(1, 0, 2);

    /// <summary>Rows × k-NN options.</summary>
    public Tensor Neighbors => All.narrow(1, 2, NeighborOptions);

    /// <summary>Rows × aggregation options.</summary>
    public Tensor Aggregation => All.narrow(1, 2 + NeighborOptions, AggregationOptions);

    /// <summary>The choices of the given rows (e.g. each sample's cohort).</summary>
    public CriteriaChoice Rows(Tensor index) => this with { All = All.index_select(0, index) };
}
