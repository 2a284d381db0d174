using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// The values of the columns a sampler does not generate (everything but the label and the features), kept only for
/// the original rows that synthetic rows copy them from, so a resampled view can serve them without a second copy
/// of the data. Each synthetic row's <em>base row</em> is the nearest original row of its class (see
/// <see cref="BaseRows"/>).
/// </summary>
internal sealed class BaseRowValues
{
    private readonly Dictionary<int, ColumnValues> _columns;

    private BaseRowValues(Dictionary<int, ColumnValues> columns) => _columns = columns;

    /// <summary>Reads, in one pass over <paramref name="data"/>, the values of <paramref name="columns"/> at the rows
    /// <paramref name="baseRows"/> names (one entry per synthetic row).</summary>
    public static BaseRowValues Capture(IDataView data, IReadOnlyList<DataViewSchema.Column> columns, int[] baseRows)
    {
        var needed = new Dictionary<int, List<int>>();
        for (int j = 0; j < baseRows.Length; j++)
        {
            if (!needed.TryGetValue(baseRows[j], out var list))
            {
                needed[baseRows[j]] = list = [];
            }

            list.Add(j);
        }

        var stores = columns.ToDictionary(c => c.Index, c => ColumnValues.Create(c, baseRows.Length));
        using DataViewRowCursor cursor = data.GetRowCursor(columns);
        var readers = columns.Select(c => stores[c.Index].CreateReader(cursor)).ToArray();
        int row = 0;
        while (cursor.MoveNext())
        {
            if (needed.TryGetValue(row, out var synthetic))
            {
                foreach (Action<List<int>> read in readers)
                {
                    read(synthetic);
                }
            }

            row++;
        }

        return new BaseRowValues(stores);
    }

    /// <summary>A getter of column <paramref name="column"/> for the synthetic row that <paramref name="index"/> returns.</summary>
    public Delegate CreateGetter(DataViewSchema.Column column, Func<int> index) => _columns[column.Index].CreateGetter(index);

    /// <summary>One column's values for the synthetic rows.</summary>
    private abstract class ColumnValues
    {
        public static ColumnValues Create(DataViewSchema.Column column, int count)
        {
            Type type = column.Type is VectorDataViewType vector
                ? typeof(VectorValues<>).MakeGenericType(vector.ItemType.RawType)
                : typeof(ScalarValues<>).MakeGenericType(column.Type.RawType);
            return (ColumnValues)Activator.CreateInstance(type, column, count)!;
        }

        /// <summary>Returns an action that stores the cursor's current value for the given synthetic rows.</summary>
        public abstract Action<List<int>> CreateReader(DataViewRow row);

        public abstract Delegate CreateGetter(Func<int> index);
    }

    private sealed class ScalarValues<T>(DataViewSchema.Column column, int count) : ColumnValues
    {
        private readonly T[] _values = new T[count];

        public override Action<List<int>> CreateReader(DataViewRow row)
        {
            ValueGetter<T> getter = row.GetGetter<T>(column);
            T value = default!;
            return synthetic =>
            {
                getter(ref value);
                foreach (int j in synthetic)
                {
                    _values[j] = value;
                }
            };
        }

        public override Delegate CreateGetter(Func<int> index) => new ValueGetter<T>((ref T value) => value = _values[index()]);
    }

    private sealed class VectorValues<T>(DataViewSchema.Column column, int count) : ColumnValues
    {
        private readonly VBuffer<T>[] _values = new VBuffer<T>[count];

        public override Action<List<int>> CreateReader(DataViewRow row)
        {
            ValueGetter<VBuffer<T>> getter = row.GetGetter<VBuffer<T>>(column);
            VBuffer<T> value = default;
            return synthetic =>
            {
                getter(ref value);
                foreach (int j in synthetic)
                {
                    value.CopyTo(ref _values[j]); // getters reuse their buffers: keep a copy of our own
                }
            };
        }

        public override Delegate CreateGetter(Func<int> index) =>
            new ValueGetter<VBuffer<T>>((ref VBuffer<T> value) => _values[index()].CopyTo(ref value));
    }
}
