using System.Reflection;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Data;

/// <summary>
/// Converts between plain classes and tables: public properties and fields of type float, double (stored as
/// float), bool, int, string and float[] become columns, named by <see cref="ColumnNameAttribute"/> or the
/// member name; <see cref="NoColumnAttribute"/> excludes a member.
/// </summary>
internal static class EnumerableConverter
{
    public static DataView ToDataView<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        T[] items = rows.ToArray();
        var members = Members(typeof(T));
        if (members.Count == 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no public properties or fields of a supported type (float, double, bool, int, string, float[]).");
        }

        var columns = new List<DataColumn>();
        foreach (var m in members)
        {
            Type t = m.ValueType;
            if (t == typeof(float))
            {
                columns.Add(new ScalarColumn<float>(m.Column, items.Select(x => (float)m.Get(x!)!).ToArray(), copy: false));
            }
            else if (t == typeof(double))
            {
                columns.Add(new ScalarColumn<float>(m.Column, items.Select(x => (float)(double)m.Get(x!)!).ToArray(), copy: false));
            }
            else if (t == typeof(bool))
            {
                columns.Add(new ScalarColumn<bool>(m.Column, items.Select(x => (bool)m.Get(x!)!).ToArray(), copy: false));
            }
            else if (t == typeof(int))
            {
                columns.Add(new ScalarColumn<int>(m.Column, items.Select(x => (int)m.Get(x!)!).ToArray(), copy: false));
            }
            else if (t == typeof(string))
            {
                columns.Add(new ScalarColumn<string>(m.Column, items.Select(x => (string?)m.Get(x!) ?? string.Empty).ToArray(), copy: false));
            }
            else
            {
                columns.Add(VectorFrom(m, items));
            }
        }

        return new DataView(columns);
    }

    public static IEnumerable<T> FromDataView<T>(DataView data)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(data);
        var members = Members(typeof(T)).Where(m => m.CanSet).ToList();
        var bindings = new List<(Member Member, DataColumn Column)>();
        foreach (var m in members)
        {
            if (!data.Schema.TryGetColumn(m.Column, out _))
            {
                throw new ArgumentOutOfRangeException(nameof(data), $"Could not find column '{m.Column}' for member {typeof(T).Name}.{m.Name}. Columns present: {string.Join(", ", data.Schema.Select(c => c.Name))}.");
            }

            DataColumn column = data.GetColumn(m.Column);
            bool fits = column switch
            {
                ScalarColumn<float> => m.ValueType == typeof(float) || m.ValueType == typeof(double),
                ScalarColumn<bool> => m.ValueType == typeof(bool),
                ScalarColumn<int> => m.ValueType == typeof(int),
                ScalarColumn<string> => m.ValueType == typeof(string),
                VectorColumn => m.ValueType == typeof(float[]),
                _ => false,
            };
            if (!fits)
            {
                throw new ArgumentOutOfRangeException(nameof(data), $"Schema mismatch for column '{m.Column}': member {typeof(T).Name}.{m.Name} is {m.ValueType.Name}, the column is {column.Type}.");
            }

            bindings.Add((m, column));
        }

        for (int row = 0; row < data.RowCount; row++)
        {
            var item = new T();
            object boxed = item;
            foreach (var (m, column) in bindings)
            {
                object value = column.GetBoxedValue(row);
                m.Set(boxed, m.ValueType == typeof(double) ? (double)(float)value : value);
            }

            yield return (T)boxed;
        }
    }

    private static VectorColumn VectorFrom<T>(Member m, T[] items)
    {
        int size = m.VectorSize ?? (items.Length > 0 ? ((float[]?)m.Get(items[0]!))?.Length ?? 0 : 0);
        var matrix = new DenseMatrix(items.Length, size);
        for (int i = 0; i < items.Length; i++)
        {
            float[] v = (float[]?)m.Get(items[i]!) ?? throw new ArgumentException($"Row {i}: {m.Name} is null; vector members need a value.");
            if (v.Length != size)
            {
                throw new ArgumentException($"Row {i}: {m.Name} has {v.Length} values but the vector size is {size}{(m.VectorSize is null ? " (taken from the first row; declare it with [VectorType])" : string.Empty)}.");
            }

            v.CopyTo(matrix.Row(i));
        }

        return new VectorColumn(m.Column, matrix, null, copy: false);
    }

    private static List<Member> Members(Type type)
    {
        var supported = new[] { typeof(float), typeof(double), typeof(bool), typeof(int), typeof(string), typeof(float[]) };
        var result = new List<Member>();
        foreach (MemberInfo info in type.GetMembers(BindingFlags.Public | BindingFlags.Instance))
        {
            if (info.GetCustomAttribute<NoColumnAttribute>() is not null)
            {
                continue;
            }

            Type? valueType = null;
            Func<object, object?>? get = null;
            Action<object, object?>? set = null;
            if (info is PropertyInfo p && p.CanRead && p.GetIndexParameters().Length == 0)
            {
                (valueType, get, set) = (p.PropertyType, p.GetValue, p.CanWrite ? p.SetValue : null);
            }
            else if (info is FieldInfo f)
            {
                (valueType, get, set) = (f.FieldType, f.GetValue, f.IsInitOnly ? null : f.SetValue);
            }

            if (valueType is null || !supported.Contains(valueType))
            {
                continue;
            }

            string column = info.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? info.Name;
            result.Add(new Member(info.Name, column, valueType, info.GetCustomAttribute<VectorTypeAttribute>()?.Size, get!, set));
        }

        return result;
    }

    private sealed record Member(string Name, string Column, Type ValueType, int? VectorSize, Func<object, object?> Get, Action<object, object?>? Setter)
    {
        public bool CanSet => Setter is not null;

        public void Set(object target, object? value) => Setter!(target, value);
    }
}
