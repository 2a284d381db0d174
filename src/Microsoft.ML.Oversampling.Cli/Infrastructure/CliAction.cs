using System.CommandLine;
using System.Text.RegularExpressions;

namespace Microsoft.ML.Oversampling.Cli.Infrastructure;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>Runs a command's body, turning input errors into one clear line on standard error and exit code 1.</summary>
internal static partial class CliAction
{
    public static void Set(Command command, TextWriter error, Func<ParseResult, int> body) =>
        command.SetAction(parseResult =>
        {
            try
            {
                return body(parseResult);
            }
            catch (Exception e) when (e is CliException or ArgumentException or InvalidDataException or IOException or FormatException
                or InvalidOperationException or UnauthorizedAccessException or NotSupportedException or KeyNotFoundException)
            {
                error.WriteLine($"error: {OneLine(e)}");
                return 1;
            }
        });

    /// <summary>
    /// The message of <paramref name="e"/> as one line, without .NET's decorations: the "(Parameter 'x')" suffix and
    /// the "Actual value was …" line of argument exceptions.
    /// </summary>
    public static string OneLine(Exception e)
    {
        string message = e.Message;
        int actual = message.IndexOf("Actual value was", StringComparison.Ordinal);
        if (actual >= 0)
        {
            message = message[..actual];
        }

        message = ParameterSuffix().Replace(message, string.Empty);
        return string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();
}
