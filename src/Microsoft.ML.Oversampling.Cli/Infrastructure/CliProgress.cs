using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Infrastructure;

/// <summary>
/// Runs long work with progress on standard error: a live Spectre.Console bar when it is a terminal; otherwise one
/// line per finished item plus a "still working" line at least every <see cref="HeartbeatSeconds"/> seconds, so logs
/// and redirected runs show that the tool is alive.
/// </summary>
internal static class CliProgress
{
    /// <summary>The longest silence on a redirected standard error, in seconds.</summary>
    public const int HeartbeatSeconds = 10;

    /// <summary>
    /// Runs each item (in order, or <paramref name="jobs"/> at a time, taken in order) and returns the results in item
    /// order; <paramref name="describe"/> turns an item's result into its progress line.
    /// </summary>
    public static List<TResult> Run<TItem, TResult>(TextWriter error, string title, IReadOnlyList<TItem> items,
        Func<TItem, string> name, Func<TItem, TResult> work, Func<TItem, TResult, TimeSpan, string> describe, int jobs = 1, TimeSpan? heartbeat = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var results = new TResult[items.Count];
        var gate = new object();
        if (!IsTerminal(error))
        {
            var running = new ConcurrentDictionary<int, string>();
            var clock = Stopwatch.StartNew();
            using (Heartbeat(error, gate, () => $"{title}: still working on {string.Join(", ", running.OrderBy(r => r.Key).Select(r => r.Value))}", clock, heartbeat))
            {
                ForEach(items.Count, jobs, i =>
                {
                    running[i] = name(items[i]);
                    var started = Stopwatch.StartNew();
                    results[i] = work(items[i]);
                    running.TryRemove(i, out _);
                    lock (gate)
                    {
                        error.WriteLine($"  [{i + 1}/{items.Count}] {describe(items[i], results[i], started.Elapsed)}");
                    }
                });
            }

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
                        task.Description = $"{title}: {Markup.Escape(name(items[i]))}";
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

    /// <summary>Runs one long piece of work (a fit) with a spinner on a terminal, or heartbeat lines when redirected
    /// (every <paramref name="heartbeat"/>, default <see cref="HeartbeatSeconds"/> seconds).</summary>
    public static T RunOne<T>(TextWriter error, string title, Func<T> work, TimeSpan? heartbeat = null)
    {
        if (!IsTerminal(error))
        {
            var gate = new object();
            using (Heartbeat(error, gate, () => $"{title}: still working", Stopwatch.StartNew(), heartbeat))
            {
                return work();
            }
        }

        T result = default!;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            .Status().Start(Markup.Escape(title), _ => result = work());
        return result;
    }

    private static bool IsTerminal(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    private static Timer Heartbeat(TextWriter error, object gate, Func<string> line, Stopwatch clock, TimeSpan? every)
    {
        TimeSpan period = every ?? TimeSpan.FromSeconds(HeartbeatSeconds);
        return new Timer(_ =>
        {
            lock (gate)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {line()} ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }, null, period, period);
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
