using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// The straight-through ("hard") Gumbel-Softmax of Jang et al. (2017) over the criterion network's heads, computed in
/// C#: for each row's logits ℓ, Gumbel noise g and temperature τ, each head's soft sample is
/// <c>y = softmax((ℓ + g)/τ)</c>, its forward value is <c>one_hot(argmax y)</c> exactly, and its backward pass is that
/// of y, <c>∂/∂ℓ_j = y_j·(G_j − Σ_m y_m·G_m)/τ</c> for a gradient G on the one-hot.
/// </summary>
/// <remarks>The logits are a handful of rows (one per cohort, or per sample), so doing this on the CPU in C# replaces
/// some twenty LibTorch operations per step, each a few microseconds of dispatch, with a few hundred flops. The noise is
/// drawn from the fit's <see cref="DeterministicRandom"/>, so a seed gives the same choices on every device.</remarks>
internal sealed class GumbelSoftmax
{
    private readonly int[] _heads;
    private readonly int _width;
    private readonly double _temperature;
    private readonly double[] _soft;
    private readonly int[] _chosen;

    private GumbelSoftmax(int rows, int[] heads, double temperature)
    {
        _heads = heads;
        _width = heads.Sum();
        _temperature = temperature;
        Rows = rows;
        _soft = new double[rows * _width];
        _chosen = new int[rows * heads.Length];
    }

    /// <summary>Rows sampled.</summary>
    public int Rows { get; }

    /// <summary>Standard Gumbel noise <c>−log(−log U)</c>, U uniform in (0, 1) (never 0 or 1), rows × options, row-major.</summary>
    public static float[] Noise(int rows, int options, DeterministicRandom random)
    {
        var values = new float[rows * options];
        for (int i = 0; i < values.Length; i++)
        {
            double u = ((random.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));
            values[i] = (float)-Math.Log(-Math.Log(u));
        }

        return values;
    }

    /// <summary>The hard samples of rows × Σ heads <paramref name="logits"/> perturbed by <paramref name="noise"/> (same
    /// shape) at temperature τ; each row's heads lie side by side, <paramref name="heads"/> giving their widths.</summary>
    public static GumbelSoftmax Sample(ReadOnlySpan<float> logits, ReadOnlySpan<float> noise, double temperature, int[] heads)
    {
        int width = heads.Sum();
        if (logits.Length % width != 0 || noise.Length != logits.Length)
        {
            throw new ArgumentException($"{logits.Length} logits and {noise.Length} noise values do not make rows of {width}.", nameof(logits));
        }

        var sample = new GumbelSoftmax(logits.Length / width, heads, temperature);
        var perturbed = new float[width];
        for (int r = 0; r < sample.Rows; r++)
        {
            for (int j = 0; j < width; j++)
            {
                perturbed[j] = logits[(r * width) + j] + noise[(r * width) + j];
            }

            sample.Choose(r, perturbed);
        }

        return sample;
    }

    /// <summary>Each head's plain argmax (the first on ties), as the standalone sampler reads the criteria: no noise, τ = 1.</summary>
    public static GumbelSoftmax Argmax(ReadOnlySpan<float> logits, int[] heads) => Sample(logits, new float[logits.Length], 1.0, heads);

    /// <summary>The option head <paramref name="head"/> of row <paramref name="row"/> chose (0-based within the head).</summary>
    public int Choice(int row, int head) => _chosen[(row * _heads.Length) + head];

    /// <summary>The straight-through gradient on the logits (rows × Σ heads) of a gradient
    /// <paramref name="choiceGradient"/> (same shape) on the one-hot outputs.</summary>
    public void Backward(ReadOnlySpan<double> choiceGradient, Span<double> logitGradient)
    {
        for (int r = 0; r < Rows; r++)
        {
            for (int head = 0, offset = r * _width; head < _heads.Length; offset += _heads[head++])
            {
                double mean = 0;
                for (int j = 0; j < _heads[head]; j++)
                {
                    mean += _soft[offset + j] * choiceGradient[offset + j];
                }

                for (int j = 0; j < _heads[head]; j++)
                {
                    logitGradient[offset + j] = _soft[offset + j] * (choiceGradient[offset + j] - mean) / _temperature;
                }
            }
        }
    }

    private void Choose(int row, float[] perturbed)
    {
        for (int head = 0, offset = 0; head < _heads.Length; offset += _heads[head++])
        {
            int size = _heads[head], best = 0;
            for (int j = 1; j < size; j++)
            {
                if (perturbed[offset + j] > perturbed[offset + best])
                {
                    best = j;
                }
            }

            // softmax((ℓ + g)/τ), shifted by the maximum for range.
            Span<double> soft = _soft.AsSpan((row * _width) + offset, size);
            double total = 0;
            for (int j = 0; j < size; j++)
            {
                soft[j] = Math.Exp((perturbed[offset + j] - (double)perturbed[offset + best]) / _temperature);
                total += soft[j];
            }

            for (int j = 0; j < size; j++)
            {
                soft[j] /= total;
            }

            _chosen[(row * _heads.Length) + head] = best;
        }
    }
}
