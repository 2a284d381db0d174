using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.MLNet.Data;

/// <summary>A read-only data view over a binary <see cref="LabeledMatrix"/>: column 0 the Boolean label, column 1 the features.</summary>
internal sealed class LabeledMatrixDataView(DataViewSchema schema, LabeledMatrix data) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; } = schema;

    public long? GetRowCount() => data.Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, data);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(LabeledMatrixDataView parent, LabeledMatrix data) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => parent.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index == 0)
            {
                ValueGetter<bool> label = (ref bool value) => value = data.Labels[_position] == 1;
                return label as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column 'Label' is Boolean, not {typeof(TValue).Name}.");
            }

            int d = data.Features.Columns;
            ValueGetter<VBuffer<float>> features = (ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, d);
                data.Features.Row((int)_position).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return features as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column 'Features' is a vector of Single, not {typeof(TValue).Name}.");
        }

        public override bool MoveNext()
        {
            if (_position + 1 >= data.Rows)
            {
                _position = data.Rows;
                return false;
            }

            _position++;
            return true;
        }
    }
}
