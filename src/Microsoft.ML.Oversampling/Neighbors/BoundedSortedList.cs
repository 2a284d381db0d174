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
    /// <remarks>
    /// Float keys only, not generic over <c>IComparisonOperators</c>: crossgen2 cannot inline a constrained generic
    /// call, which left this per-candidate routine to the JIT (at tier 0) on the first call of a process.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Insert(Span<float> keys, Span<int> indices, int count, float key, int index)
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
