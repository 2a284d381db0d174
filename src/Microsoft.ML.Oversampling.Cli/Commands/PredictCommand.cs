using System.CommandLine;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Pipeline.Training;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Cli.Commands;

/// <summary><c>oversample predict</c>: scores a CSV file with a saved model and writes one prediction per row.</summary>
internal static class PredictCommand
{
    private const string RowColumnName = "Row";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var modelFile = new Option<FileInfo>("--model") { Description = "The model zip written by 'oversample train'.", Required = true };
        var input = CommonOptions.Input();
        input.Required = true;
        var outputFile = new Option<FileInfo>("--output") { Description = "Where to write the predictions CSV.", Required = true };
        var seed = CommonOptions.Seed();
        seed.Description = "Accepted for uniformity with the other commands; scoring uses no randomness.";

        var command = new Command("predict",
            "Score a CSV file with a saved model. Writes Row (0-based), the label if the file has it, Score, Probability and PredictedLabel (0/1). The label column may be absent.")
        {
            modelFile, input, outputFile, seed,
        };
        CliAction.Set(command, error, parse =>
        {
            var ctx = new OversamplingContext(parse.GetValue(seed));
            ITransformer model = ctx.Model.Load(parse.GetValue(modelFile)!.FullName, out ModelInputSchema? schema);
            string inputPath = parse.GetValue(input)!.FullName;
            DataView data = LoadScoringData(ctx, inputPath, schema);
            DataView scored = model.Transform(data);

            var columns = new List<DataColumn> { new ScalarColumn<int>(RowColumnName, Enumerable.Range(0, data.RowCount)) };
            if (schema?.LabelColumnName is { } labelName && data.Schema.TryGetColumn(labelName, out _))
            {
                columns.Add(data.GetColumn(labelName));
            }

            columns.AddRange(new[]
            {
                BinaryPredictionTransformer<IBinaryModel>.ScoreColumnName,
                BinaryPredictionTransformer<IBinaryModel>.ProbabilityColumnName,
                BinaryPredictionTransformer<IBinaryModel>.PredictedLabelColumnName,
            }.Select(name => scored.Schema.TryGetColumn(name, out _)
                ? scored.GetColumn(name)
                : throw new InvalidDataException($"The model does not end with a binary classifier: its output has no '{name}' column.")));

            string outputPath = parse.GetValue(outputFile)!.FullName;
            ctx.Data.SaveAsCsv(new DataView(columns), outputPath);
            int positives = scored.GetColumn<bool>(BinaryPredictionTransformer<IBinaryModel>.PredictedLabelColumnName).Values.ToArray().Count(p => p);
            output.WriteLine($"scored {data.RowCount} rows of {inputPath}: {positives} predicted positive");
            output.WriteLine($"wrote {outputPath}");
            return 0;
        });
        return command;
    }

    /// <summary>Loads the features the model was trained on, by name when the model knows them (any column order, extra
    /// columns ignored); the label column is optional and kept as text.</summary>
    private static DataView LoadScoringData(OversamplingContext ctx, string path, ModelInputSchema? schema)
    {
        var options = new CsvLoadOptions
        {
            RequireLabel = false,
            LabelColumnName = schema?.LabelColumnName ?? "label",
            FeaturesColumnName = schema?.FeatureColumnName ?? "Features",
        };
        if (schema?.FeatureNames is { } names)
        {
            string[] header = ReadHeader(path);
            var missing = names.Where(n => !header.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException(
                    $"Schema mismatch: the model reads {names.Count} features ({string.Join(", ", names)}) but '{path}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
            }

            options.FeatureColumnNames = names;
        }

        DataView data = ctx.Data.LoadFromCsv(path, options);
        VectorColumn features = data.GetVectorColumn(options.FeaturesColumnName);
        if (schema is not null && features.Size != schema.FeatureCount)
        {
            throw new InvalidDataException(
                $"Schema mismatch for feature column '{schema.FeatureColumnName}': the model expects {schema.FeatureCount} features, '{path}' has {features.Size} numeric columns ({string.Join(", ", Enumerable.Range(0, features.Size).Select(features.SlotName))}).");
        }

        return data;
    }

    private static string[] ReadHeader(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return CsvTokenizer.ReadRecords(reader, ',').Select(r => r.Fields.Select(f => f.Trim()).ToArray()).FirstOrDefault()
            ?? throw new InvalidDataException($"'{path}' is empty: expected a header line and data rows.");
    }
}
