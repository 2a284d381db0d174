namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// The k nearest reference rows of each query: indices and exact squared Euclidean distances, nearest first,
/// equal distances ordered by ascending reference index.
/// </summary>
public sealed class NeighborGraph
{
    internal NeighborGraph(int queryCount, int k, int[] indices, double[] squaredDistances)
    {
        QueryCount = queryCount;
        K = k;
        Indices = indices;
        SquaredDistances = squaredDistances;
    }

    /// <summary>Number of queries.</summary>
    public int QueryCount { get; }

    /// <summary>Neighbours per query.</summary>
    public int K { get; }

    /// <summary>Reference-row indices, query-major (<c>QueryCount × K</c>).</summary>
    public int[] Indices { get; }

    /// <summary>Squared Euclidean distances (computed in double precision), aligned with <see cref="Indices"/>.</summary>
    public double[] SquaredDistances { get; }

    /// <summary>The neighbours of one query, nearest first.</summary>
    public ReadOnlySpan<int> NeighborsOf(int query) => Indices.AsSpan(query * K, K);

    /// <summary>The squared distances of one query's neighbours, ascending.</summary>
    public ReadOnlySpan<double> SquaredDistancesOf(int query) => SquaredDistances.AsSpan(query * K, K);
}
