namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>
/// Per-feature min–max scaling to [0, 1], fitted on training rows. A constant feature keeps its offset and a scale
/// of 1, so it maps to 0 and back exactly.
/// </summary>
public sealed class MinMaxScaler
{
    private readonly float[] _minimum;
    private readonly float[] _range;

    /// <summary>Creates a scaler from learned minima and ranges (for loading saved models).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or a value is not finite or a range not positive.</exception>
    public MinMaxScaler(float[] minimum, float[] range)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(range);
        if (minimum.Length != range.Length)
        {
            throw new ArgumentException($"The scaler has {minimum.Length} minima but {range.Length} ranges.", nameof(range));
        }

        for (int j = 0; j < range.Length; j++)
        {
            if (!float.IsFinite(minimum[j]) || !(range[j] > 0 && float.IsFinite(range[j])))
            {
                throw new ArgumentException($"Feature {j} has minimum {minimum[j]} and range {range[j]}; both must be finite and the range positive.", nameof(range));
            }
        }

        _minimum = minimum;
        _range = range;
    }

    /// <summary>Fits the scaler on every row of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data has no rows.</exception>
    public static MinMaxScaler Fit(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows == 0)
        {
            throw new ArgumentException("Cannot fit a min–max scaler on data without rows.", nameof(data));
        }

        int d = data.Columns;
        var minimum = data.Row(0).ToArray();
        var maximum = data.Row(0).ToArray();
        for (int i = 1; i < data.Rows; i++)
        {
            ReadOnlySpan<float> row = data.Row(i);
            for (int j = 0; j < d; j++)
            {
                minimum[j] = Math.Min(minimum[j], row[j]);
                maximum[j] = Math.Max(maximum[j], row[j]);
            }
        }

        var range = new float[d];
        for (int j = 0; j < d; j++)
        {
            float r = maximum[j] - minimum[j];
            range[j] = r > 0 && float.IsFinite(r) ? r : 1f;
        }

        return new MinMaxScaler(minimum, range);
    }

    /// <summary>Number of features.</summary>
    public int FeatureCount => _minimum.Length;

    /// <summary>The learned minimum of each feature.</summary>
    public ReadOnlySpan<float> Minimum => _minimum;

    /// <summary>The learned range (maximum − minimum, or 1 for a constant feature) of each feature.</summary>
    public ReadOnlySpan<float> Range => _range;

    /// <summary>Returns the rows scaled to the training range: <c>(x − min) / range</c>.</summary>
    public DenseMatrix Transform(DenseMatrix data)
    {
        RequireWidth(data);
        var result = data.Clone();
        for (int i = 0; i < result.Rows; i++)
        {
            Span<float> row = result.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = (row[j] - _minimum[j]) / _range[j];
            }
        }

        return result;
    }

    /// <summary>Maps scaled rows back to the original units, in place: <c>x · range + min</c>.</summary>
    public void InverseTransformInPlace(DenseMatrix scaled)
    {
        RequireWidth(scaled);
        for (int i = 0; i < scaled.Rows; i++)
        {
            Span<float> row = scaled.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = (row[j] * _range[j]) + _minimum[j];
            }
        }
    }

    private void RequireWidth(DenseMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != _minimum.Length)
        {
            throw new ArgumentException($"The scaler was fitted on {_minimum.Length} features but the data has {data.Columns}.", nameof(data));
        }
    }
}
