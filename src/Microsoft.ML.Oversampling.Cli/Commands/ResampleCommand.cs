using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
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
            InputData loaded = InputData.FromFile(ml, inputPath, parse.GetValue(label)!, parse.GetValue(positive), cats, CommonOptions.ParseMissing(parse.GetValue(missing)!));
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
            IDataView featurized = data.Featurized(ml);
            OversamplingEstimator sampler = MethodFactory.Create(ml, parse.GetValue(method)!, assignments);

            var stopwatch = Stopwatch.StartNew();
            OversamplingTransformer fitted = CliProgress.RunOne(error, $"resampling with {sampler.Sampler.Name}", () => ClassNames.Translate(data.Classes, () => sampler.Fit(featurized)));
            IDataView resampled = fitted.Transform(featurized);
            double seconds = stopwatch.Elapsed.TotalSeconds;

            ClassCountsTable.Write(output, fitted, data.Classes);
            CsvTable table = loaded.Table!;
            OutputFiles.Write(outputPath, stream => Write(stream, table, data, resampled, fitted.SyntheticRowCount));
            output.WriteLine($"wrote {table.RowCount + fitted.SyntheticRowCount} rows ({table.RowCount} original, {fitted.SyntheticRowCount} synthetic) to {outputPath}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resample_seconds={seconds:F6}"));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Writes the kept input rows byte for byte, then the synthetic rows: blocks of rows formatted straight to UTF-8 in
    /// parallel (numbers in their shortest round-trip form, <c>"R"</c>) and written in order, so the output does not
    /// depend on the thread count.
    /// </summary>
    private static void Write(Stream stream, CsvTable table, TrainingData data, IDataView resampled, int synthetic)
    {
        const int BlockRows = 4096;
        using var output = new BufferedStream(stream, 1 << 20);
        ReadOnlySpan<byte> header = table.HeaderRecord;
        WriteWithLineEnd(output, header);
        for (int row = 0; row < table.RowCount; row++)
        {
            WriteWithLineEnd(output, table.RawRecord(row));
        }

        var (values, classes) = SyntheticRows(table, data, resampled, synthetic);
        byte[] newLine = header.EndsWith("\r\n"u8) ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        byte[][] labelText = [.. Enumerable.Range(0, data.Classes.Values.Count).Select(k => CsvTable.CellBytes(data.Classes.Text(data.Classes.IsBinary ? k : k + 1)))];
        // Per file column: its Features slot (−1: none) and, for a categorical one, its values' cell text.
        int[] slotOfColumn = [.. Enumerable.Repeat(-1, table.Header.Length)];
        byte[][]?[] categoryText = new byte[table.Header.Length][][];
        for (int slot = 0; slot < table.FeatureIndices.Count; slot++)
        {
            int column = table.FeatureIndices[slot];
            slotOfColumn[column] = slot;
            categoryText[column] = table.Categories.TryGetValue(column, out string[]? categories) ? [.. categories.Select(CsvTable.CellBytes)] : null;
        }

        int d = table.FeatureIndices.Count;
        int blocks = (synthetic + BlockRows - 1) / BlockRows;
        var formatted = new (byte[] Bytes, int Length)[blocks];
        Parallel.For(0, blocks, block =>
        {
            int first = block * BlockRows, end = Math.Min(synthetic, first + BlockRows);
            var number = new byte[FloatText.MaxLength];
            var bytes = new byte[(end - first) * ((d * 16) + 16)];
            int at = 0;
            for (int i = first; i < end; i++)
            {
                for (int c = 0; c < table.Header.Length; c++)
                {
                    ReadOnlySpan<byte> cell;
                    if (c == table.LabelIndex)
                    {
                        cell = labelText[classes[i] - (data.Classes.IsBinary ? 0 : 1)];
                    }
                    else if (slotOfColumn[c] is int slot and >= 0)
                    {
                        float v = values[(i * d) + slot];
                        if (categoryText[c] is { } categories)
                        {
                            cell = categories[(int)v - 1];
                        }
                        else
                        {
                            cell = number.AsSpan(0, FloatText.Format(v, number));
                        }
                    }
                    else
                    {
                        cell = [];
                    }

                    int needed = cell.Length + 1 + newLine.Length;
                    if (at + needed > bytes.Length)
                    {
                        Array.Resize(ref bytes, Math.Max(bytes.Length * 2, at + needed));
                    }

                    cell.CopyTo(bytes.AsSpan(at));
                    at += cell.Length;
                    if (c < table.Header.Length - 1)
                    {
                        bytes[at++] = (byte)',';
                    }
                }

                newLine.CopyTo(bytes.AsSpan(at));
                at += newLine.Length;
            }

            formatted[block] = (bytes, at);
        });

        foreach (var (bytes, length) in formatted)
        {
            output.Write(bytes, 0, length);
        }
    }

    /// <summary>The synthetic rows of <paramref name="resampled"/> (those after the originals): features row-major, and their classes.</summary>
    private static (float[] Values, int[] Classes) SyntheticRows(CsvTable table, TrainingData data, IDataView resampled, int synthetic)
    {
        int d = table.FeatureIndices.Count;
        var values = new float[(long)synthetic * d];
        var classes = new int[synthetic];
        DataViewSchema.Column features = resampled.Schema[TrainingData.FeaturesColumn];
        DataViewSchema.Column label = resampled.Schema[TrainingData.LabelColumn];
        using DataViewRowCursor cursor = resampled.GetRowCursor([features, label]);
        ValueGetter<VBuffer<float>> getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        Func<int> getClass = ClassReader(cursor, label, data.Classes);
        VBuffer<float> row = default;
        long position = 0;
        int i = 0;
        while (cursor.MoveNext())
        {
            if (position++ < table.RowCount)
            {
                continue;
            }

            getFeatures(ref row);
            row.CopyTo(values.AsSpan(i * d, d));
            classes[i++] = getClass();
        }

        return (values, classes);
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

    private static void WriteWithLineEnd(Stream output, ReadOnlySpan<byte> record)
    {
        output.Write(record);
        if (!record.EndsWith((byte)'\n'))
        {
            output.WriteByte((byte)'\n');
        }
    }
}
