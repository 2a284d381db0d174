using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neighbors;

/// <summary>
/// The integer screening of the exact search (<see cref="QuantizedReference"/>, <see cref="Int16DistanceKernel"/>):
/// its keys stay within their stated bound, and searches screened in integers give exactly the brute-force answer.
/// </summary>
public class Int16ScreeningTests
{
    private static readonly NearestNeighborOptions IntegerScreening = new() { Screening = ScreeningPrecision.Int16 };

    [Theory]
    [MemberData(nameof(ExactNearestNeighborsTests.Shapes), MemberType = typeof(ExactNearestNeighborsTests))]
    public void SeparateQueries_ScreenedInIntegers_EqualBruteForce(int rows, int columns, int k, bool ties, double offset)
    {
        if (!ExactNearestNeighbors.CanScreenInIntegers(columns, IntegerScreening))
        {
            Assert.Throws<NotSupportedException>(() => new ExactNearestNeighbors(ExactNearestNeighborsTests.RandomData(4, columns, 1), IntegerScreening));
            return;
        }

        int n = Math.Max(rows, k);
        DenseMatrix reference = ExactNearestNeighborsTests.RandomData(n, columns, seed: 3 * rows, offset, ties);
        DenseMatrix queries = ExactNearestNeighborsTests.RandomData(97, columns, seed: 5 * rows, offset, ties).AppendRows(reference.SelectRows([0, n - 1]));
        var search = new ExactNearestNeighbors(reference, IntegerScreening);
        Assert.True(search.ScreensInIntegers);
        NeighborGraph graph = search.Search(queries, k);
        var (expected, expectedDistances) = BruteForceNeighbors.Search(reference, queries, k);
        Assert.Equal(expected, graph.Indices);
        Assert.Equal(expectedDistances, graph.SquaredDistances);

        int[] rowsToQuery = Enumerable.Range(0, n).Where(i => i % 3 == 1).ToArray();
        if (rowsToQuery.Length > 0 && k <= n - 1)
        {
            NeighborGraph own = search.SearchRows(rowsToQuery, k);
            var (expectedOwn, _) = BruteForceNeighbors.Search(reference, reference.SelectRows(rowsToQuery), k, q => rowsToQuery[q]);
            Assert.Equal(expectedOwn, own.Indices);
        }
    }

    [Fact]
    public void GaussianRows_AreAlmostAllCertifiedByTheIntegerScreening()
    {
        if (!ExactNearestNeighbors.CanScreenInIntegers(30, IntegerScreening))
        {
            return;
        }

        // The integer keys' error bound is about √d / 32 000 of the squared scale, far below the gap between the k-th
        // and (k + 2)-th squared distances of continuous data, so re-screening in single precision must be rare.
        DenseMatrix reference = ExactNearestNeighborsTests.RandomData(5000, 30, seed: 21);
        int[] rows = Enumerable.Range(0, 1000).Select(i => 5 * i).ToArray();
        var search = new ExactNearestNeighbors(reference, IntegerScreening);
        NeighborGraph graph = search.SearchRows(rows, 10);
        Assert.True(search.RescreenedQueries < rows.Length / 100, $"{search.RescreenedQueries} of {rows.Length} queries were re-screened.");
        NeighborGraph single = new ExactNearestNeighbors(reference, new NearestNeighborOptions { Screening = ScreeningPrecision.Single }).SearchRows(rows, 10);
        Assert.Equal(single.Indices, graph.Indices);
        Assert.Equal(single.SquaredDistances, graph.SquaredDistances);
    }

    [Fact]
    public void SmallIntegerFeatures_NotCertifiedInIntegers_AreStillExact()
    {
        if (!ExactNearestNeighbors.CanScreenInIntegers(16, IntegerScreening))
        {
            return;
        }

        // Many rows share the k-th distance: neither screening can certify, and the exact path must take over.
        var random = new DeterministicRandom(4);
        var data = new DenseMatrix(900, 16);
        for (int i = 0; i < data.Values.Length; i++)
        {
            data.Values[i] = 100 + random.NextInt(3);
        }

        int[] rows = Enumerable.Range(0, 900).ToArray();
        var search = new ExactNearestNeighbors(data, IntegerScreening);
        NeighborGraph graph = search.SearchRows(rows, 5);
        var (expected, expectedDistances) = BruteForceNeighbors.Search(data, data, 5, q => q);
        Assert.True(search.RescreenedQueries > 0);
        Assert.Equal(expected, graph.Indices);
        Assert.Equal(expectedDistances, graph.SquaredDistances);
    }

    [Fact]
    public void IntegerKeys_StayWithinTheirBound()
    {
        // Recompute the kernel's key for every pair from the packed integers and compare it with the key from the
        // centred single-precision values in double precision: the difference must never exceed the bound PackQuery returns.
        if (!ExactNearestNeighbors.CanScreenInIntegers(13, IntegerScreening))
        {
            return;
        }

        DenseMatrix reference = ExactNearestNeighborsTests.RandomData(700, 13, seed: 9, offset: 50);
        DenseMatrix queries = ExactNearestNeighborsTests.RandomData(40, 13, seed: 10, offset: 49).AppendRows(reference.SelectRows([3]));
        var packed = new PackedReference(reference, 1);
        var quantized = new QuantizedReference(packed, 1);
        int pairs = quantized.Pairs;
        var centredQuery = new float[13];
        var centredRow = new float[13];
        var packedQuery = new int[pairs];
        double largestRatio = 0;
        for (int q = 0; q < queries.Rows; q++)
        {
            float queryNorm = packed.Centre(queries.Row(q), centredQuery);
            var (factor, bound) = quantized.PackQuery(centredQuery, packedQuery, 1);
            for (int r = 0; r < reference.Rows; r++)
            {
                packed.Centre(reference.Row(r), centredRow);
                int panelOffset = (r / PackedReference.PanelWidth) * PackedReference.PanelWidth * 2 * pairs;
                int rowOffset = panelOffset + QuantizedReference.TileOffset(r % PackedReference.PanelWidth, pairs);
                int dot = 0;
                double exactDot = 0;
                for (int p = 0; p < pairs; p++)
                {
                    int offset = rowOffset + (p * 2 * PackedReference.TileWidth);
                    dot += ((short)packedQuery[p] * quantized.Panels[offset]) + ((packedQuery[p] >> 16) * quantized.Panels[offset + 1]);
                }

                for (int j = 0; j < 13; j++)
                {
                    exactDot += (double)centredQuery[j] * centredRow[j];
                }

                float norm = packed.Norms[r];
                float key = MathF.FusedMultiplyAdd(dot, factor, norm);
                double difference = Math.Abs(key - (norm - (2 * exactDot)));
                Assert.True(difference <= bound, $"query {q}, row {r}: |difference| {difference} > bound {bound}");
                largestRatio = Math.Max(largestRatio, difference / bound);
            }
        }

        // The bound is meant to be tight to within small factors, not vacuous.
        Assert.True(largestRatio > 1e-3, $"largest difference / bound = {largestRatio}");
    }

    [Fact]
    public void ForcedIntegerScreening_WithoutTheWideKernel_IsRejected()
    {
        DenseMatrix data = ExactNearestNeighborsTests.RandomData(10, 3, seed: 1);
        var options = new NearestNeighborOptions { Screening = ScreeningPrecision.Int16, DisableVector512 = true };
        Assert.Throws<NotSupportedException>(() => new ExactNearestNeighbors(data, options));
    }
}
