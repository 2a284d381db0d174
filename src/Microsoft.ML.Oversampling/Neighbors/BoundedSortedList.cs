using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// Insertion into a bounded list kept sorted by key: the routine behind every "k smallest so far" list of the
/// search. A new entry goes after existing equal keys, so with references offered in ascending index order,
/// equal keys stay ordered by index.
/// </summary>
internal static class BoundedSortedList
{
    /// <summary>
    /// Inserts (<paramref name="key"/>, <paramref name="index"/>) into the first <paramref name="count"/> entries of
    /// <paramref name="keys"/>/<paramref name="indices"/> (capacity = their length) if it belongs among the smallest;
    /// returns the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Insert<TKey>(Span<TKey> keys, Span<int> indices, int count, TKey key, int index)
        where TKey : IComparisonOperators<TKey, TKey, bool>
    {
        int capacity = keys.Length;
        if (count == capacity && !(key < keys[count - 1]))
        {
            return count;
        }

        int position = count == capacity ? count - 1 : count;
        while (position > 0 && keys[position - 1] > key)
        {
            keys[position] = keys[position - 1];
            indices[position] = indices[position - 1];
            position--;
        }

        keys[position] = key;
        indices[position] = index;
        return count == capacity ? count : count + 1;
    }
}
