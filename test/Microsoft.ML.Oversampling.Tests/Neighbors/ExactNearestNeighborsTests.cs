using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neighbors;

public class ExactNearestNeighborsTests
{
    /// <summary>Gaussian rows, optionally offset far from the origin, with duplicated rows and integer grids to force ties.</summary>
    internal static DenseMatrix RandomData(int rows, int columns, int seed, double offset = 0, bool withTies = false)
    {
        var random = new DeterministicRandom(seed);
        var matrix = new DenseMatrix(rows, columns);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = withTies && i % 3 == 0
                    ? (float)(offset + random.NextInt(3))
                    : (float)(offset + random.NextGaussian());
            }
        }

        if (withTies)
        {
            for (int i = 1; i < rows; i += 7)
            {
                matrix.Row(random.NextInt(rows)).CopyTo(matrix.Row(i));
            }
        }

        return matrix;
    }

    public static TheoryData<int, int, int, bool, double> Shapes => new()
    {
        { 1, 1, 1, false, 0 },
        { 7, 3, 6, true, 0 },
        { 50, 2, 5, true, 0 },
        { 300, 10, 10, true, 0 },
        { 517, 30, 11, false, 1000 },
        { 700, 100, 6, true, 0 },
        { 1000, 17, 20, true, 0 },
        { 2000, 5, 3, false, 0 },
        { 400, 8, 5, true, 10_000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SelfSearch_EqualsDoublePrecisionBruteForce(int rows, int columns, int k, bool ties, double offset)
    {
        int n = Math.Max(rows, k + 1);
        DenseMatrix data = RandomData(n, columns, seed: rows + columns, offset, ties);
        foreach (bool narrow in new[] { false, true })
        {
            var search = new ExactNearestNeighbors(data, new NearestNeighborOptions { DisableVector512 = narrow });
            NeighborGraph graph = search.SearchSelf(k);
            var (expected, expectedDistances) = BruteForceNeighbors.Search(data, data, k, q => q);
            Assert.Equal(expected, graph.Indices);
            Assert.Equal(expectedDistances, graph.SquaredDistances);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SeparateQueries_EqualBruteForce(int rows, int columns, int k, bool ties, double offset)
    {
        int n = Math.Max(rows, k);
        DenseMatrix reference = RandomData(n, columns, seed: 3 * rows, offset, ties);
        DenseMatrix queries = RandomData(97, columns, seed: 5 * rows, offset, ties).AppendRows(reference.SelectRows([0, n - 1]));
        var graph = new ExactNearestNeighbors(reference).Search(queries, k);
        var (expected, expectedDistances) = BruteForceNeighbors.Search(reference, queries, k);
        Assert.Equal(expected, graph.Indices);
        Assert.Equal(expectedDistances, graph.SquaredDistances);
    }

    [Fact]
    public void SubsetOfRows_ExcludesEachQuerysOwnRowOnly()
    {
        DenseMatrix data = RandomData(400, 8, seed: 11, withTies: true);
        int[] rows = Enumerable.Range(0, 400).Where(i => i % 5 == 2).ToArray();
        NeighborGraph graph = new ExactNearestNeighbors(data).SearchRows(rows, 10);
        var (expected, _) = BruteForceNeighbors.Search(data, data.SelectRows(rows), 10, q => rows[q]);
        Assert.Equal(expected, graph.Indices);
        Assert.Equal(rows.Length, graph.QueryCount);
    }

    [Theory]
    [InlineData(600, 3, 10)]
    [InlineData(900, 16, 5)]
    public void SmallIntegerValues_ManyExactTies_EqualBruteForce(int rows, int columns, int k)
    {
        // Like letter_img: small integer features, so many rows share the k-th distance and the first screening
        // cannot certify the result; the re-screening with more candidates must still give the exact answer.
        var random = new DeterministicRandom(rows);
        var data = new DenseMatrix(rows, columns);
        for (int i = 0; i < data.Values.Length; i++)
        {
            data.Values[i] = 100 + random.NextInt(3);
        }

        NeighborGraph graph = new ExactNearestNeighbors(data).SearchSelf(k);
        var (expected, expectedDistances) = BruteForceNeighbors.Search(data, data, k, q => q);
        Assert.Equal(expected, graph.Indices);
        Assert.Equal(expectedDistances, graph.SquaredDistances);
    }

    [Fact]
    public void AllRowsIdentical_TiesBrokenByIndex()
    {
        var data = new DenseMatrix(40, 4);
        data.Values.AsSpan().Fill(2.5f);
        NeighborGraph graph = new ExactNearestNeighbors(data).SearchSelf(5);
        Assert.Equal([1, 2, 3, 4, 5], graph.NeighborsOf(0).ToArray());
        Assert.Equal([0, 1, 2, 3, 4], graph.NeighborsOf(7).ToArray());
        Assert.All(graph.SquaredDistances, d => Assert.Equal(0.0, d));
    }

    [Fact]
    public void AllRowsIdentical_AcrossSeveralPanels_TiesBrokenByIndex()
    {
        // 600 rows span three panels, so the self-search takes the symmetric path, where every screening key ties.
        var data = new DenseMatrix(600, 3);
        data.Values.AsSpan().Fill(-7.25f);
        NeighborGraph graph = new ExactNearestNeighbors(data).SearchSelf(4);
        Assert.Equal([1, 2, 3, 4], graph.NeighborsOf(0).ToArray());
        Assert.Equal([0, 1, 2, 3], graph.NeighborsOf(599).ToArray());
        Assert.All(graph.SquaredDistances, d => Assert.Equal(0.0, d));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SymmetricSelfSearch_EqualsTheOneWaySearchOfTheSameRows(bool narrow)
    {
        // SearchSelf visits each pair once (both directions from one dot product); SearchRows over every row scans
        // each pair twice. Both must give the exact answer, ties included.
        DenseMatrix data = RandomData(1100, 9, seed: 8, withTies: true);
        var search = new ExactNearestNeighbors(data, new NearestNeighborOptions { DisableVector512 = narrow });
        NeighborGraph symmetric = search.SearchSelf(9);
        NeighborGraph oneWay = search.SearchRows(Enumerable.Range(0, data.Rows).ToArray(), 9);
        Assert.Equal(oneWay.Indices, symmetric.Indices);
        Assert.Equal(oneWay.SquaredDistances, symmetric.SquaredDistances);
    }

    [Fact]
    public void ResultsAreBitIdenticalForOneAndTwoThreads()
    {
        DenseMatrix data = RandomData(3000, 12, seed: 2, withTies: true);
        NeighborGraph one = new ExactNearestNeighbors(data, new NearestNeighborOptions { MaxDegreeOfParallelism = 1 }).SearchSelf(7);
        NeighborGraph two = new ExactNearestNeighbors(data, new NearestNeighborOptions { MaxDegreeOfParallelism = 2 }).SearchSelf(7);
        Assert.Equal(one.Indices, two.Indices);
        Assert.Equal(one.SquaredDistances, two.SquaredDistances);
    }

    [Fact]
    public void InvalidArguments_AreRejectedWithClearMessages()
    {
        DenseMatrix data = RandomData(5, 2, seed: 1);
        var search = new ExactNearestNeighbors(data);
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => search.SearchSelf(5));
        Assert.Contains("between 1 and 4", tooMany.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Search(data, 0));
        Assert.Throws<ArgumentException>(() => search.Search(new DenseMatrix(2, 3), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => search.SearchRows([5], 1));
        data[1, 1] = float.NaN;
        Assert.Throws<ArgumentException>(() => new ExactNearestNeighbors(data));
        Assert.Throws<ArgumentException>(() => new ExactNearestNeighbors(new DenseMatrix(0, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactNearestNeighbors(RandomData(5, 2, 1), new NearestNeighborOptions { MaxDegreeOfParallelism = 0 }));
    }
}
