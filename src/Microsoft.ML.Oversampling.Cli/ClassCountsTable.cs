using System.Globalization;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Prints a fitted sampler's class counts before and after resampling, under the user's label values.</summary>
internal static class ClassCountsTable
{
    public static void Write(TextWriter output, OversamplingTransformer fitted, LabelClasses classes)
    {
        var table = new Table().AddColumns("class", "before", "after", "synthetic");
        foreach (var (cls, before) in fitted.CountsBefore.OrderBy(kv => kv.Key))
        {
            int after = fitted.CountsAfter[cls];
            table.AddRow(Markup.Escape(classes.Text(cls)), Text(before), Text(after), Text(after - before));
        }

        CliConsole.Create(output).Write(table);
        output.WriteLine();
    }

    /// <summary>The sampler step of a fitted chain, if any.</summary>
    public static OversamplingTransformer? Find(ITransformer model) => model switch
    {
        OversamplingTransformer step => step,
        IEnumerable<ITransformer> chain => chain.Select(Find).FirstOrDefault(s => s is not null),
        _ => null,
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
