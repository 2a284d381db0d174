namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Builds and runs the command tree; separated from <see cref="Program"/> so tests can drive it in-process.</summary>
public static class CliApp
{
    /// <summary>Runs the tool with the given arguments and writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("oversample: no commands yet");
        return args.Length == 0 ? 0 : 2;
    }
}
