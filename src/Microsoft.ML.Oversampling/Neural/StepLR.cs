namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>stepSize</c> epochs (PyTorch's <c>StepLR</c>).</summary>
public sealed class StepLR : LearningRateScheduler
{
    /// <summary>Creates the schedule.</summary>
    public StepLR(Optimizer optimizer, int stepSize, float gamma = 0.1f)
        : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        ArgumentOutOfRangeException.ThrowIfNegative(gamma);
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>The decay factor.</summary>
    public float Gamma { get; }

    /// <inheritdoc/>
    protected override float RateAt(int epoch) => Optimizer.InitialLearningRate * MathF.Pow(Gamma, epoch / StepSize);
}
