using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// A read-only <see cref="IDataView"/> over columns already in memory, one array per column (a vector column one
/// row-major array): how a parsed
/// <see cref="CsvTable"/> reaches ML.NET without a second parse. ML.NET's public API builds views from typed
/// objects only (<c>LoadFromEnumerable</c>), and a CSV file's columns are known at run time.
/// </summary>
/// <remarks>
/// A cursor set splits the rows into blocks dealt round-robin to the cursors, each block its own <c>Batch</c>, so
/// ML.NET's consolidator puts them back in file order. Without a set, every transform above the view (Concatenate)
/// splits a single cursor through worker threads and pipes, which at 100k rows cost more than the work.
/// </remarks>
internal sealed class InMemoryColumns : IDataView
{
    private readonly object[] _values;
    private readonly int _rows;

    private InMemoryColumns(DataViewSchema schema, object[] values, int rows)
    {
        Schema = schema;
        _values = values;
        _rows = rows;
    }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    public long? GetRowCount() => _rows;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, 0, 1);

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        int cursors = Math.Clamp(Math.Min(n, (_rows + BlockRows - 1) / BlockRows), 1, Environment.ProcessorCount);
        return [.. Enumerable.Range(0, cursors).Select(i => new Cursor(this, i, cursors))];
    }

    private const int BlockRows = 256;

    /// <summary>Collects the columns of a view.</summary>
    public sealed class Builder(int rows)
    {
        private readonly DataViewSchema.Builder _schema = new();
        private readonly List<object> _values = [];

        /// <summary>A Single column (NaN = missing).</summary>
        public Builder Add(string name, float[] values) => Add(name, NumberDataViewType.Single, values, null);

        /// <summary>A text column.</summary>
        public Builder Add(string name, string[] values) =>
            Add(name, TextDataViewType.Instance, values.Select(v => v.AsMemory()).ToArray(), null);

        /// <summary>A Boolean column.</summary>
        public Builder Add(string name, bool[] values) => Add(name, BooleanDataViewType.Instance, values, null);

        /// <summary>A key column (1-based keys, 0 = missing) whose key k is named <paramref name="keyValues"/>[k − 1], as <c>MapValueToKey</c> makes.</summary>
        public Builder Add(string name, uint[] values, IReadOnlyList<string> keyValues)
        {
            var names = new VBuffer<ReadOnlyMemory<char>>(keyValues.Count, keyValues.Select(v => v.AsMemory()).ToArray());
            var annotations = new DataViewSchema.Annotations.Builder();
            // "KeyValues" is the annotation kind ML.NET's key transforms and evaluators read the key names from.
            annotations.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, keyValues.Count), (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
            return Add(name, new KeyDataViewType(typeof(uint), keyValues.Count), values, annotations.ToAnnotations());
        }

        /// <summary>
        /// A vector column of <paramref name="width"/> Single slots per row, from a row-major matrix, with the slot
        /// names ML.NET's Concatenate would give it.
        /// </summary>
        public Builder Add(string name, float[] rowMajor, int width, IReadOnlyList<string> slotNames)
        {
            if (rowMajor.Length != (long)rows * width || slotNames.Count != width)
            {
                throw new ArgumentException($"Column '{name}' has {rowMajor.Length} values and {slotNames.Count} slot names for {rows} rows of {width}.", nameof(rowMajor));
            }

            var names = new VBuffer<ReadOnlyMemory<char>>(width, slotNames.Select(v => v.AsMemory()).ToArray());
            var annotations = new DataViewSchema.Annotations.Builder();
            annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, width), (ref VBuffer<ReadOnlyMemory<char>> value) => names.CopyTo(ref value));
            _schema.AddColumn(name, new VectorDataViewType(NumberDataViewType.Single, width), annotations.ToAnnotations());
            _values.Add(new RowMajorVectors(rowMajor, width));
            return this;
        }

        /// <summary>The view.</summary>
        public IDataView Build() => new InMemoryColumns(_schema.ToSchema(), [.. _values], rows);

        private Builder Add(string name, DataViewType type, Array values, DataViewSchema.Annotations? annotations)
        {
            if (values.Length != rows)
            {
                throw new ArgumentException($"Column '{name}' has {values.Length} values for {rows} rows.", nameof(values));
            }

            _schema.AddColumn(name, type, annotations);
            _values.Add(values);
            return this;
        }
    }

    /// <summary>A vector column's values, row after row.</summary>
    private sealed class RowMajorVectors(float[] values, int width)
    {
        public ValueGetter<VBuffer<float>> Getter(Cursor cursor) => (ref VBuffer<float> value) =>
        {
            VBufferEditor<float> editor = VBufferEditor.Create(ref value, width);
            values.AsSpan(cursor.Row * width, width).CopyTo(editor.Values);
            value = editor.Commit();
        };
    }

    /// <summary>Cursor <paramref name="index"/> of <paramref name="count"/>: blocks index, index + count, ... (all rows when count is 1).</summary>
    private sealed class Cursor(InMemoryColumns parent, int index, int count) : DataViewRowCursor
    {
        private long _position = -1;
        private int _row = -1;

        public override DataViewSchema Schema => parent.Schema;

        public override long Position => _position;

        /// <summary>The row the cursor is on.</summary>
        public int Row => _row;

        public override long Batch => count == 1 ? 0 : _row / BlockRows;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_row, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (parent._values[column.Index] is RowMajorVectors vectors && vectors.Getter(this) is ValueGetter<TValue> vectorGetter)
            {
                return vectorGetter;
            }

            if (parent._values[column.Index] is not TValue[] values)
            {
                throw new InvalidOperationException($"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
            }

            return (ref TValue value) => value = values[_row];
        }

        public override bool MoveNext()
        {
            int next = _row < 0 ? index * BlockRows : _row + 1;
            if (count > 1 && next % BlockRows == 0 && _row >= 0)
            {
                next += (count - 1) * BlockRows; // the next block of this cursor
            }

            if (next >= parent._rows)
            {
                _row = parent._rows;
                return false;
            }

            _row = next;
            _position++;
            return true;
        }
    }
}
