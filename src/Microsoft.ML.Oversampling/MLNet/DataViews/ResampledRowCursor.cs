using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// A cursor over a <see cref="ResampledDataView"/>: the input cursor's rows first, then the synthetic rows. Getters
/// switch source when the cursor passes from the last original row to the first synthetic one.
/// </summary>
internal sealed class ResampledRowCursor : DataViewRowCursor
{
    private readonly ResampledDataView _view;
    private readonly DataViewRowCursor _input;
    private readonly bool[] _active;
    private long _position = -1;
    private bool _inSynthetic;

    public ResampledRowCursor(ResampledDataView view, DataViewRowCursor input, IReadOnlyList<DataViewSchema.Column> active)
    {
        _view = view;
        _input = input;
        _active = new bool[view.Schema.Count];
        foreach (DataViewSchema.Column column in active)
        {
            _active[column.Index] = true;
        }
    }

    /// <inheritdoc />
    public override long Position => _position;

    /// <inheritdoc />
    public override long Batch => 0;

    /// <inheritdoc />
    public override DataViewSchema Schema => _view.Schema;

    private int SyntheticIndex => (int)(_position - _view.OriginalRows);

    /// <inheritdoc />
    public override bool MoveNext()
    {
        if (!_inSynthetic)
        {
            if (_input.MoveNext())
            {
                _position++;
                return true;
            }

            _inSynthetic = true;
        }

        if (_position + 1 - _view.OriginalRows < _view.SyntheticLabels.Length)
        {
            _position++;
            return true;
        }

        _position = _view.OriginalRows + _view.SyntheticLabels.Length; // past the end
        return false;
    }

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column))
        {
            throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor.");
        }

        ValueGetter<TValue> original = _input.GetGetter<TValue>(column);
        ValueGetter<TValue> synthetic = SyntheticGetter<TValue>(column);
        return (ref TValue value) =>
        {
            if (_inSynthetic)
            {
                synthetic(ref value);
            }
            else
            {
                original(ref value);
            }
        };
    }

    private ValueGetter<TValue> SyntheticGetter<TValue>(DataViewSchema.Column column)
    {
        TrainingColumns columns = _view.Columns;
        Delegate getter;
        if (column.Index == columns.Features.Index)
        {
            int d = columns.FeatureCount;
            float[] values = _view.SyntheticFeatures.Values;
            getter = new ValueGetter<VBuffer<float>>((ref VBuffer<float> value) =>
            {
                VBufferEditor<float> editor = VBufferEditor.Create(ref value, d);
                values.AsSpan(SyntheticIndex * d, d).CopyTo(editor.Values);
                value = editor.Commit();
            });
        }
        else if (column.Index == columns.Label.Index)
        {
            getter = columns.Codec.CreateWriter(() => _view.SyntheticLabels[SyntheticIndex]);
        }
        else
        {
            getter = _view.BaseRowValues?.CreateGetter(column, () => SyntheticIndex)
                ?? throw new InvalidOperationException($"Column '{column.Name}' has no values for synthetic rows.");
        }

        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Invalid TValue in GetGetter: '{typeof(TValue)}' for column '{column.Name}' of type '{column.Type}'.");
    }

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter()
    {
        ValueGetter<DataViewRowId> original = _input.GetIdGetter();
        return (ref DataViewRowId id) =>
        {
            if (_inSynthetic)
            {
                id = new DataViewRowId((ulong)SyntheticIndex, 1UL << 63); // high bit set: no original row has it
            }
            else
            {
                original(ref id);
            }
        };
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}
