using System.Text;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// The records of a comma-separated UTF-8 file, found in one vectorised pass over its bytes: where each record starts
/// and ends (its line ending included, so the text can be copied out verbatim) and on which line it begins. Blank
/// lines are skipped; a quoted cell may hold commas, doubled quotes and line breaks (RFC 4180). Cells are split later,
/// per record, by <see cref="SplitCells"/>, so that the records of a large file can be parsed in parallel.
/// </summary>
internal sealed class CsvRecords
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int[] _lines;

    private CsvRecords(byte[] content, List<int> starts, List<int> ends, List<int> lines)
    {
        Content = content;
        _starts = [.. starts];
        _ends = [.. ends];
        _lines = [.. lines];
    }

    /// <summary>The file's bytes.</summary>
    public byte[] Content { get; }

    /// <summary>Number of records (the header included).</summary>
    public int Count => _starts.Length;

    /// <summary>Splits <paramref name="content"/> into records.</summary>
    public static CsvRecords Find(byte[] content)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var lines = new List<int>();
        int position = content.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        int line = 1;
        while (position < content.Length)
        {
            int start = position, startLine = line;
            bool quoted = false, blank = true;
            while (true)
            {
                int next = content.AsSpan(position).IndexOfAny((byte)'\n', (byte)'"');
                if (next < 0)
                {
                    blank &= IsBlank(content.AsSpan(position));
                    position = content.Length;
                    break;
                }

                blank &= IsBlank(content.AsSpan(position, next));
                position += next + 1;
                if (content[position - 1] == (byte)'"')
                {
                    quoted = !quoted;
                    blank = false;
                    continue;
                }

                line++;
                if (!quoted)
                {
                    break;
                }
            }

            if (!blank)
            {
                starts.Add(start);
                ends.Add(position);
                lines.Add(startLine);
            }
        }

        return new CsvRecords(content, starts, ends, lines);
    }

    /// <summary>Record <paramref name="index"/>'s bytes, line ending included.</summary>
    public ReadOnlySpan<byte> Raw(int index) => Content.AsSpan(_starts[index], _ends[index] - _starts[index]);

    /// <summary>The 1-based line on which record <paramref name="index"/> begins.</summary>
    public int Line(int index) => _lines[index];

    /// <summary>
    /// Splits record <paramref name="index"/> into at most <paramref name="cells"/>.Length cells, each trimmed of
    /// surrounding white space; a quoted cell's text is unquoted into <paramref name="unquoted"/> (index → text),
    /// which stays <c>null</c> when no cell is quoted (the common case, and allocation-free).
    /// </summary>
    /// <returns>The number of cells the record has (may exceed <paramref name="cells"/>.Length, then the extra ones are not stored).</returns>
    public int SplitCells(int index, Span<Range> cells, ref Dictionary<int, string>? unquoted)
    {
        int start = _starts[index];
        ReadOnlySpan<byte> record = TrimLineEnd(Raw(index));
        if (record.IndexOf((byte)'"') < 0)
        {
            int count = 0, from = 0;
            while (true)
            {
                int comma = record[from..].IndexOf((byte)',');
                int end = comma < 0 ? record.Length : from + comma;
                if (count < cells.Length)
                {
                    cells[count] = Trim(record, from, end, start);
                }

                count++;
                if (comma < 0)
                {
                    return count;
                }

                from = end + 1;
            }
        }

        return SplitQuoted(record, start, cells, ref unquoted);
    }

    /// <summary>The text of a cell found by <see cref="SplitCells"/>.</summary>
    public string Text(Range cell, int cellIndex, Dictionary<int, string>? unquoted) =>
        unquoted is not null && unquoted.TryGetValue(cellIndex, out string? text) ? text : Encoding.UTF8.GetString(Content.AsSpan(cell));

    private int SplitQuoted(ReadOnlySpan<byte> record, int offset, Span<Range> cells, ref Dictionary<int, string>? unquoted)
    {
        int count = 0, position = 0;
        while (true)
        {
            while (position < record.Length && IsSpace(record[position]))
            {
                position++;
            }

            int end;
            if (position < record.Length && record[position] == (byte)'"')
            {
                var text = new List<byte>();
                position++;
                while (position < record.Length)
                {
                    if (record[position] == (byte)'"')
                    {
                        if (position + 1 < record.Length && record[position + 1] == (byte)'"')
                        {
                            text.Add((byte)'"');
                            position += 2;
                            continue;
                        }

                        position++;
                        break;
                    }

                    text.Add(record[position++]);
                }

                // Anything between the closing quote and the comma is kept, as a lenient reader does.
                int comma = record[position..].IndexOf((byte)',');
                end = comma < 0 ? record.Length : position + comma;
                text.AddRange(record[position..end].TrimEnd(" \t"u8).ToArray());
                (unquoted ??= [])[count] = Encoding.UTF8.GetString([.. text]);
                if (count < cells.Length)
                {
                    cells[count] = new Range(offset, offset);
                }
            }
            else
            {
                int comma = record[position..].IndexOf((byte)',');
                end = comma < 0 ? record.Length : position + comma;
                if (count < cells.Length)
                {
                    cells[count] = Trim(record, position, end, offset);
                }
            }

            count++;
            if (end >= record.Length)
            {
                return count;
            }

            position = end + 1;
        }
    }

    private static Range Trim(ReadOnlySpan<byte> record, int from, int end, int offset)
    {
        while (from < end && IsSpace(record[from]))
        {
            from++;
        }

        while (end > from && IsSpace(record[end - 1]))
        {
            end--;
        }

        return new Range(offset + from, offset + end);
    }

    private static ReadOnlySpan<byte> TrimLineEnd(ReadOnlySpan<byte> record)
    {
        int length = record.Length;
        while (length > 0 && (record[length - 1] == (byte)'\n' || record[length - 1] == (byte)'\r'))
        {
            length--;
        }

        return record[..length];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r"u8) < 0;
}
