using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// Converts between an ML.NET label column and the integer classes the samplers work on: a Boolean label is class 1
/// (true, the positive class) or 0 (false); a key-typed label is its key value (1 … count; 0 is ML.NET's missing key,
/// which is refused).
/// </summary>
internal abstract class LabelCodec
{
    /// <summary>The label column's type, also the type of the synthetic rows' labels.</summary>
    public abstract DataViewType Type { get; }

    /// <summary>Returns a reader of the current row's class through <paramref name="row"/>; its argument, the row number, names the row in errors.</summary>
    public abstract Func<long, int> CreateReader(DataViewRow row, DataViewSchema.Column column);

    /// <summary>A getter that writes class <paramref name="label"/> as the column's value.</summary>
    public abstract Delegate CreateWriter(Func<int> label);

    /// <summary>The label value of each class, as far as the column tells: <c>false</c>/<c>true</c> for a Boolean label,
    /// the key's text values (from <c>MapValueToKey</c>) for a key label that has them.</summary>
    public abstract IReadOnlyDictionary<int, string> ClassNames(DataViewSchema.Column column);

    /// <summary>The codec for a label column of <paramref name="type"/>; <c>null</c> if the type is not a label type.</summary>
    public static LabelCodec? For(DataViewType type) => type switch
    {
        BooleanDataViewType => new BooleanCodec(),
        KeyDataViewType key when key.RawType == typeof(uint) => new KeyCodec(key),
        _ => null,
    };

    private sealed class BooleanCodec : LabelCodec
    {
        public override DataViewType Type => BooleanDataViewType.Instance;

        public override Func<long, int> CreateReader(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<bool> getter = row.GetGetter<bool>(column);
            bool value = false;
            return _ =>
            {
                getter(ref value);
                return value ? 1 : 0;
            };
        }

        public override Delegate CreateWriter(Func<int> label) =>
            new ValueGetter<bool>((ref bool value) => value = label() == 1);

        public override IReadOnlyDictionary<int, string> ClassNames(DataViewSchema.Column column) =>
            new Dictionary<int, string> { [0] = "false", [1] = "true" };
    }

    private sealed class KeyCodec(KeyDataViewType type) : LabelCodec
    {
        public override DataViewType Type => type;

        public override Func<long, int> CreateReader(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<uint> getter = row.GetGetter<uint>(column);
            uint value = 0;
            string name = column.Name;
            return position =>
            {
                getter(ref value);
                return value == 0 || value > int.MaxValue
                    ? throw new InvalidOperationException($"Label column '{name}' has a missing key value at row {position}; every training row needs a class.")
                    : (int)value;
            };
        }

        public override Delegate CreateWriter(Func<int> label) =>
            new ValueGetter<uint>((ref uint value) => value = (uint)label());

        public override IReadOnlyDictionary<int, string> ClassNames(DataViewSchema.Column column)
        {
            var names = new Dictionary<int, string>();
            if (column.Annotations.Schema.GetColumnOrNull("KeyValues") is { Type: VectorDataViewType { ItemType: TextDataViewType } })
            {
                VBuffer<ReadOnlyMemory<char>> values = default;
                column.Annotations.GetValue("KeyValues", ref values);
                int key = 1;
                foreach (ReadOnlyMemory<char> value in values.DenseValues())
                {
                    names[key++] = value.ToString();
                }
            }

            return names;
        }
    }
}
