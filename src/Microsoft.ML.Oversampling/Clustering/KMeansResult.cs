using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Clustering;

/// <summary>The outcome of <see cref="KMeansClustering.Fit"/>.</summary>
/// <param name="Centroids">One row per cluster.</param>
/// <param name="Assignments">The cluster of each input row.</param>
/// <param name="Iterations">Lloyd iterations run.</param>
public sealed record KMeansResult(DenseMatrix Centroids, int[] Assignments, int Iterations)
{
    /// <summary>Number of clusters (some may be empty).</summary>
    public int ClusterCount => Centroids.Rows;

    /// <summary>The input rows of each cluster, ascending.</summary>
    public int[][] RowsByCluster()
    {
        var rows = Enumerable.Range(0, ClusterCount).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < Assignments.Length; i++)
        {
            rows[Assignments[i]].Add(i);
        }

        return rows.Select(list => list.ToArray()).ToArray();
    }
}
