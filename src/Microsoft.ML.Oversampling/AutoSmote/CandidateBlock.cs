namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// A block of samples' candidate synthetic rows, in buffers reused from batch to batch. With each sample's choices k* and
/// a* known, the forward and backward passes read only the candidates that share one of them: <c>c_{k,a*}</c> for every
/// k-NN option k and <c>c_{k*,a}</c> for every aggregation a, K_max + |𝒜| of the K_max·|𝒜|. When 𝒜 has the learned
/// interpolation, the block also holds each sample's and option's direction <c>partner − x</c> and the mixing network's
/// input <c>[x; partner]</c>.
/// </summary>
internal sealed class CandidateBlock
{
    private float[] _values = [], _offsets = [], _mixerInputs = [];

    /// <summary>Samples.</summary>
    public int Count { get; private set; }

    /// <summary>k-NN options built (K_max, or 1 when frozen).</summary>
    public int Options { get; private set; }

    /// <summary>|𝒜|.</summary>
    public int Aggregations { get; private set; }

    /// <summary>d.</summary>
    public int Features { get; private set; }

    /// <summary>The learned interpolation's position in 𝒜, or −1.</summary>
    public int LearnedIndex { get; private set; } = -1;

    /// <summary>Whether 𝒜 has the learned interpolation.</summary>
    public bool Learned => LearnedIndex >= 0;

    /// <summary>Each sample's k-NN choice k* (0-based option).</summary>
    public int[] Neighbor { get; private set; } = [];

    /// <summary>Each sample's aggregation choice a*.</summary>
    public int[] Aggregation { get; private set; } = [];

    /// <summary>Samples × options × d: <c>partner − x</c> (learned interpolation only).</summary>
    public Span<float> Offsets => _offsets.AsSpan(0, Learned ? Count * Options * Features : 0);

    /// <summary>(Samples · options) × 2d: <c>[x; partner]</c>, the mixing network's input (learned interpolation only).</summary>
    public Span<float> MixerInputs => _mixerInputs.AsSpan(0, Learned ? Count * Options * 2 * Features : 0);

    /// <summary>The fixed value of <c>c_{k,a*}</c> of a sample (d values); a learned interpolation's holds the seed x,
    /// its value at u = 0.</summary>
    public Span<float> WithChosenAggregation(int sample, int option) =>
        _values.AsSpan(((sample * (Options + Aggregations)) + option) * Features, Features);

    /// <summary>The fixed value of <c>c_{k*,a}</c> of a sample (d values).</summary>
    public Span<float> WithChosenNeighbor(int sample, int aggregation) =>
        _values.AsSpan(((sample * (Options + Aggregations)) + Options + aggregation) * Features, Features);

    /// <summary>One direction <c>partner − x</c> of a sample (d values).</summary>
    public Span<float> Offset(int sample, int option) => _offsets.AsSpan(((sample * Options) + option) * Features, Features);

    /// <summary>Sizes the block for a batch with its choices, growing its buffers only when needed.</summary>
    public void Reset(int count, int options, int aggregations, int features, int learnedIndex, int[] neighbor, int[] aggregation)
    {
        (Count, Options, Aggregations, Features, LearnedIndex) = (count, options, aggregations, features, learnedIndex);
        (Neighbor, Aggregation) = (neighbor, aggregation);
        Grow(ref _values, count * (options + aggregations) * features);
        if (learnedIndex >= 0)
        {
            Grow(ref _offsets, count * options * features);
            Grow(ref _mixerInputs, count * options * 2 * features);
        }
    }

    private static void Grow(ref float[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new float[length];
        }
    }
}
