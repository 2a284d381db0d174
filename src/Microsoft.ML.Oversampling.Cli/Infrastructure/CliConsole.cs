using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Infrastructure;

/// <summary>Spectre.Console on a given writer: colours and live progress only when writing to a real terminal.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Create(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
