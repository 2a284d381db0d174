namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Batch normalisation over the rows of an [N, C] input (TorchSharp's <c>nn.BatchNorm1d</c>): in training it
/// normalises with the batch's mean and (biased) variance and updates running estimates (unbiased variance, as in
/// PyTorch); in evaluation it uses the running estimates.
/// </summary>
public sealed class BatchNorm1d : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="features">C, the number of columns.</param>
    /// <param name="epsilon">Added to the variance for stability.</param>
    /// <param name="momentum">Weight of the current batch in the running estimates.</param>
    public BatchNorm1d(int features, float epsilon = 1e-5f, float momentum = 0.1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        Epsilon = epsilon;
        Momentum = momentum;
        Weight = RegisterParameter("weight", Tensor.Full(1f, features));
        Bias = RegisterParameter("bias", Tensor.Zeros(features));
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(features));
        RunningVariance = RegisterBuffer("running_var", Tensor.Full(1f, features));
    }

    /// <summary>The number of columns.</summary>
    public int Features { get; }

    /// <summary>Added to the variance for stability.</summary>
    public float Epsilon { get; }

    /// <summary>Weight of the current batch in the running estimates.</summary>
    public float Momentum { get; }

    /// <summary>The scale γ, shape [C].</summary>
    public Tensor Weight { get; }

    /// <summary>The shift β, shape [C].</summary>
    public Tensor Bias { get; }

    /// <summary>The running mean, shape [C].</summary>
    public Tensor RunningMean { get; }

    /// <summary>The running (unbiased) variance, shape [C].</summary>
    public Tensor RunningVariance { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Dim(1) != Features)
        {
            throw new ArgumentException($"BatchNorm1d({Features}) needs input of shape [N, {Features}], but got {Tensor.FormatShape(input.ShapeView)}.", nameof(input));
        }

        Tensor normalized;
        if (Training)
        {
            int n = input.Dim(0);
            if (n < 2)
            {
                throw new ArgumentException("BatchNorm1d needs at least 2 rows per batch in training mode.", nameof(input));
            }

            var mean = Functional.Mean(input, 0);
            var centered = input - mean;
            var variance = Functional.Mean(centered * centered, 0);
            normalized = centered / Functional.Sqrt(variance + Epsilon);
            UpdateRunning(RunningMean.Data, mean.Data, 1f);
            UpdateRunning(RunningVariance.Data, variance.Data, n / (n - 1f));
        }
        else
        {
            normalized = (input - RunningMean) / Functional.Sqrt(RunningVariance + Epsilon);
        }

        return (normalized * Weight) + Bias;
    }

    private void UpdateRunning(Span<float> running, ReadOnlySpan<float> batch, float correction)
    {
        for (int i = 0; i < running.Length; i++)
        {
            running[i] = ((1f - Momentum) * running[i]) + (Momentum * correction * batch[i]);
        }
    }
}
