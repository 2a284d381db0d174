using System.CommandLine;
using Microsoft.ML.Oversampling.Cli.Commands;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Builds and runs the command tree; separate from <see cref="Program"/> so tests drive it in-process.</summary>
public static class CliApp
{
    /// <summary>Runs the tool with the given arguments and writers; returns the exit code (0 success, 1 bad input
    /// or failure, 2 usage error).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("oversample: rebalance class-imbalanced data and compare oversamplers on ML.NET (Microsoft.ML.Oversampling).")
        {
            DatasetsCommand.Create(output, error),
            ResampleCommand.Create(output, error),
            EvaluateCommand.Create(output, error),
            TrainCommand.Create(output, error),
            PredictCommand.Create(output, error),
            GenerateCommand.Create(output, error),
            StudyCommand.Create(output, error),
        };

        ParseResult parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
