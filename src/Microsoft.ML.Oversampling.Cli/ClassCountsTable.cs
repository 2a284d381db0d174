using System.Globalization;
using Microsoft.ML.Oversampling.Pipeline;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Prints a fitted sampler's class counts before and after resampling.</summary>
internal static class ClassCountsTable
{
    public static void Write(TextWriter output, OversamplingTransformer fitted)
    {
        var table = new Table().AddColumns("class", "before", "after", "synthetic");
        foreach (var (cls, before) in fitted.CountsBefore)
        {
            int after = fitted.CountsAfter[cls];
            table.AddRow(Text(cls), Text(before), Text(after), Text(after - before));
        }

        CliConsole.Create(output).Write(table);
        output.WriteLine();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
