using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// The base row of each synthetic row: the nearest original row of the same class (exact search, ties to the lower
/// row index). It is defined for every sampler alike (an interpolated row's nearest original is usually the seed row
/// it grew from; a GAN row has no seed) and is where a synthetic row copies the columns the sampler does not generate.
/// </summary>
internal static class BaseRows
{
    /// <summary>Finds the base row of every synthetic row.</summary>
    public static int[] Find(DenseMatrix original, int[] originalLabels, DenseMatrix synthetic, IReadOnlyList<int> syntheticLabels)
    {
        var result = new int[synthetic.Rows];
        foreach (int label in syntheticLabels.Distinct())
        {
            int[] classRows = Enumerable.Range(0, originalLabels.Length).Where(i => originalLabels[i] == label).ToArray();
            int[] queries = Enumerable.Range(0, syntheticLabels.Count).Where(j => syntheticLabels[j] == label).ToArray();
            var search = new ExactNearestNeighbors(original.SelectRows(classRows));
            NeighborGraph nearest = search.Search(synthetic.SelectRows(queries), k: 1);
            for (int q = 0; q < queries.Length; q++)
            {
                result[queries[q]] = classRows[nearest.NeighborsOf(q)[0]];
            }
        }

        return result;
    }
}
