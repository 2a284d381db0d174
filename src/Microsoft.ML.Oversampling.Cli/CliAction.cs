using System.CommandLine;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Runs a command's body, turning input errors into one clear line on standard error and exit code 1.</summary>
internal static class CliAction
{
    public static void Set(Command command, TextWriter error, Func<ParseResult, int> body) =>
        command.SetAction(parseResult =>
        {
            try
            {
                return body(parseResult);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or FormatException or DirectoryNotFoundException
                or InvalidOperationException or UnauthorizedAccessException or NotSupportedException)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
}
