namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>
/// One bounded, sorted candidate list per query of a block: the <c>capacity</c> smallest keys seen so far with
/// their reference indices. Equal keys keep the earlier-inserted (lower-index, since references are scanned in
/// ascending order) entry first, so the content never depends on anything but the scan order.
/// </summary>
internal sealed class CandidateLists
{
    private readonly double[] _keys;
    private readonly int[] _indices;
    private readonly int[] _counts;
    private readonly float[] _thresholds;

    public CandidateLists(int lists, int capacity)
    {
        Capacity = capacity;
        _keys = new double[lists * capacity];
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

    public Span<double> Keys(int list) => _keys.AsSpan(list * Capacity, _counts[list]);

    public Span<int> Indices(int list) => _indices.AsSpan(list * Capacity, _counts[list]);

    /// <summary>The largest key held, or +∞ when the list is not full.</summary>
    public double Worst(int list) => _counts[list] < Capacity ? double.PositiveInfinity : _keys[(list * Capacity) + Capacity - 1];

    /// <summary>Inserts (key, index) if it is among the smallest keys; ties go after existing equal keys.</summary>
    public void Insert(int list, double key, int index)
    {
        int start = list * Capacity;
        int count = _counts[list];
        if (count == Capacity && !(key < _keys[start + count - 1]))
        {
            return;
        }

        int position = count == Capacity ? count - 1 : count;
        while (position > 0 && _keys[start + position - 1] > key)
        {
            _keys[start + position] = _keys[start + position - 1];
            _indices[start + position] = _indices[start + position - 1];
            position--;
        }

        _keys[start + position] = key;
        _indices[start + position] = index;
        if (count < Capacity)
        {
            _counts[list] = ++count;
        }

        if (count == Capacity)
        {
            // The float threshold must never reject a key the double comparison would accept.
            double worst = _keys[start + Capacity - 1];
            float threshold = (float)worst;
            _thresholds[list] = threshold < worst ? MathF.BitIncrement(threshold) : threshold;
        }
    }
}
