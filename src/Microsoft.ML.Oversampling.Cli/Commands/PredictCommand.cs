using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Evaluation;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample predict</c>: scores a CSV file with an ML.NET model zip written by <c>train</c> (feature columns
/// matched by name, any order, extra columns ignored) and writes Row, Score, Probability and PredictedLabel (the
/// label value). When the file has the label column, also prints ML.NET's metrics.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var modelFile = new Option<FileInfo>("--model") { Description = "The ML.NET model zip written by 'oversample train'.", Required = true };
        var input = CommonOptions.Input();
        input.Required = true;
        var label = CommonOptions.Label();
        label.Description = "The label column: when the file has it, the metrics are printed (it is optional).";
        var missing = CommonOptions.Missing();
        var outputFile = CommonOptions.Output("Where to write the predictions CSV (replaced atomically; not the model or the input).");
        var seed = CommonOptions.Seed();
        seed.Description = "Accepted like every command's --seed; scoring uses no randomness.";

        var command = new Command("predict", "Score a CSV file with a saved model: writes Row (0-based), Score, Probability and PredictedLabel; prints the metrics when the file has the label column.")
        {
            modelFile, input, label, missing, outputFile, seed,
        };
        CliAction.Set(command, error, parse =>
        {
            string modelPath = parse.GetValue(modelFile)!.FullName, inputPath = parse.GetValue(input)!.FullName;
            string outputPath = OutputFiles.Check(parse.GetValue(outputFile)!.FullName, "--output", (modelPath, "--model"), (inputPath, "--input"));
            if (!File.Exists(modelPath))
            {
                throw new CliException($"Model file '{modelPath}' does not exist.");
            }

            var ml = new MLContext(parse.GetValue(seed));
            ITransformer model;
            DataViewSchema modelInput;
            try
            {
                model = ml.Model.Load(modelPath, out modelInput);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidDataException)
            {
                throw new CliException($"'{modelPath}' is not an ML.NET model zip: {CliAction.OneLine(e)}");
            }

            string[] features = [.. modelInput.Select(c => c.Name)];
            string[] categorical = [.. modelInput.Where(c => c.Type is TextDataViewType).Select(c => c.Name)];
            CsvTable table = CsvTable.Read(inputPath, parse.GetValue(label), labelRequired: false, categorical, features, CommonOptions.ParseMissing(parse.GetValue(missing)!));
            var (data, labelText) = CsvDataLoader.LoadForScoring(table);
            IDataView scored = model.Transform(data);
            bool multiclass = scored.Schema["PredictedLabel"].Type is KeyDataViewType;
            OutputFiles.WriteText(outputPath, writer => WritePredictions(writer, scored, multiclass));
            output.WriteLine($"scored {table.RowCount} rows of {inputPath}");
            output.WriteLine($"wrote {outputPath}");
            if (labelText is not null)
            {
                PrintMetrics(output, ml, model, data, labelText, scored, multiclass, table);
            }

            return 0;
        });
        return command;
    }

    private static void WritePredictions(TextWriter writer, IDataView scored, bool multiclass)
    {
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        csv.WriteField("Row");
        csv.WriteField("Score");
        csv.WriteField("Probability");
        csv.WriteField("PredictedLabel");
        csv.NextRecord();
        DataViewSchema.Column score = scored.Schema["Score"];
        DataViewSchema.Column? probability = scored.Schema.GetColumnOrNull("Probability");
        DataViewSchema.Column predicted = scored.Schema.GetColumnOrNull(ModelOutput.PredictedClassColumn) ?? scored.Schema["PredictedLabel"];
        using DataViewRowCursor cursor = scored.GetRowCursor(probability is { } p ? [score, p, predicted] : [score, predicted]);
        Func<float> getScore = multiclass ? MaxScore(cursor, score) : Scalar(cursor, score);
        Func<float>? getProbability = probability is { } column ? Scalar(cursor, column) : null;
        Func<string> getPredicted = Text(cursor, predicted);
        long row = 0;
        while (cursor.MoveNext())
        {
            float s = getScore();
            csv.WriteField(row++.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(s.ToString("R", CultureInfo.InvariantCulture));
            // A multiclass trainer's scores are class probabilities: the predicted class's is its probability.
            csv.WriteField(getProbability is not null ? getProbability().ToString("R", CultureInfo.InvariantCulture) : multiclass ? s.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(getPredicted());
            csv.NextRecord();
        }
    }

    private static void PrintMetrics(TextWriter output, MLContext ml, ITransformer model, IDataView data, string labelText, IDataView scored, bool multiclass, CsvTable table)
    {
        string[] classes = multiclass ? KeyValues(scored.Schema["PredictedLabel"]) : BinaryValues(ml, model);
        string? unknown = table.Labels.FirstOrDefault(l => !classes.Contains(l));
        if (unknown is not null)
        {
            throw new CliException($"Label value '{unknown}' of column '{table.LabelName}' is not a class of the model (classes: {string.Join(", ", classes)}).");
        }

        IDataView labelled = multiclass
            ? ml.Transforms.Conversion.MapValueToKey(TrainingData.LabelColumn, labelText, keyData: CsvDataLoader.ValuesView(ml, classes)).Fit(data).Transform(data)
            : ml.Transforms.Conversion.MapValue(TrainingData.LabelColumn,
                [new KeyValuePair<string, bool>(classes[0], false), new KeyValuePair<string, bool>(classes[1], true)], labelText).Fit(data).Transform(data);
        IDataView rescored = model.Transform(labelled);
        IReadOnlyDictionary<string, double> metrics;
        if (multiclass)
        {
            metrics = CrossValidation.Multiclass(ml.MulticlassClassification.Evaluate(rescored, TrainingData.LabelColumn));
        }
        else
        {
            metrics = CrossValidation.Binary(rescored.Schema.GetColumnOrNull("Probability") is null
                ? ml.BinaryClassification.EvaluateNonCalibrated(rescored, TrainingData.LabelColumn)
                : ml.BinaryClassification.Evaluate(rescored, TrainingData.LabelColumn));
        }

        output.WriteLine($"metrics against column '{table.LabelName}'" + (multiclass ? string.Empty : $" (positive class {classes[1]})") + ":");
        foreach (var (name, value) in metrics.Where(m => !double.IsNaN(m.Value)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}={value:F4}"));
        }
    }

    /// <summary>The binary model's label values [negative, positive], read from its last step (false → value, true → value).</summary>
    private static string[] BinaryValues(MLContext ml, ITransformer model)
    {
        ITransformer last = model is TransformerChain<ITransformer> chain ? chain.LastTransformer : model;
        IDataView probe = last.Transform(ml.Data.LoadFromEnumerable([new PredictedRow { PredictedLabel = false }, new PredictedRow { PredictedLabel = true }]));
        if (probe.Schema.GetColumnOrNull(ModelOutput.PredictedClassColumn) is null)
        {
            return ["false", "true"];
        }

        var values = ml.Data.CreateEnumerable<PredictedClassRow>(probe, reuseRowObject: false).Select(r => r.PredictedClass).ToArray();
        return values;
    }

    private static string[] KeyValues(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v.ToString())];
    }

    private static Func<float> Scalar(DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<float> getter = row.GetGetter<float>(column);
        float value = 0;
        return () =>
        {
            getter(ref value);
            return value;
        };
    }

    private static Func<float> MaxScore(DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<VBuffer<float>> getter = row.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;
        return () =>
        {
            getter(ref value);
            return value.DenseValues().Max();
        };
    }

    private static Func<string> Text(DataViewRow row, DataViewSchema.Column column)
    {
        if (column.Type is BooleanDataViewType)
        {
            ValueGetter<bool> b = row.GetGetter<bool>(column);
            bool v = false;
            return () =>
            {
                b(ref v);
                return v ? "true" : "false";
            };
        }

        if (column.Type is KeyDataViewType)
        {
            ValueGetter<uint> k = row.GetGetter<uint>(column);
            uint key = 0;
            return () =>
            {
                k(ref key);
                return key.ToString(CultureInfo.InvariantCulture);
            };
        }

        ValueGetter<ReadOnlyMemory<char>> t = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> text = default;
        return () =>
        {
            t(ref text);
            return text.ToString();
        };
    }

    private sealed class PredictedRow
    {
        public bool PredictedLabel { get; set; }
    }

    private sealed class PredictedClassRow
    {
        public string PredictedClass { get; set; } = string.Empty;
    }
}
