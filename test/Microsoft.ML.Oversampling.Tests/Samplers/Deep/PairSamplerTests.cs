using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Tests.Samplers.Deep;

public class PairSamplerTests
{
    [Fact]
    public void DeterministicEnumerationVisitsEveryOrderedPairOnceBeforeRepeating()
    {
        const int rows = 7;
        var sampler = new PairSampler(PairSelection.DeterministicEnumeration, rows, neighbors: null, kNeighbors: 5);
        var first = new int[rows * (rows - 1)];
        var second = new int[first.Length];

        sampler.Draw(first, second, new DeterministicRandom(1));

        var pairs = first.Zip(second).ToHashSet();
        Assert.Equal(rows * (rows - 1), pairs.Count);
        Assert.DoesNotContain(pairs, p => p.First == p.Second);
        var next = new int[1];
        var nextSecond = new int[1];
        sampler.Draw(next, nextSecond, new DeterministicRandom(2), enumerationStart: first.Length);
        Assert.Equal((first[0], second[0]), (next[0], nextSecond[0])); // then the cycle starts again
    }

    [Fact]
    public void RandomPairsAreDistinctRowsAndCoverEveryOrderedPairEvenly()
    {
        const int rows = 4, draws = 120_000;
        var sampler = new PairSampler(PairSelection.Random, rows, neighbors: null, kNeighbors: 5);
        var first = new int[draws];
        var second = new int[draws];

        sampler.Draw(first, second, new DeterministicRandom(3));

        // 12 ordered pairs, each with probability 1/12: counts are binomial, std √(n·p·(1−p)) ≈ 95.7; allow 5 std.
        var counts = first.Zip(second).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(12, counts.Count);
        Assert.DoesNotContain(counts.Keys, p => p.First == p.Second);
        double expected = draws / 12.0, std = Math.Sqrt(draws * (1 / 12.0) * (11 / 12.0));
        Assert.All(counts.Values, c => Assert.InRange(c, expected - (5 * std), expected + (5 * std)));
    }

    [Fact]
    public void KNearestPairsJoinARowToOneOfItsNearestSameClassRows()
    {
        // Points on a line at 0, 1, 2, …: the 2 nearest of row i are its neighbours on the line (ties to the lower index).
        var line = new DenseMatrix(10, 1, Enumerable.Range(0, 10).Select(i => (float)i).ToArray());
        var sampler = new PairSampler(PairSelection.KNearestNeighbors, line, kNeighbors: 2);
        var first = new int[2000];
        var second = new int[2000];

        sampler.Draw(first, second, new DeterministicRandom(4));

        Assert.All(first.Zip(second), p => Assert.True(Math.Abs(p.First - p.Second) <= 2 && p.First != p.Second, $"{p}"));
        Assert.Contains(first.Zip(second), p => p == (0, 2)); // row 0's neighbours are 1 and 2
    }
}
