using System.Globalization;
using System.Text;
using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// A CSV file read once and checked: the header gives the column layout (the label column by name, every other column
/// a numeric feature unless declared categorical), every feature cell is parsed and checked, and the label values are
/// collected. A cell that is not a finite number is refused with one line naming the file, line, column and value,
/// unless <see cref="MissingValuePolicy"/> says otherwise (the row is left out, or the cell becomes missing, NaN, for
/// the featurizer to replace). The rows are parsed in parallel blocks; the first bad cell in file order is the one
/// reported, so errors do not depend on the thread count. The kept rows' text stays available, byte for byte, for
/// commands that copy them to their output.
/// </summary>
internal sealed class CsvTable
{
    private const int BlockRows = 2048;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly CsvRecords _records;
    private readonly Dictionary<int, float[]> _numeric = [];
    private readonly Dictionary<int, string[]> _text = [];
    private int[] _kept = [];

    private CsvTable(string path, CsvRecords records, string[] header)
    {
        Path = path;
        _records = records;
        Header = header;
    }

    /// <summary>The file as given.</summary>
    public string Path { get; }

    /// <summary>The column names, in file order.</summary>
    public string[] Header { get; }

    /// <summary>Index of the label column; -1 when the file has none (allowed when scoring).</summary>
    public int LabelIndex { get; private set; } = -1;

    /// <summary>The label column's name, or <c>null</c>.</summary>
    public string? LabelName => LabelIndex >= 0 ? Header[LabelIndex] : null;

    /// <summary>The feature columns' indices, in file order (numeric and categorical).</summary>
    public IReadOnlyList<int> FeatureIndices { get; private set; } = [];

    /// <summary>The categorical feature columns, each with its sorted distinct values (code k+1 = value k).</summary>
    public IReadOnlyDictionary<int, string[]> Categories { get; private set; } = new Dictionary<int, string[]>();

    /// <summary>The label text of each row kept (empty when there is no label column).</summary>
    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>Rows left out by <see cref="MissingValuePolicy.Drop"/>.</summary>
    public int DroppedRows { get; private set; }

    /// <summary>Cells made missing (NaN) by <see cref="MissingValuePolicy.Mean"/>.</summary>
    public int MissingCells { get; private set; }

    /// <summary>Number of rows kept.</summary>
    public int RowCount => _kept.Length;

    /// <summary>The feature columns' names, in file order.</summary>
    public IEnumerable<string> FeatureNames => FeatureIndices.Select(i => Header[i]);

    /// <summary>The header line's bytes, as written in the file (line ending included).</summary>
    public ReadOnlySpan<byte> HeaderRecord => _records.Raw(0);

    /// <summary>Kept row <paramref name="row"/>'s bytes, as written in the file (line ending included, if it had one).</summary>
    public ReadOnlySpan<byte> RawRecord(int row) => _records.Raw(_kept[row] + 1);

    /// <summary>The values of numeric feature column <paramref name="column"/> (file index), one per kept row; NaN = missing.</summary>
    public float[] Numeric(int column) => _numeric[column];

    /// <summary>The texts of categorical feature column <paramref name="column"/> (file index), one per kept row.</summary>
    public string[] Text(int column) => _text[column];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file (comma-separated, header row, UTF-8).</param>
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

        CsvRecords records = CsvRecords.Find(File.ReadAllBytes(path));
        if (records.Count == 0)
        {
            throw new CliException($"'{path}' is empty: expected a header line and data rows.");
        }

