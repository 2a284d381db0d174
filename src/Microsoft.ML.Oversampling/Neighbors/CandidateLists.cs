using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// One bounded candidate list per query of a block, holding the smallest single-precision screening keys seen
/// so far with their reference indices, sorted by key (equal keys in offering order), plus each list's entry
/// threshold for the kernel's vectorised pre-filter.
/// </summary>
/// <remarks>
/// With AVX-512 and at most 16 entries a list lives in one 512-bit vector of keys and one of indices, and an
/// insertion is a branch-free shift-and-blend on registers: no data-dependent loop, so the kernel's rare hits
/// cost a few cycles instead of a mispredicted scalar insertion each. Lanes past the capacity take whatever is
/// shifted out; they stay sorted after the kept entries and are never read. Other cases use
/// <see cref="BoundedSortedList"/>. Both keep exactly the same entries.
/// </remarks>
internal sealed class CandidateLists
{
    private const int VectorLanes = 16;

    private readonly float[] _keys;
    private readonly int[] _indices;
    private readonly int[] _counts;
    private readonly float[] _thresholds;
    private readonly bool _vector;
    private readonly int _stride;

    /// <summary>Creates the lists.</summary>
    /// <param name="lists">Number of lists.</param>
    /// <param name="capacity">Entries kept per list.</param>
    /// <param name="allowVector512">Whether the 512-bit insertion may be used (when the hardware has it).</param>
    public CandidateLists(int lists, int capacity, bool allowVector512)
    {
        Capacity = capacity;
        _vector = allowVector512 && Avx512F.IsSupported && capacity <= VectorLanes;
        _stride = _vector ? VectorLanes : capacity;
        _keys = new float[lists * _stride];
        _indices = new int[lists * _stride];
        _counts = new int[lists];
        _thresholds = new float[lists];
    }

    /// <summary>Entries kept per list.</summary>
    public int Capacity { get; }

    /// <summary>Per list, the key a new candidate must beat (strictly) to enter: +∞ until the list is full.</summary>
    public float[] Thresholds => _thresholds;

    /// <summary>Empties the first <paramref name="lists"/> lists.</summary>
    public void Reset(int lists)
    {
        Array.Clear(_counts, 0, lists);
        Array.Fill(_thresholds, float.PositiveInfinity, 0, lists);
        if (_vector)
        {
            // Empty lanes hold +∞ so that a list's vector is always sorted.
            Array.Fill(_keys, float.PositiveInfinity, 0, lists * _stride);
        }
    }

    /// <summary>Number of entries held by a list.</summary>
    public int Count(int list) => _counts[list];

    /// <summary>The reference indices held by a list, by ascending key.</summary>
    public Span<int> Indices(int list) => _indices.AsSpan(list * _stride, _counts[list]);

    /// <summary>The largest key held, or +∞ when the list is not full.</summary>
    public float Worst(int list) => _thresholds[list];

    /// <summary>Offers every entry of list <paramref name="list"/> of <paramref name="other"/> to the same list here.</summary>
    public void Merge(int list, CandidateLists other)
    {
        int start = list * _stride;
        int otherStart = list * other._stride;
        Span<float> keys = _keys.AsSpan(start, Capacity);
        Span<int> indices = _indices.AsSpan(start, Capacity);
        int count = _counts[list];
        for (int e = 0; e < other._counts[list]; e++)
        {
            count = BoundedSortedList.Insert(keys, indices, count, other._keys[otherStart + e], other._indices[otherStart + e]);
        }

        _counts[list] = count;
        if (count == Capacity)
        {
            _thresholds[list] = keys[count - 1];
        }
    }

    /// <summary>
    /// Offers the keys of one chunk of reference rows to a list: <paramref name="keys"/>[lane] belongs to row
    /// <paramref name="rowBase"/> + lane, and only lanes set in <paramref name="mask"/> (which passed the list's
    /// threshold as it was when the chunk started) are considered, in ascending order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(int list, ReadOnlySpan<float> keys, ulong mask, int rowBase)
    {
        if (_vector)
        {
            OfferVector(list, keys, mask, rowBase);
            return;
        }

        int start = list * _stride;
        Span<float> listKeys = _keys.AsSpan(start, Capacity);
        Span<int> listIndices = _indices.AsSpan(start, Capacity);
        int count = _counts[list];
        while (mask != 0)
        {
            int lane = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            count = BoundedSortedList.Insert(listKeys, listIndices, count, keys[lane], rowBase + lane);
        }

        _counts[list] = count;
        if (count == Capacity)
        {
            _thresholds[list] = listKeys[count - 1];
        }
    }

    /// <summary>
    /// The register version of <see cref="Offer"/>: each insertion shifts the lanes holding larger keys up by one
    /// and writes the new entry into the first of them. A key not below the list's worst only moves lanes past the
    /// capacity, so no comparison against the threshold is needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OfferVector(int list, ReadOnlySpan<float> keys, ulong mask, int rowBase)
    {
        int start = list * _stride;
        ref float keyBase = ref _keys[start];
        ref int indexBase = ref _indices[start];
        Vector512<float> listKeys = Vector512.LoadUnsafe(ref keyBase);
        Vector512<int> listIndices = Vector512.LoadUnsafe(ref indexBase);
        Vector512<int> shiftUp = Vector512.Create(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        Vector512<int> notFirst = Vector512.Create(0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
        int inserted = 0;
        while (mask != 0)
        {
            int lane = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            Vector512<float> key = Vector512.Create(keys[lane]);
            Vector512<float> shiftedKeys = Avx512F.PermuteVar16x32(listKeys, shiftUp);
            Vector512<int> shiftedIndices = Avx512F.PermuteVar16x32(listIndices, shiftUp);
            // Lanes at or after the insertion point, and lanes strictly after it (their left neighbour moved too).
            Vector512<float> moves = Vector512.GreaterThan(listKeys, key);
            Vector512<float> takesLeft = Vector512.GreaterThan(shiftedKeys, key) & notFirst.AsSingle();
            listKeys = Vector512.ConditionalSelect(moves, Vector512.ConditionalSelect(takesLeft, shiftedKeys, key), listKeys);
            listIndices = Vector512.ConditionalSelect(
                moves.AsInt32(), Vector512.ConditionalSelect(takesLeft.AsInt32(), shiftedIndices, Vector512.Create(rowBase + lane)), listIndices);
            inserted++;
        }

        listKeys.StoreUnsafe(ref keyBase);
        listIndices.StoreUnsafe(ref indexBase);
        // Until the list is full every offered key enters (the threshold is +∞), so the count is simply capped.
        int count = Math.Min(Capacity, _counts[list] + inserted);
        _counts[list] = count;
        if (count == Capacity)
        {
            _thresholds[list] = Unsafe.Add(ref keyBase, count - 1);
        }
    }
}
