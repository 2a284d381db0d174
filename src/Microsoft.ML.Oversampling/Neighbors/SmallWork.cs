namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// Runs fixed blocks of work in parallel only when there is enough work to pay for waking threads (on small
/// inputs that costs more than the work itself). Blocks are the same either way, so results never change.
/// </summary>
internal static class SmallWork
{
    /// <summary>Below about this many floating-point operations, a call runs on the calling thread.</summary>
    public const long ParallelThreshold = 1L << 22;

    /// <summary>The thread count to use for <paramref name="operations"/> units of work.</summary>
    public static int Threads(long operations, int maxDegreeOfParallelism) =>
        operations < ParallelThreshold ? 1 : maxDegreeOfParallelism;

    /// <summary>Runs <paramref name="body"/> for blocks 0 to <paramref name="blocks"/> − 1.</summary>
    public static void For(int blocks, int threads, Action<int> body)
    {
        if (threads <= 1 || blocks <= 1)
        {
            for (int block = 0; block < blocks; block++)
            {
                body(block);
            }

            return;
        }

        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
