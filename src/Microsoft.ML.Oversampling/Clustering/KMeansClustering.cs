using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Clustering;

/// <summary>
/// Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii, 2007): deterministic for a random stream, and
/// bit-identical for any thread count (assignments are computed in parallel over fixed blocks, centroids are summed
/// sequentially in double precision).
/// </summary>
public static class KMeansClustering
{
    private const int RowsPerBlock = 2048;

    /// <summary>Clusters the rows of <paramref name="data"/>.</summary>
    /// <param name="data">Rows × features; every value must be finite.</param>
    /// <param name="clusters">Number of clusters; at most the number of rows.</param>
    /// <param name="random">The stream that seeds the centroids.</param>
    /// <param name="maxIterations">Lloyd iterations at most; iteration stops earlier when no row changes cluster.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the assignment step; <c>null</c> for the library-wide cap.</param>
    /// <exception cref="ArgumentException">Fewer rows than clusters, or non-finite values.</exception>
    public static KMeansResult Fit(DenseMatrix data, int clusters, DeterministicRandom random, int maxIterations = 100, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        if (data.Rows < clusters)
        {
            throw new ArgumentException($"k-means with {clusters} clusters needs at least {clusters} rows; the data has {data.Rows}.", nameof(data));
        }

        if (data.TryFindNonFinite(out int row, out int column))
        {
            throw new ArgumentException($"Value at row {row}, feature {column} is not finite.", nameof(data));
        }

        int threads = maxDegreeOfParallelism ?? Parallelism.EffectiveDegree;
        DenseMatrix centroids = SeedPlusPlus(data, clusters, random);
        var assignments = new int[data.Rows];
        Array.Fill(assignments, -1);
        int iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            bool changed = Assign(data, centroids, assignments, threads);
            if (!changed)
            {
                break;
            }

            UpdateCentroids(data, assignments, centroids);
        }

        return new KMeansResult(centroids, assignments, iterations);
    }

    /// <summary>
    /// k-means++ seeding: the first centroid is a uniformly drawn row, each next one a row drawn with probability
    /// proportional to its squared distance to the nearest centroid so far (uniformly among all rows when every
    /// row already coincides with a centroid).
    /// </summary>
    private static DenseMatrix SeedPlusPlus(DenseMatrix data, int clusters, DeterministicRandom random)
    {
        var centroids = new DenseMatrix(clusters, data.Columns);
        var nearest = new double[data.Rows];
        Array.Fill(nearest, double.PositiveInfinity);
        int chosen = random.NextInt(data.Rows);
        for (int c = 0; c < clusters; c++)
        {
            data.Row(chosen).CopyTo(centroids.Row(c));
            double total = 0;
            for (int i = 0; i < data.Rows; i++)
            {
                nearest[i] = Math.Min(nearest[i], ExactNearestNeighbors.SquaredDistance(data.Row(i), centroids.Row(c)));
                total += nearest[i];
            }

            if (c + 1 == clusters)
            {
                break;
            }

            chosen = total > 0 ? DrawProportional(nearest, total, random) : random.NextInt(data.Rows);
        }

        return centroids;
    }

    private static int DrawProportional(double[] weights, double total, DeterministicRandom random)
    {
        double target = random.NextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                cumulative += weights[i];
                last = i;
                if (target < cumulative)
                {
                    return i;
                }
            }
        }

        return last; // rounding left the target at the very end
    }

    /// <summary>Assigns every row to its nearest centroid (ties to the lower index); returns whether any row moved.</summary>
    private static bool Assign(DenseMatrix data, DenseMatrix centroids, int[] assignments, int threads)
    {
        int blocks = (data.Rows + RowsPerBlock - 1) / RowsPerBlock;
        var changed = new bool[blocks];
        SmallWork.For(blocks, SmallWork.Threads(3L * data.Rows * centroids.Rows * data.Columns, threads), block =>
            changed[block] = AssignBlock(data, centroids, assignments, block * RowsPerBlock, Math.Min(data.Rows, (block + 1) * RowsPerBlock)));
        return changed.Contains(true);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AssignBlock(DenseMatrix data, DenseMatrix centroids, int[] assignments, int start, int end)
    {
        bool changed = false;
        for (int i = start; i < end; i++)
        {
            ReadOnlySpan<float> values = data.Row(i);
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int c = 0; c < centroids.Rows; c++)
            {
                double distance = ExactNearestNeighbors.SquaredDistance(values, centroids.Row(c));
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = c;
                }
            }

            changed |= assignments[i] != best;
            assignments[i] = best;
        }

        return changed;
    }

    /// <summary>Moves each centroid to the mean of its rows; a cluster left empty keeps its centroid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateCentroids(DenseMatrix data, int[] assignments, DenseMatrix centroids)
    {
        int d = data.Columns;
        var sums = new double[centroids.Rows * d];
        var counts = new int[centroids.Rows];
        for (int i = 0; i < data.Rows; i++)
        {
            int c = assignments[i];
            counts[c]++;
            ReadOnlySpan<float> values = data.Row(i);
            Span<double> sum = sums.AsSpan(c * d, d);
            for (int j = 0; j < d; j++)
            {
                sum[j] += values[j];
            }
        }

        for (int c = 0; c < centroids.Rows; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            Span<float> centroid = centroids.Row(c);
            for (int j = 0; j < d; j++)
            {
                centroid[j] = (float)(sums[(c * d) + j] / counts[c]);
            }
        }
    }
}
