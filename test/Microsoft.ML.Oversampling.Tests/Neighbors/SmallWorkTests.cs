using System.Collections.Concurrent;
using Microsoft.ML.Oversampling.Neighbors;

namespace Microsoft.ML.Oversampling.Tests.Neighbors;

public class SmallWorkTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(1, 2)]
    [InlineData(50, 2)]
    [InlineData(50, 4)]
    public void EveryBlockRunsOnce_OnAWorkerNoOtherThreadUsesAtTheSameTime(int blocks, int threads)
    {
        int workers = SmallWork.Workers(blocks, threads);
        Assert.Equal(Math.Min(blocks, threads), workers);
        var runs = new int[blocks];
        var busy = new int[workers];
        var overlaps = new ConcurrentBag<int>();
        SmallWork.For(blocks, threads, (block, worker) =>
        {
            Assert.InRange(worker, 0, workers - 1);
            if (Interlocked.Exchange(ref busy[worker], 1) != 0)
            {
                overlaps.Add(worker);
            }

            Interlocked.Increment(ref runs[block]);
            Thread.SpinWait(2000);
            Volatile.Write(ref busy[worker], 0);
        });

        Assert.All(runs, count => Assert.Equal(1, count));
        Assert.Empty(overlaps);
    }

    [Fact]
    public void ExceptionsOfParallelBlocks_AreRethrownTogether_AndStopNewBlocks()
    {
        int started = 0;
        var error = Assert.Throws<AggregateException>(() => SmallWork.For(1000, 2, block =>
        {
            Interlocked.Increment(ref started);
            if (block == 3)
            {
                throw new InvalidOperationException("block 3 failed");
            }

            Thread.SpinWait(200);
        }));
        Assert.Contains(error.InnerExceptions, e => e.Message == "block 3 failed");
        Assert.True(Volatile.Read(ref started) < 1000, "blocks kept starting after one had failed");
    }

    [Fact]
    public void OnTheCallingThreadAlone_TheExceptionPropagatesAsItIs()
    {
        Assert.Throws<InvalidOperationException>(() => SmallWork.For(5, 1, block =>
        {
            if (block == 2)
            {
                throw new InvalidOperationException("block 2 failed");
            }
        }));
    }
}
