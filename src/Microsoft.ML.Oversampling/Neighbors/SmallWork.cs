namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// Runs fixed blocks of work in parallel only when there is enough work to pay for waking threads (on small
/// inputs that costs more than the work itself). Blocks are the same either way, so results never change.
/// </summary>
/// <remarks>
/// The calling thread and <c>threads − 1</c> thread-pool tasks take blocks in turn from one shared counter until none
/// is left. <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> did the same, but its worker tasks give
/// their thread back after a time slice (about 100–200 ms) and queue a successor; in a fresh process the successor
/// could wait tens of milliseconds for a thread, leaving one core idle during the first long search (issue 16).
/// </remarks>
internal static class SmallWork
{
    /// <summary>Below about this many floating-point operations, a call runs on the calling thread.</summary>
    public const long ParallelThreshold = 1L << 22;

    /// <summary>The thread count to use for <paramref name="operations"/> units of work.</summary>
    public static int Threads(long operations, int maxDegreeOfParallelism) =>
        operations < ParallelThreshold ? 1 : maxDegreeOfParallelism;

    /// <summary>
    /// Runs <paramref name="body"/> for blocks 0 to <paramref name="blocks"/> − 1. When the work runs in parallel and
    /// blocks throw, no new block starts and their exceptions are rethrown together in an
    /// <see cref="AggregateException"/>, as <see cref="Parallel"/> does; on the calling thread alone the first
    /// exception propagates as it is.
    /// </summary>
    public static void For(int blocks, int threads, Action<int> body) => For(blocks, threads, (block, _) => body(block));

    /// <summary>
    /// <see cref="For(int, int, Action{int})"/> that also tells the body which worker runs it: an index below
    /// <see cref="Workers"/>, each used by one thread at a time, so per-worker scratch space needs no locking.
    /// </summary>
    public static void For(int blocks, int threads, Action<int, int> body)
    {
        int workers = Workers(blocks, threads);
        if (workers == 1)
        {
            for (int block = 0; block < blocks; block++)
            {
                body(block, 0);
            }

            return;
        }

        var work = new SharedBlocks(blocks, body);
        var helpers = new Task[workers - 1];
        for (int i = 0; i < helpers.Length; i++)
        {
            int worker = i + 1;
            helpers[i] = Task.Run(() => work.Run(worker));
        }

        work.Run(0);
        Task.WaitAll(helpers);
        work.ThrowIfFailed();
    }

    /// <summary>The number of workers <see cref="For(int, int, Action{int, int})"/> uses (at least 1).</summary>
    public static int Workers(int blocks, int threads) => Math.Max(1, Math.Min(threads, blocks));

    /// <summary>The blocks left, handed out one at a time, and the exceptions they threw.</summary>
    private sealed class SharedBlocks(int blocks, Action<int, int> body)
    {
        private readonly List<Exception> _errors = [];
        private int _next = -1;

        /// <summary>Takes and runs blocks as worker <paramref name="worker"/> until none is left or one has failed.</summary>
        public void Run(int worker)
        {
            int block;
            while ((block = Interlocked.Increment(ref _next)) < blocks)
            {
                try
                {
                    body(block, worker);
                }
                catch (Exception e)
                {
                    lock (_errors)
                    {
                        _errors.Add(e);
                    }

                    Volatile.Write(ref _next, blocks);
                }
            }
        }

        public void ThrowIfFailed()
        {
            if (_errors.Count > 0)
            {
                throw new AggregateException(_errors);
            }
        }
    }
}