        var table = new CsvTable(path, records, ReadHeader(records));
        table.Layout(labelName, labelRequired, categorical, only);
        table.ReadRows(missing);
        return table;
    }

    private static string[] ReadHeader(CsvRecords records)
    {
        Dictionary<int, string>? unquoted = null;
        var cells = new Range[records.SplitCells(0, [], ref unquoted)];
        unquoted = null;
        records.SplitCells(0, cells, ref unquoted);
        return [.. cells.Select((cell, i) => records.Text(cell, i, unquoted))];
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

    /// <summary>Parses every data record into per-column arrays (indexed by record), then keeps the rows the policy keeps.</summary>
    private void ReadRows(MissingValuePolicy missing)
    {
        int rows = _records.Count - 1;
        if (rows == 0)
        {
            throw new CliException($"'{Path}' has a header but no data rows.");
        }

        int[] numericColumns = [.. FeatureIndices.Where(i => !Categories.ContainsKey(i))];
        int[] textColumns = [.. Categories.Keys.Order()];
        float[][] numeric = [.. numericColumns.Select(_ => new float[rows])]; // in numericColumns order
        var text = textColumns.ToDictionary(c => c, _ => new string[rows]);
        var labels = LabelIndex >= 0 ? new string[rows] : null;
        var bad = new bool[rows];
        int blocks = (rows + BlockRows - 1) / BlockRows;
        var errors = new string?[blocks];
        var missingCells = new int[blocks];
        Parallel.For(0, blocks, block =>
        {
            Span<Range> cells = new Range[Header.Length];
            int end = Math.Min(rows, (block + 1) * BlockRows);
            for (int row = block * BlockRows; row < end && errors[block] is null; row++)
            {
                errors[block] = ReadRow(row, cells, numericColumns, numeric, textColumns, text, labels, missing, bad, ref missingCells[block]);
            }
        });

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new CliException(error);
        }

        _kept = [.. Enumerable.Range(0, rows).Where(r => !bad[r])];
        DroppedRows = rows - _kept.Length;
        MissingCells = missingCells.Sum();
        if (_kept.Length == 0)
        {
            throw new CliException($"'{Path}': --missing drop left no row (all {DroppedRows} rows have a non-numeric feature cell).");
        }

        for (int k = 0; k < numericColumns.Length; k++)
        {
            _numeric[numericColumns[k]] = Keep(numeric[k]);
        }

        foreach (var (column, values) in text)
        {
            _text[column] = Keep(values);
        }

        Labels = labels is null ? [] : Keep(labels);
        Categories = _text.ToDictionary(kv => kv.Key, kv => ValueOrder.Sort(kv.Value));
    }

    /// <summary>Parses data row <paramref name="row"/> (record row + 1); returns the error message of its first bad cell, if it is refused.</summary>
    private string? ReadRow(
        int row, Span<Range> cells, int[] numericColumns, float[][] numeric, int[] textColumns,
        Dictionary<int, string[]> text, string[]? labels, MissingValuePolicy missing, bool[] bad, ref int missingCells)
    {
        int record = row + 1;
        int line = _records.Line(record);
        Dictionary<int, string>? unquoted = null;
        int count = _records.SplitCells(record, cells, ref unquoted);
        if (count != Header.Length)
        {
            return $"'{Path}' line {line}: {count} cells where the header has {Header.Length} columns.";
        }

        int missingInRow = 0;
        for (int k = 0; k < numericColumns.Length; k++)
        {
            int j = numericColumns[k];
            bool parsed = unquoted is not null && unquoted.TryGetValue(j, out string? quoted)
                ? float.TryParse(quoted, NumberStyles.Float, Invariant, out float v)
                : FloatText.TryParse(_records.Content.AsSpan(cells[j]), out v);
            if (parsed && float.IsFinite(v))
            {
                numeric[k][row] = v;
                continue;
            }

            if (missing == MissingValuePolicy.Error)
            {
                return $"'{Path}' line {line}, column '{Header[j]}': value '{_records.Text(cells[j], j, unquoted)}' is not a finite number; fix the cell, use --missing drop or --missing mean, or declare the column with --categorical.";
            }

            if (missing == MissingValuePolicy.Drop)
            {
                bad[row] = true;
                return null;
            }

            numeric[k][row] = float.NaN;
            missingInRow++;
        }

        foreach (int j in textColumns)
        {
            string cell = _records.Text(cells[j], j, unquoted);
            if (cell.Length == 0)
            {
                return $"'{Path}' line {line}, column '{Header[j]}': empty category; give every categorical cell a value.";
            }

            text[j][row] = cell;
        }

        if (labels is not null)
        {
            string label = _records.Text(cells[LabelIndex], LabelIndex, unquoted);
            if (label.Length == 0)
            {
                return $"'{Path}' line {line}, column '{Header[LabelIndex]}': empty label; every row needs a class.";
            }

            labels[row] = label;
        }

        missingCells += missingInRow;
        return null;
    }

    private T[] Keep<T>(T[] values) => _kept.Length == values.Length ? values : [.. _kept.Select(r => values[r])];

    /// <summary>The text of <paramref name="value"/> as one CSV cell in UTF-8: quoted (inner quotes doubled) when it holds a comma, a quote, a line break or surrounding white space.</summary>
    public static byte[] CellBytes(string value)
    {
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return Encoding.UTF8.GetBytes(quote ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value);
    }
}
