using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// An immutable map from class label to a value, labels ascending: the per-class tables of one resampling call
/// (rows of each class, class counts, rows to generate, counts after).
/// </summary>
/// <remarks>
/// Two sorted arrays rather than a <see cref="SortedDictionary{TKey, TValue}"/>: a framework collection instantiated
/// over framework types only (<c>int</c>, <c>int[]</c>) cannot be precompiled into this library's ReadyToRun image, and
/// a process's first resampling call jitted about 45 of its methods (and the LINQ around them) at tier 0, some 10 ms
/// of a 60 ms call (issue 16). This type is the library's own, so its code is in the image.
/// </remarks>
/// <typeparam name="TValue">The value per class.</typeparam>
internal sealed class ClassMap<TValue> : IReadOnlyDictionary<int, TValue>
{
    private readonly int[] _labels;
    private readonly TValue[] _values;

    /// <summary>Creates the map; <paramref name="labels"/> must be strictly ascending and as long as <paramref name="values"/>.</summary>
    public ClassMap(int[] labels, TValue[] values)
    {
        if (labels.Length != values.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {values.Length} values.", nameof(values));
        }

        for (int i = 1; i < labels.Length; i++)
        {
            if (labels[i] <= labels[i - 1])
            {
                throw new ArgumentException("Class labels must be strictly ascending.", nameof(labels));
            }
        }

        _labels = labels;
        _values = values;
    }

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <summary>The labels, ascending.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <inheritdoc />
    public IEnumerable<int> Keys => _labels;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => _values;

    /// <inheritdoc />
    public TValue this[int key] => IndexOf(key) is int i and >= 0 ? _values[i] : throw new KeyNotFoundException($"There is no class {key}.");

    /// <summary>The label at <paramref name="index"/> (ascending order).</summary>
    public int LabelAt(int index) => _labels[index];

    /// <summary>The value at <paramref name="index"/> (ascending label order).</summary>
    public TValue ValueAt(int index) => _values[index];

    /// <summary>The position of <paramref name="label"/>, or −1.</summary>
    public int IndexOf(int label)
    {
        int low = 0, high = _labels.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (_labels[middle] == label)
            {
                return middle;
            }

            if (_labels[middle] < label)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>A copy of the values, in label order.</summary>
    public TValue[] CopyValues() => (TValue[])_values.Clone();

    /// <summary>A map with the same labels and the given values (in label order).</summary>
    public ClassMap<TValue> WithValues(TValue[] values) => new(_labels, values);

    /// <summary>A map with the same labels and values computed from each entry.</summary>
    public ClassMap<TResult> Select<TResult>(Func<int, TValue, TResult> value)
    {
        var values = new TResult[_labels.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = value(_labels[i], _values[i]);
        }

        return new ClassMap<TResult>(_labels, values);
    }

    /// <inheritdoc />
    public bool ContainsKey(int key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(int key, [MaybeNullWhen(false)] out TValue value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<int, TValue>> GetEnumerator()
    {
        for (int i = 0; i < _labels.Length; i++)
        {
            yield return new KeyValuePair<int, TValue>(_labels[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Builds <see cref="ClassMap{TValue}"/>s.</summary>
internal static class ClassMap
{
    /// <summary>Copies a dictionary into a map, labels sorted.</summary>
    public static ClassMap<TValue> From<TValue>(IReadOnlyDictionary<int, TValue> source)
    {
        if (source is ClassMap<TValue> map)
        {
            return map;
        }

        var labels = new int[source.Count];
        var values = new TValue[source.Count];
        int n = 0;
        foreach (var entry in source)
        {
            labels[n] = entry.Key;
            values[n] = entry.Value;
            n++;
        }

        Array.Sort(labels, values);
        return new ClassMap<TValue>(labels, values);
    }
}
