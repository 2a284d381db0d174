namespace Microsoft.ML.Oversampling.Cli.Infrastructure;

/// <summary>Bad input found by the command-line tool itself; its message is shown as is, on one line.</summary>
internal sealed class CliException(string message) : Exception(message);
