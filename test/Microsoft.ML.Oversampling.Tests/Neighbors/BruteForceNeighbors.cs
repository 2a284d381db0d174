using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neighbors;

/// <summary>The obviously correct reference: every distance in double precision, sorted by (distance, index).</summary>
internal static class BruteForceNeighbors
{
    public static (int[] Indices, double[] Distances) Search(DenseMatrix reference, DenseMatrix queries, int k, Func<int, int>? selfOf = null)
    {
        var indices = new int[queries.Rows * k];
        var distances = new double[queries.Rows * k];
        for (int q = 0; q < queries.Rows; q++)
        {
            int self = selfOf?.Invoke(q) ?? -1;
            var all = new List<(double Distance, int Index)>();
            for (int r = 0; r < reference.Rows; r++)
            {
                if (r == self)
                {
                    continue;
                }

                double sum = 0;
                for (int j = 0; j < reference.Columns; j++)
                {
                    double diff = (double)queries[q, j] - reference[r, j];
                    sum += diff * diff;
                }

                all.Add((sum, r));
            }

            all.Sort();
            for (int i = 0; i < k; i++)
            {
                indices[(q * k) + i] = all[i].Index;
                distances[(q * k) + i] = all[i].Distance;
            }
        }

        return (indices, distances);
    }
}
