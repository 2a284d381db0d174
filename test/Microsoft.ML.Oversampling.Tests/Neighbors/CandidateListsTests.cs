using System.Runtime.Intrinsics.X86;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neighbors;

public class CandidateListsTests
{
    /// <summary>
    /// Offers keys in chunks the way the kernel does (mask against the threshold at the chunk's start) and checks
    /// that a list keeps exactly the smallest keys, ties ordered by offering order, for both the register
    /// insertion and the scalar one, with keys drawn from a small set so that ties at the boundary are common.
    /// </summary>
    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 40)]
    [InlineData(7, 300)]
    [InlineData(13, 1000)]
    [InlineData(16, 700)]
    [InlineData(22, 500)]
    public void KeepsTheSmallestKeys_TiesInOfferingOrder(int capacity, int offered)
    {
        foreach (bool vector in new[] { false, true })
        {
            for (int seed = 0; seed < 20; seed++)
            {
                var random = new DeterministicRandom((ulong)((capacity * 1000) + seed));
                float[] keys = Enumerable.Range(0, offered).Select(_ => (float)random.NextInt(50)).ToArray();
                var lists = new CandidateLists(2, capacity, vector);
                lists.Reset(2);
                const int list = 1;
                const int chunk = 64;
                for (int start = 0; start < offered; start += chunk)
                {
                    float threshold = lists.Thresholds[list];
                    ulong mask = 0;
                    var chunkKeys = new float[chunk];
                    for (int lane = 0; lane < chunk && start + lane < offered; lane++)
                    {
                        chunkKeys[lane] = keys[start + lane];
                        if (chunkKeys[lane] < threshold)
                        {
                            mask |= 1UL << lane;
                        }
                    }

                    lists.Offer(list, chunkKeys, mask, start);
                }

                int[] expected = Enumerable.Range(0, offered).OrderBy(i => keys[i]).ThenBy(i => i).Take(capacity).ToArray();
                Assert.Equal(expected, lists.Indices(list).ToArray());
                Assert.Equal(0, lists.Count(0));
                float worst = offered >= capacity ? keys[expected[^1]] : float.PositiveInfinity;
                Assert.Equal(worst, lists.Worst(list));
            }
        }
    }

    [Fact]
    public void ResetEmptiesAListForReuse()
    {
        var lists = new CandidateLists(1, 4, allowVector512: Avx512F.IsSupported);
        lists.Reset(1);
        lists.Offer(0, [1f, 2f, 3f, 4f, 5f], 0b11111, 0);
        Assert.Equal(4f, lists.Worst(0));
        lists.Reset(1);
        Assert.Equal(0, lists.Count(0));
        Assert.Equal(float.PositiveInfinity, lists.Worst(0));
        lists.Offer(0, [9f, 8f], 0b11, 10);
        Assert.Equal([11, 10], lists.Indices(0).ToArray());
    }
}
