using Microsoft.ML.Oversampling.Cli;

namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary>Runs the <c>oversample</c> tool in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
