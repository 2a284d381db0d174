using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// The validating pass over a CSV file before ML.NET's <c>TextLoader</c> reads it: the header gives the column layout
/// (the label column by name, every other column a numeric feature unless declared categorical), every feature cell is
/// checked, and the label values are collected. A cell that is not a finite number is refused with one line naming the
/// file, line, column and value, unless <see cref="MissingValuePolicy"/> says otherwise; then <see cref="LoaderPath"/>
/// is a cleaned copy (dropped rows left out, bad cells emptied so the loader reads them as missing).
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private string? _cleanedCopy;

    private CsvTable(string path, string[] header, string headerRecord)
    {
        Path = path;
        Header = header;
        HeaderRecord = headerRecord;
        LoaderPath = path;
    }

    /// <summary>The file as given.</summary>
    public string Path { get; }

    /// <summary>The column names, in file order.</summary>
    public string[] Header { get; }

    /// <summary>The header line as written in the file.</summary>
    public string HeaderRecord { get; }

    /// <summary>Index of the label column; -1 when the file has none (allowed when scoring).</summary>
    public int LabelIndex { get; private set; } = -1;

    /// <summary>The label column's name, or <c>null</c>.</summary>
    public string? LabelName => LabelIndex >= 0 ? Header[LabelIndex] : null;

    /// <summary>The feature columns' indices, in file order (numeric and categorical).</summary>
    public IReadOnlyList<int> FeatureIndices { get; private set; } = [];

    /// <summary>The categorical feature columns, each with its sorted distinct values (code k+1 = value k).</summary>
    public IReadOnlyDictionary<int, string[]> Categories { get; private set; } = new Dictionary<int, string[]>();

    /// <summary>The raw text of each row kept, in order (line ending included as in the file).</summary>
    public IReadOnlyList<string> RawRecords { get; private set; } = [];

    /// <summary>The label text of each row kept (empty when there is no label column).</summary>
    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>Rows left out by <see cref="MissingValuePolicy.Drop"/>.</summary>
    public int DroppedRows { get; private set; }

    /// <summary>Cells replaced by <see cref="MissingValuePolicy.Mean"/>.</summary>
    public int MissingCells { get; private set; }

    /// <summary>The file <c>TextLoader</c> should read: <see cref="Path"/>, or the cleaned copy.</summary>
    public string LoaderPath { get; private set; }

    /// <summary>Number of rows kept.</summary>
    public int RowCount => RawRecords.Count;

    /// <summary>The feature columns' names, in file order.</summary>
    public IEnumerable<string> FeatureNames => FeatureIndices.Select(i => Header[i]);

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file (comma-separated, header row).</param>
    /// <param name="labelName">The label column; <c>null</c> to take no label column.</param>
    /// <param name="labelRequired">Whether a missing label column is an error.</param>
    /// <param name="categorical">Columns declared categorical (any text values).</param>
    /// <param name="only">When set, the only feature columns (by name; each must exist); other columns are ignored.</param>
    /// <param name="missing">What to do with a non-numeric feature cell.</param>
    public static CsvTable Read(string path, string? labelName, bool labelRequired, IReadOnlyCollection<string> categorical, IReadOnlyList<string>? only, MissingValuePolicy missing)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Input file '{path}' does not exist.");
        }

        var config = new CsvConfiguration(Invariant) { TrimOptions = TrimOptions.Trim, BadDataFound = null, DetectColumnCountChanges = false };
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            throw new CliException($"'{path}' is empty: expected a header line and data rows.");
        }

        string[] header = parser.Record!;
        var table = new CsvTable(path, header, parser.RawRecord);
        table.Layout(labelName, labelRequired, categorical, only);
        table.ReadRows(parser, missing);
        return table;
    }

    private void Layout(string? labelName, bool labelRequired, IReadOnlyCollection<string> categorical, IReadOnlyList<string>? only)
    {
        var duplicate = Header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CliException($"'{Path}' has two columns named '{duplicate.Key}'; column names must be unique.");
        }

        LabelIndex = labelName is null ? -1 : Array.IndexOf(Header, labelName);
        if (LabelIndex < 0 && labelRequired)
        {
            throw new CliException($"'{Path}' has no column '{labelName}' (columns: {string.Join(", ", Header)}); name the label column with --label.");
        }

        foreach (string c in categorical)
        {
            if (!Header.Contains(c) || c == labelName)
            {
                throw new CliException($"Categorical column '{c}' is not a feature column of '{Path}' (columns: {string.Join(", ", Header.Where(h => h != labelName))}).");
            }
        }

        if (only is not null)
        {
            string? absent = only.FirstOrDefault(n => !Header.Contains(n));
            if (absent is not null)
            {
                throw new CliException($"'{Path}' has no column '{absent}', a feature the model was trained on (model features: {string.Join(", ", only)}).");
            }

            FeatureIndices = only.Select(n => Array.IndexOf(Header, n)).Order().ToArray();
        }
        else
        {
            FeatureIndices = Enumerable.Range(0, Header.Length).Where(i => i != LabelIndex).ToArray();
        }

        if (FeatureIndices.Count == 0)
        {
            throw new CliException($"'{Path}' has no feature column besides the label '{labelName}'.");
        }

        string? reserved = FeatureNames.FirstOrDefault(CsvDataLoader.IsReservedName);
        if (reserved is not null)
        {
            throw new CliException($"Feature column '{reserved}' of '{Path}' has a name the tool uses itself ({string.Join(", ", CsvDataLoader.ReservedNames)}); rename it.");
        }

        Categories = FeatureIndices.Where(i => categorical.Contains(Header[i])).ToDictionary(i => i, _ => Array.Empty<string>());
    }

    private void ReadRows(CsvParser parser, MissingValuePolicy missing)
    {
        var raw = new List<string>();
        var labels = new List<string>();
        var cleaned = new List<string[]>();
        var categoryValues = Categories.Keys.ToDictionary(i => i, _ => new HashSet<string>(StringComparer.Ordinal));
        bool anyBad = false;
        while (parser.Read())
        {
            string[] record = parser.Record!;
            int line = parser.RawRow;
            if (record.Length != Header.Length)
            {
                throw new CliException($"'{Path}' line {line}: {record.Length} cells where the header has {Header.Length} columns.");
            }

            bool dropRow = false;
            foreach (int j in FeatureIndices)
            {
                string cell = record[j];
                if (categoryValues.TryGetValue(j, out var values))
                {
                    if (cell.Length == 0)
                    {
                        throw new CliException($"'{Path}' line {line}, column '{Header[j]}': empty category; give every categorical cell a value.");
                    }

                    values.Add(cell);
                    continue;
                }

                if (float.TryParse(cell, NumberStyles.Float, Invariant, out float v) && float.IsFinite(v))
                {
                    continue;
                }

                if (missing == MissingValuePolicy.Error)
                {
                    throw new CliException(
                        $"'{Path}' line {line}, column '{Header[j]}': value '{cell}' is not a finite number; fix the cell, use --missing drop or --missing mean, or declare the column with --categorical.");
                }

                anyBad = true;
                if (missing == MissingValuePolicy.Drop)
                {
                    dropRow = true;
                    break;
                }

                record[j] = string.Empty;
                MissingCells++;
            }

            if (dropRow)
            {
                DroppedRows++;
                continue;
            }

            if (LabelIndex >= 0)
            {
                if (record[LabelIndex].Length == 0)
                {
                    throw new CliException($"'{Path}' line {line}, column '{Header[LabelIndex]}': empty label; every row needs a class.");
                }

                labels.Add(record[LabelIndex]);
            }

            raw.Add(parser.RawRecord);
            cleaned.Add(record);
        }

        if (raw.Count == 0)
        {
            throw new CliException(DroppedRows > 0
                ? $"'{Path}': --missing drop left no row (all {DroppedRows} rows have a non-numeric feature cell)."
                : $"'{Path}' has a header but no data rows.");
        }

        RawRecords = raw;
        Labels = labels;
        Categories = categoryValues.ToDictionary(kv => kv.Key, kv => ValueOrder.Sort(kv.Value));
        if (anyBad)
        {
            WriteCleanedCopy(cleaned);
        }
    }

    private void WriteCleanedCopy(List<string[]> rows)
    {
        _cleanedCopy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"oversample-{Guid.NewGuid():N}.csv");
        using (var writer = new StreamWriter(_cleanedCopy))
        using (var csv = new CsvWriter(writer, Invariant))
        {
            foreach (string h in Header)
            {
                csv.WriteField(h);
            }

            csv.NextRecord();
            foreach (string[] row in rows)
            {
                foreach (string cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        LoaderPath = _cleanedCopy;
    }

    /// <summary>Deletes the cleaned copy, if any.</summary>
    public void Dispose()
    {
        if (_cleanedCopy is not null && File.Exists(_cleanedCopy))
        {
            File.Delete(_cleanedCopy);
        }
    }
}
