using System.Numerics.Tensors;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>The running mean, maximum and minimum of a seed and its first k neighbours, the count reading's
/// aggregations, updated one neighbour at a time (the sum in double).</summary>
internal sealed class NeighborhoodSummary
{
    private readonly double[] _sum;
    private int _rows;

    public NeighborhoodSummary(int features)
    {
        _sum = new double[features];
        Maximum = new float[features];
        Minimum = new float[features];
    }

    /// <summary>The coordinate-wise maximum so far.</summary>
    public float[] Maximum { get; }

    /// <summary>The coordinate-wise minimum so far.</summary>
    public float[] Minimum { get; }

    /// <summary>Starts from the seed alone.</summary>
    public void Start(ReadOnlySpan<float> seed)
    {
        seed.CopyTo(Maximum);
        seed.CopyTo(Minimum);
        for (int c = 0; c < seed.Length; c++)
        {
            _sum[c] = seed[c];
        }

        _rows = 1;
    }

    /// <summary>Adds the next neighbour.</summary>
    public void Add(ReadOnlySpan<float> neighbor)
    {
        for (int c = 0; c < neighbor.Length; c++)
        {
            _sum[c] += neighbor[c];
        }

        // Branch-free vector max/min (Math.Max's semantics); scalar Math.Max mispredicts on data like this.
        TensorPrimitives.Max(Maximum, neighbor, Maximum);
        TensorPrimitives.Min(Minimum, neighbor, Minimum);
        _rows++;
    }

    /// <summary>The mean of the rows so far.</summary>
    public void Mean(Span<float> destination)
    {
        for (int c = 0; c < destination.Length; c++)
        {
            destination[c] = (float)(_sum[c] / _rows);
        }
    }
}
