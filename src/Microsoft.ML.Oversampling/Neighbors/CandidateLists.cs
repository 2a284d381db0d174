using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// One bounded candidate list per query of a block, holding the smallest single-precision screening keys seen
/// so far with their reference indices (see <see cref="BoundedSortedList"/>), plus each list's entry threshold
/// for the kernel's vectorised pre-filter.
/// </summary>
internal sealed class CandidateLists
{
    private readonly float[] _keys;
    private readonly int[] _indices;
    private readonly int[] _counts;
    private readonly float[] _thresholds;

    public CandidateLists(int lists, int capacity)
    {
        Capacity = capacity;
        _keys = new float[lists * capacity];
        _indices = new int[lists * capacity];
        _counts = new int[lists];
        _thresholds = new float[lists];
    }

    public int Capacity { get; }

    /// <summary>Per list, the key a new candidate must beat (strictly) to enter: +∞ until the list is full.</summary>
    public float[] Thresholds => _thresholds;

    public void Reset(int lists)
    {
        Array.Clear(_counts, 0, lists);
        Array.Fill(_thresholds, float.PositiveInfinity, 0, lists);
    }

    public int Count(int list) => _counts[list];

    public Span<int> Indices(int list) => _indices.AsSpan(list * Capacity, _counts[list]);

    /// <summary>The largest key held, or +∞ when the list is not full.</summary>
    public float Worst(int list) => _thresholds[list];

    /// <summary>Offers a candidate to one list (the kernel has already checked it beats the threshold).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(int list, float key, int index)
    {
        int start = list * Capacity;
        int count = BoundedSortedList.Insert(_keys.AsSpan(start, Capacity), _indices.AsSpan(start, Capacity), _counts[list], key, index);
        _counts[list] = count;
        if (count == Capacity)
        {
            _thresholds[list] = _keys[start + count - 1];
        }
    }
}
