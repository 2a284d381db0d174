namespace Microsoft.ML.Oversampling.Evaluation;

/// <summary>A metric over cross-validation folds: each fold's value, the mean and the sample standard deviation.</summary>
public sealed class MetricStatistics
{
    /// <summary>Summarises the values.</summary>
    public MetricStatistics(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.ToArray();
        if (Values.Count == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(values));
        }

        Mean = Values.Average();
        StandardDeviation = Values.Count > 1 ? Math.Sqrt(Values.Sum(v => (v - Mean) * (v - Mean)) / (Values.Count - 1)) : 0;
    }

    /// <summary>The per-fold values, in fold order.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The sample standard deviation (divisor n − 1; 0 for a single value).</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Mean:F4} ± {StandardDeviation:F4}";
}
