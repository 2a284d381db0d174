using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample generate</c>: fits a deep oversampler (deep-smote, da-smote, gan) on a CSV file and writes as many
/// synthetic rows as asked, in the file's own units and columns, through the in-memory generator API
/// (<see cref="OversamplingTransformer.Generate"/>). Saved generator files are not handled here.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        input.Required = true;
        var label = CommonOptions.Label();
        var positive = CommonOptions.Positive();
        var missing = CommonOptions.Missing();
        var method = CommonOptions.Method(includeNone: false);
        method.Description = "Deep method whose trained generator makes the rows: deep-smote, da-smote or gan.";
        var count = new Option<int>("--count", "-n") { Description = "Rows to generate.", Required = true };
        var seed = CommonOptions.Seed();
        var options = CommonOptions.MethodOptions();
        var outputFile = CommonOptions.Output("Where to write the generated rows (CSV with the input's columns; replaced atomically).");

        var command = new Command("generate", "Train a deep oversampler (deep-smote, da-smote, gan) on a CSV file and write N synthetic rows of the class it grows, in original units.")
        {
            input, label, positive, missing, method, count, seed, options, outputFile,
        };
        CliAction.Set(command, error, parse =>
        {
            string inputPath = parse.GetValue(input)!.FullName;
            string outputPath = OutputFiles.Check(parse.GetValue(outputFile)!.FullName, "--output", (inputPath, "--input"));
            int rows = parse.GetValue(count), seedValue = parse.GetValue(seed);
            if (rows < 1)
            {
                throw new CliException($"--count {rows}: give at least 1 row.");
            }

            var ml = new MLContext(seedValue);
            using InputData loaded = InputData.FromFile(ml, inputPath, parse.GetValue(label)!, parse.GetValue(positive), [], CommonOptions.ParseMissing(parse.GetValue(missing)!));
            string methodName = parse.GetValue(method)!;
            IReadOnlyList<string> assignments = MethodFactory.Assignments(methodName, parse.GetValue(options) ?? [], seedValue, []);
            OversamplingEstimator sampler = MethodFactory.Create(ml, methodName, assignments);
            IDataView featurized = loaded.Data.Featurized();
            OversamplingTransformer fitted = CliProgress.RunOne(error, $"training {methodName}", () => ClassNames.Translate(loaded.Data.Classes, () => sampler.Fit(featurized)));
            if (fitted.Generator is null)
            {
                throw new CliException($"Method '{methodName}' learns no generator; generate works with deep-smote, da-smote or gan.");
            }

            if (fitted.Generator.Classes.Count != 1)
            {
                throw new CliException($"Method '{methodName}' grew {fitted.Generator.Classes.Count} classes; generate needs one grown class (use --option SamplingStrategy=minority).");
            }

            int grown = fitted.Generator.Classes[0];
            DenseMatrix generated = fitted.Generate(rows, seedValue);
            CsvTable table = loaded.Table!;
            OutputFiles.WriteText(outputPath, writer =>
            {
                using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
                foreach (string h in table.Header)
                {
                    csv.WriteField(h);
                }

                csv.NextRecord();
                var slotOfColumn = table.FeatureIndices.Select((column, slot) => (column, slot)).ToDictionary(p => p.column, p => p.slot);
                for (int i = 0; i < generated.Rows; i++)
                {
                    for (int c = 0; c < table.Header.Length; c++)
                    {
                        csv.WriteField(c == table.LabelIndex
                            ? loaded.Data.Classes.Text(grown)
                            : generated[i, slotOfColumn[c]].ToString("R", CultureInfo.InvariantCulture));
                    }

                    csv.NextRecord();
                }
            });
            output.WriteLine($"generated {rows} rows of class {loaded.Data.Classes.Text(grown)} with the {methodName} generator trained on {inputPath}");
            output.WriteLine($"wrote {outputPath}");
            return 0;
        });
        return command;
    }
}
