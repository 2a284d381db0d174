using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>
/// An <see cref="IDataView"/> that adds one Single column to its input, whose value is a function of the row's
/// position (0-based, in the input's unshuffled order). Nothing is copied: the input's columns pass through its own
/// cursor. The view serves a single cursor and never shuffles, so a row's position is the same on every pass.
/// </summary>
internal sealed class PositionalColumnDataView : IDataView
{
    private readonly IDataView _input;
    private readonly long _rowCount;
    private readonly Func<long, float> _valueAt;
    private readonly int _columnIndex;

    /// <param name="input">The data to extend; <paramref name="rowCount"/> must be its exact row count.</param>
    /// <param name="columnName">The new column's name (not in the input's schema).</param>
    /// <param name="rowCount">The input's row count; a cursor that yields more rows fails.</param>
    /// <param name="valueAt">The new column's value at a row position.</param>
    public PositionalColumnDataView(IDataView input, string columnName, long rowCount, Func<long, float> valueAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(columnName);
        ArgumentNullException.ThrowIfNull(valueAt);
        _input = input;
        _rowCount = rowCount;
        _valueAt = valueAt;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input.Schema);
        builder.AddColumn(columnName, NumberDataViewType.Single);
        Schema = builder.ToSchema();
        _columnIndex = input.Schema.Count;
    }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    public long? GetRowCount() => _rowCount;

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        DataViewSchema.Column[] needed = columnsNeeded.ToArray();
        IEnumerable<DataViewSchema.Column> inputColumns = needed.Where(c => c.Index != _columnIndex).Select(c => _input.Schema[c.Index]);
        // The input's order is what positions refer to, so a shuffle request (rand) is not passed on.
        return new Cursor(this, _input.GetRowCursor(inputColumns), needed.Any(c => c.Index == _columnIndex));
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(PositionalColumnDataView parent, DataViewRowCursor input, bool columnActive) : DataViewRowCursor
    {
        public override DataViewSchema Schema => parent.Schema;

        public override long Position => input.Position;

        public override long Batch => input.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index == parent._columnIndex ? columnActive : input.IsColumnActive(input.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index != parent._columnIndex)
            {
                return input.GetGetter<TValue>(input.Schema[column.Index]);
            }

            if (!columnActive || typeof(TValue) != typeof(float))
            {
                throw new InvalidOperationException($"Column '{column.Name}' is a Single column and must be requested as active.");
            }

            ValueGetter<float> getter = (ref float value) => value = parent._valueAt(input.Position);
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        public override bool MoveNext()
        {
            if (!input.MoveNext())
            {
                return false;
            }

            if (input.Position >= parent._rowCount)
            {
                throw new InvalidOperationException($"The data yielded more than the {parent._rowCount} rows it had when the column was attached.");
            }

            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
