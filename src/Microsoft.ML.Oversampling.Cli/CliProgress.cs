using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>
/// Runs a list of named work items with progress: a live Spectre.Console bar when standard error is a terminal,
/// otherwise one line per finished item (so logs and tests stay readable).
/// </summary>
internal static class CliProgress
{
    /// <summary>Runs each item in order; <paramref name="describe"/> turns an item's result into its progress line.</summary>
    public static List<TResult> Run<TItem, TResult>(TextWriter error, string title, IReadOnlyList<TItem> items,
        Func<TItem, string> name, Func<TItem, TResult> work, Func<TItem, TResult, TimeSpan, string> describe)
    {
        var results = new List<TResult>(items.Count);
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (!terminal)
        {
            foreach (TItem item in items)
            {
                var started = DateTime.UtcNow;
                TResult result = work(item);
                results.Add(result);
                error.WriteLine($"  {describe(item, result, DateTime.UtcNow - started)}");
            }

            return results;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(title, maxValue: items.Count);
                foreach (TItem item in items)
                {
                    task.Description = $"{title}: {name(item)}";
                    results.Add(work(item));
                    task.Increment(1);
                }

                task.Description = title;
            });
        return results;
    }
}
