using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample resample</c>: rebalances a CSV file with one method and writes the result: the original rows first,
/// exactly as in the input (same columns, order and label text), then the synthetic rows in the same layout.
/// </summary>
internal static class ResampleCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        input.Required = true;
        var label = CommonOptions.Label();
        var positive = CommonOptions.Positive();
        var categorical = CommonOptions.Categorical();
        var missing = CommonOptions.Missing();
        var method = CommonOptions.Method(includeNone: false);
        var strategy = new Option<string?>("--strategy") { Description = "Sampling strategy: auto, minority, not minority, all, a ratio in (0,1], or class:total pairs." };
        var seed = CommonOptions.Seed();
        var options = CommonOptions.MethodOptions();
        var outputFile = CommonOptions.Output("Where to write the rebalanced CSV (replaced atomically; not the input file).");

        var command = new Command("resample", "Rebalance a CSV file: original rows first, unchanged and in order, then synthetic rows; prints class counts and resample_seconds.")
        {
            input, label, positive, categorical, missing, method, strategy, seed, options, outputFile,
        };
        CliAction.Set(command, error, parse =>
        {
            string inputPath = parse.GetValue(input)!.FullName;
            string outputPath = OutputFiles.Check(parse.GetValue(outputFile)!.FullName, "--output", (inputPath, "--input"));
            int seedValue = parse.GetValue(seed);
            var ml = new MLContext(seedValue);
            var cats = CommonOptions.CategoricalNames(parse.GetValue(categorical), parse.GetValue(options));
            using InputData loaded = InputData.FromFile(ml, inputPath, parse.GetValue(label)!, parse.GetValue(positive), cats, CommonOptions.ParseMissing(parse.GetValue(missing)!));
            TrainingData data = loaded.Data;
            var userOptions = new List<string>(parse.GetValue(options) ?? []);
            if (parse.GetValue(strategy) is { } s)
            {
                userOptions.Add($"SamplingStrategy={s}");
            }

            IReadOnlyList<string> assignments;
            try
            {
                assignments = MethodFactory.Assignments(parse.GetValue(method)!, userOptions, seedValue, cats);
            }
            catch (CliException e) when (parse.GetValue(strategy) is { } given && e.Message.StartsWith($"--option SamplingStrategy={given}:", StringComparison.Ordinal))
            {
                throw new CliException($"--strategy {given}:{e.Message[$"--option SamplingStrategy={given}:".Length..]}");
            }

            output.WriteLine($"data {loaded.Describe()}");
            IDataView featurized = data.Featurized();
            OversamplingEstimator sampler = MethodFactory.Create(ml, parse.GetValue(method)!, assignments);

            var stopwatch = Stopwatch.StartNew();
            OversamplingTransformer fitted = CliProgress.RunOne(error, $"resampling with {sampler.Sampler.Name}", () => ClassNames.Translate(data.Classes, () => sampler.Fit(featurized)));
            IDataView resampled = fitted.Transform(featurized);
            double seconds = stopwatch.Elapsed.TotalSeconds;

            ClassCountsTable.Write(output, fitted, data.Classes);
            CsvTable table = loaded.Table!;
            OutputFiles.WriteText(outputPath, writer => Write(writer, table, data, resampled));
            output.WriteLine($"wrote {table.RowCount + fitted.SyntheticRowCount} rows ({table.RowCount} original, {fitted.SyntheticRowCount} synthetic) to {outputPath}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resample_seconds={seconds:F6}"));
            return 0;
        });
        return command;
    }

    private static void Write(TextWriter writer, CsvTable table, TrainingData data, IDataView resampled)
    {
        writer.Write(WithLineEnd(table.HeaderRecord));
        foreach (string record in table.RawRecords)
        {
            writer.Write(WithLineEnd(record));
        }

        string newLine = table.HeaderRecord.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = newLine }, leaveOpen: true);
        DataViewSchema.Column features = resampled.Schema[TrainingData.FeaturesColumn];
        DataViewSchema.Column label = resampled.Schema[TrainingData.LabelColumn];
        using DataViewRowCursor cursor = resampled.GetRowCursor([features, label]);
        ValueGetter<VBuffer<float>> getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        Func<int> getClass = ClassReader(cursor, label, data.Classes);
        var slotOfColumn = table.FeatureIndices.Select((column, slot) => (column, slot)).ToDictionary(p => p.column, p => p.slot);
        VBuffer<float> values = default;
        long row = 0;
        while (cursor.MoveNext())
        {
            if (row++ < table.RowCount)
            {
                continue;
            }

            getFeatures(ref values);
            float[] dense = values.DenseValues().ToArray();
            for (int c = 0; c < table.Header.Length; c++)
            {
                if (c == table.LabelIndex)
                {
                    csv.WriteField(data.Classes.Text(getClass()));
                }
                else if (slotOfColumn.TryGetValue(c, out int slot))
                {
                    float v = dense[slot];
                    csv.WriteField(table.Categories.TryGetValue(c, out string[]? categories)
                        ? categories[(int)v - 1]
                        : v.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            csv.NextRecord();
        }
    }

    private static Func<int> ClassReader(DataViewRow row, DataViewSchema.Column label, LabelClasses classes)
    {
        if (classes.IsBinary)
        {
            ValueGetter<bool> getter = row.GetGetter<bool>(label);
            bool value = false;
            return () =>
            {
                getter(ref value);
                return value ? 1 : 0;
            };
        }

        ValueGetter<uint> key = row.GetGetter<uint>(label);
        uint k = 0;
        return () =>
        {
            key(ref k);
            return (int)k;
        };
    }

    private static string WithLineEnd(string record) => record.EndsWith('\n') ? record : record + "\n";
}
