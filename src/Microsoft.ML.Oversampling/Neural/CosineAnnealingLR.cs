namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Cosine annealing from the initial rate to <c>minimum</c> over <c>period</c> epochs (PyTorch's
/// <c>CosineAnnealingLR</c>, closed form): <c>η = ηmin + (η0 − ηmin)(1 + cos(π·t/T))/2</c>.
/// </summary>
public sealed class CosineAnnealingLR : LearningRateScheduler
{
    /// <summary>Creates the schedule.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int period, float minimum = 0f)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        Period = period;
        Minimum = minimum;
    }

    /// <summary>T, the half-period in epochs.</summary>
    public int Period { get; }

    /// <summary>ηmin, the lowest rate.</summary>
    public float Minimum { get; }

    /// <inheritdoc/>
    protected override float RateAt(int epoch) =>
        Minimum + ((Optimizer.InitialLearningRate - Minimum) * (1f + MathF.Cos(MathF.PI * epoch / Period)) / 2f);
}
