namespace Microsoft.ML.Oversampling.Cli;

/// <summary>The <c>oversample</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
