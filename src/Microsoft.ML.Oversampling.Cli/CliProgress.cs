using System.Collections.Concurrent;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>
/// Runs a list of named work items with progress: a live Spectre.Console bar when standard error is a terminal,
/// otherwise one line per finished item (so logs and tests stay readable).
/// </summary>
internal static class CliProgress
{
    /// <summary>
    /// Runs each item (in order, or <paramref name="jobs"/> at a time, taken in order) and returns the results in item
    /// order; <paramref name="describe"/> turns an item's result into its progress line.
    /// </summary>
    public static List<TResult> Run<TItem, TResult>(TextWriter error, string title, IReadOnlyList<TItem> items,
        Func<TItem, string> name, Func<TItem, TResult> work, Func<TItem, TResult, TimeSpan, string> describe, int jobs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var results = new TResult[items.Count];
        var gate = new object();
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal)
        {
            ForEach(items.Count, jobs, i =>
            {
                var started = DateTime.UtcNow;
                results[i] = work(items[i]);
                lock (gate)
                {
                    error.WriteLine($"  {describe(items[i], results[i], DateTime.UtcNow - started)}");
                }
            });
            return [.. results];
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(title, maxValue: items.Count);
                ForEach(items.Count, jobs, i =>
                {
                    lock (gate)
                    {
                        task.Description = $"{title}: {name(items[i])}";
                    }

                    results[i] = work(items[i]);
                    lock (gate)
                    {
                        task.Increment(1);
                    }
                });
                task.Description = title;
            });
        return [.. results];
    }

    private static void ForEach(int count, int jobs, Action<int> body)
    {
        if (jobs == 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        // One item at a time, in order, to whichever worker is free.
        Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, count), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = jobs }, body);
    }
}
