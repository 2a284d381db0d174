using System.Globalization;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Data;

/// <summary>
/// Loads delimited text into a <see cref="DataView"/> with a label column and a float-vector feature column,
/// and saves tables back to text. Errors name the file, line and column at fault.
/// </summary>
public static class CsvLoader
{
    /// <summary>Loads a file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The content cannot be read as asked (the message says where and why).</exception>
    public static DataView Load(string path, CsvLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return Load(reader, options, path);
    }

    /// <summary>Loads from a reader; <paramref name="sourceName"/> names the source in error messages.</summary>
    public static DataView Load(TextReader reader, CsvLoadOptions options, string sourceName = "input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var records = CsvTokenizer.ReadRecords(reader, options.Separator).ToList();
        if (records.Count == 0)
        {
            throw new InvalidDataException($"'{sourceName}' is empty: expected a header line and data rows.");
        }

        string[] header = options.HasHeader
            ? records[0].Fields.Select(f => f.Trim()).ToArray()
            : Enumerable.Range(0, records[0].Fields.Length).Select(i => $"Column{i}").ToArray();
        var rows = options.HasHeader ? records.Skip(1).ToList() : records;
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"'{sourceName}' has a header but no data rows.");
        }

        foreach (var (line, fields) in rows)
        {
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"'{sourceName}' line {line} has {fields.Length} fields but the header has {header.Length}.");
            }
        }

        int labelIndex = Array.IndexOf(header, options.LabelColumnName);
        if (labelIndex < 0 && options.RequireLabel)
        {
            throw new InvalidDataException(
                $"'{sourceName}' has no label column '{options.LabelColumnName}'. Columns present: {string.Join(", ", header)}.");
        }

        int[] featureIndices = ChooseFeatureColumns(header, rows[0], labelIndex, options, sourceName);
        var columns = new List<DataColumn>();
        if (options.RequireLabel)
        {
            columns.Add(ParseLabel(rows, labelIndex, options, sourceName));
        }

        columns.Add(ParseFeatures(header, rows, featureIndices, options, sourceName));
        for (int j = 0; j < header.Length; j++)
        {
            if ((j != labelIndex || !options.RequireLabel) && !featureIndices.Contains(j))
            {
                columns.Add(new ScalarColumn<string>(header[j], rows.Select(r => r.Fields[j]).ToArray(), copy: false));
            }
        }

        return new DataView(columns);
    }

    /// <summary>
    /// Writes a table as CSV with a header: vector columns are spread over one column per slot (named by their
    /// slot names), booleans are written as 0/1, floats in round-trip form.
    /// </summary>
    public static void Save(DataView data, TextWriter writer, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(writer);
        var names = new List<string>();
        foreach (DataColumn column in data.Columns)
        {
            if (column is VectorColumn v)
            {
                names.AddRange(Enumerable.Range(0, v.Size).Select(v.SlotName));
            }
            else
            {
                names.Add(column.Name);
            }
        }

        writer.WriteLine(string.Join(separator, names.Select(n => CsvTokenizer.Escape(n, separator))));
        var fields = new List<string>(names.Count);
        for (int row = 0; row < data.RowCount; row++)
        {
            fields.Clear();
            foreach (DataColumn column in data.Columns)
            {
                switch (column)
                {
                    case VectorColumn v:
                        foreach (float x in v[row])
                        {
                            fields.Add(x.ToString("R", CultureInfo.InvariantCulture));
                        }

                        break;
                    case ScalarColumn<float> f:
                        fields.Add(f[row].ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case ScalarColumn<bool> b:
                        fields.Add(b[row] ? "1" : "0");
                        break;
                    case ScalarColumn<int> i:
                        fields.Add(i[row].ToString(CultureInfo.InvariantCulture));
                        break;
                    default:
                        fields.Add(CsvTokenizer.Escape((string)column.GetBoxedValue(row), separator));
                        break;
                }
            }

            writer.WriteLine(string.Join(separator, fields));
        }
    }

    private static int[] ChooseFeatureColumns(string[] header, (int Line, string[] Fields) firstRow, int labelIndex, CsvLoadOptions options, string source)
    {
        if (options.FeatureColumnNames is { } names)
        {
            if (names.Count == 0)
            {
                throw new InvalidDataException("FeatureColumnNames is empty: name at least one feature column, or leave it null to use every numeric column.");
            }

            return names.Select(n =>
            {
                int index = Array.IndexOf(header, n);
                if (index < 0)
                {
                    throw new InvalidDataException($"'{source}' has no feature column '{n}'. Columns present: {string.Join(", ", header)}.");
                }

                if (index == labelIndex)
                {
                    throw new InvalidDataException($"Column '{n}' is the label; it cannot also be a feature.");
                }

                return index;
            }).ToArray();
        }

        int[] numeric = Enumerable.Range(0, header.Length)
            .Where(j => j != labelIndex && float.TryParse(firstRow.Fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToArray();
        if (numeric.Length == 0)
        {
            throw new InvalidDataException(labelIndex >= 0
                ? $"'{source}' has no numeric feature columns besides the label '{header[labelIndex]}'."
                : $"'{source}' has no numeric feature columns.");
        }

        return numeric;
    }

    private static VectorColumn ParseFeatures(string[] header, List<(int Line, string[] Fields)> rows, int[] featureIndices, CsvLoadOptions options, string source)
    {
        var matrix = new DenseMatrix(rows.Count, featureIndices.Length);
        for (int i = 0; i < rows.Count; i++)
        {
            var (line, fields) = rows[i];
            Span<float> target = matrix.Row(i);
            for (int f = 0; f < featureIndices.Length; f++)
            {
                int j = featureIndices[f];
                string cell = fields[j].Trim();
                if (cell.Length == 0)
                {
                    if (!options.AllowNonFiniteFeatures)
                    {
                        throw new InvalidDataException($"'{source}' line {line}, column '{header[j]}': the value is missing.");
                    }

                    target[f] = float.NaN;
                    continue;
                }

                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
                {
                    throw new InvalidDataException(
                        $"'{source}' line {line}, column '{header[j]}': '{cell}' is not a number (feature columns must be numeric; list the feature columns explicitly to leave text columns out).");
                }

                if (!float.IsFinite(value) && !options.AllowNonFiniteFeatures)
                {
                    throw new InvalidDataException($"'{source}' line {line}, column '{header[j]}': the value {cell} is not finite.");
                }

                target[f] = value;
            }
        }

        return new VectorColumn(options.FeaturesColumnName, matrix, featureIndices.Select(j => header[j]).ToArray(), copy: false);
    }

    private static DataColumn ParseLabel(List<(int Line, string[] Fields)> rows, int labelIndex, CsvLoadOptions options, string source)
    {
        string[] raw = rows.Select(r => r.Fields[labelIndex].Trim()).ToArray();
        string labelName = options.LabelColumnName;
        int emptyAt = Array.FindIndex(raw, s => s.Length == 0);
        if (emptyAt >= 0)
        {
            throw new InvalidDataException($"'{source}' line {rows[emptyAt].Line}: the label '{labelName}' is missing.");
        }

        var distinct = raw.Distinct(StringComparer.Ordinal).ToList();
        if (options.PositiveLabel is { } positive)
        {
            if (!distinct.Contains(positive))
            {
                throw new InvalidDataException(
                    $"The positive label '{positive}' does not occur in column '{labelName}' of '{source}' (values: {Describe(distinct)}).");
            }

            if (distinct.Count != 2)
            {
                throw new InvalidDataException($"Column '{labelName}' of '{source}' must hold exactly two values for a binary label; found {Describe(distinct)}.");
            }

            return new ScalarColumn<bool>(options.LabelOutputName, raw.Select(s => s == positive).ToArray(), copy: false);
        }

        if (distinct.Count == 1)
        {
            throw new InvalidDataException(
                $"Column '{labelName}' of '{source}' has the single value '{distinct[0]}' in all {raw.Length} rows: classification needs at least two classes.");
        }

        if (distinct.All(s => TryParseBinary(s, out _)))
        {
            return new ScalarColumn<bool>(options.LabelOutputName, raw.Select(s => TryParseBinary(s, out bool b) && b).ToArray(), copy: false);
        }

        if (distinct.Count > 2 && distinct.All(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return new ScalarColumn<int>(options.LabelOutputName, raw.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(), copy: false);
        }

        throw new InvalidDataException(
            $"Cannot read column '{labelName}' of '{source}' as a label: values {Describe(distinct)}. Binary labels are 0/1 or true/false; for two other values set PositiveLabel; multi-class labels are integers.");
    }

    private static bool TryParseBinary(string s, out bool value)
    {
        switch (s.ToLowerInvariant())
        {
            case "1" or "1.0" or "true":
                value = true;
                return true;
            case "0" or "0.0" or "false":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string Describe(List<string> values) =>
        string.Join(", ", values.Take(10).Select(v => $"'{v}'")) + (values.Count > 10 ? $" and {values.Count - 10} more" : string.Empty);
}
