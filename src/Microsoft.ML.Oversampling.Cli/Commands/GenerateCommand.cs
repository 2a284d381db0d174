using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample generate</c>: writes as many synthetic rows as asked, in original units, either from a deep oversampler
/// (deep-smote, da-smote, gan) it fits on a CSV file (the file's own columns) or from a generator file saved by
/// <c>generate --save-generator</c> (the feature columns it records, then the label column).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        var generatorFile = new Option<FileInfo?>("--generator")
        {
            Description = "A generator file saved by 'generate --save-generator': generate from it instead of training on --input.",
        };
        var saveGenerator = new Option<FileInfo?>("--save-generator")
        {
            Description = "When training on --input: also save the trained generator (original units, the file's column names and label values) to this file.",
        };
        var label = CommonOptions.Label();
        var positive = CommonOptions.Positive();
        var missing = CommonOptions.Missing();
        var method = CommonOptions.Method(includeNone: false);
        method.Required = false;
        method.Description = "Deep method whose trained generator makes the rows: deep-smote, da-smote or gan.";
        var count = new Option<int>("--count", "-n") { Description = "Rows to generate.", Required = true };
        var seed = CommonOptions.Seed();
        var options = CommonOptions.MethodOptions();
        var outputFile = CommonOptions.Output("Where to write the generated rows (CSV with the input's columns; replaced atomically).");

        var command = new Command("generate", "Write N synthetic rows of the class a deep oversampler grows, in original units: train deep-smote, da-smote or gan on --input, or read a --generator file.")
        {
            input, generatorFile, saveGenerator, label, positive, missing, method, count, seed, options, outputFile,
        };
        CliAction.Set(command, error, parse =>
        {
            int rows = parse.GetValue(count), seedValue = parse.GetValue(seed);
            if (rows < 1)
            {
                throw new CliException($"--count {rows}: give at least 1 row.");
            }

            if (parse.GetValue(generatorFile) is { } saved)
            {
                if (parse.GetValue(input) is not null || parse.GetValue(method) is not null || parse.GetValue(saveGenerator) is not null)
                {
                    throw new CliException("--generator: give either a generator file, or --input and --method to train one, not both.");
                }

                string generatorPath = saved.FullName;
                string path = OutputFiles.Check(parse.GetValue(outputFile)!.FullName, "--output", (generatorPath, "--generator"));
                return FromFile(GeneratorFiles.Load(generatorPath), generatorPath, parse.GetValue(label)!, rows, seedValue, path, output);
            }

            string inputPath = (parse.GetValue(input) ?? throw new CliException("--input: give the CSV file to train on (or a --generator file).")).FullName;
            if (parse.GetValue(method) is null)
            {
                throw new CliException("--method: give the deep method to train (deep-smote, da-smote or gan).");
            }

            string outputPath = OutputFiles.Check(parse.GetValue(outputFile)!.FullName, "--output", (inputPath, "--input"));
            string? savePath = parse.GetValue(saveGenerator) is { } target
                ? OutputFiles.Check(target.FullName, "--save-generator", (inputPath, "--input"), (outputPath, "--output"))
                : null;

            var ml = new MLContext(seedValue);
            InputData loaded = InputData.FromFile(ml, inputPath, parse.GetValue(label)!, parse.GetValue(positive), [], CommonOptions.ParseMissing(parse.GetValue(missing)!));
            string methodName = parse.GetValue(method)!;
            IReadOnlyList<string> assignments = MethodFactory.Assignments(methodName, parse.GetValue(options) ?? [], seedValue, []);
            OversamplingEstimator sampler = MethodFactory.Create(ml, methodName, assignments);
            IDataView featurized = loaded.Data.Featurized(ml);
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
            if (savePath is not null)
            {
                GeneratorFiles.Save(fitted, loaded.Data.Classes, savePath);
                output.WriteLine($"saved generator to {savePath}");
            }

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

    /// <summary>Writes rows from a saved generator: its recorded feature columns, then the label column.</summary>
    private static int FromFile(SyntheticDataGenerator generator, string generatorPath, string labelColumn, int rows, int seed, string outputPath, TextWriter output)
    {
        if (generator.Classes.Count != 1)
        {
            throw new CliException($"--generator: '{generatorPath}' holds generators for {generator.Classes.Count} classes; generate writes one grown class.");
        }

        int grown = generator.Classes[0];
        DenseMatrix generated = generator.Generate(rows, seed);
        GeneratorColumns columns = generator.Columns;
        OutputFiles.WriteText(outputPath, writer =>
        {
            using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
            for (int j = 0; j < generator.FeatureCount; j++)
            {
                csv.WriteField(columns.FeatureName(j));
            }

            csv.WriteField(labelColumn);
            csv.NextRecord();
            for (int i = 0; i < generated.Rows; i++)
            {
                foreach (float value in generated.Row(i))
                {
                    csv.WriteField(value.ToString("R", CultureInfo.InvariantCulture));
                }

                csv.WriteField(columns.ClassName(grown));
                csv.NextRecord();
            }
        });
        output.WriteLine($"generated {rows} rows of class {columns.ClassName(grown)} with the generator saved in {generatorPath}");
        output.WriteLine($"wrote {outputPath}");
        return 0;
    }
}
