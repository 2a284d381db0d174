using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Datasets;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary><c>oversample datasets</c>: lists the embedded datasets.</summary>
internal static class DatasetsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seed = CommonOptions.Seed();
        seed.Description = "Accepted like every command's --seed; listing uses no randomness.";
        var command = new Command("datasets", "List the datasets embedded in the library (usable with --dataset).") { seed };
        CliAction.Set(command, error, _ =>
        {
            var table = new Table().AddColumns("name", "rows", "features", "minority", "imbalance ratio", "source");
            foreach (EmbeddedDatasetInfo d in EmbeddedDatasets.All)
            {
                table.AddRow(d.Name, d.Rows.ToString(CultureInfo.InvariantCulture), d.Features.ToString(CultureInfo.InvariantCulture),
                    d.MinorityRows.ToString(CultureInfo.InvariantCulture), d.ImbalanceRatio.ToString("F2", CultureInfo.InvariantCulture), Markup.Escape(d.Source));
            }

            CliConsole.Create(output).Write(table);
            output.WriteLine();
            output.WriteLine($"default: {EmbeddedDatasets.DefaultName}");
            return 0;
        });
        return command;
    }
}
