using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Random oversampling: draws rows of the class uniformly with replacement, optionally perturbed by Gaussian
/// noise (a smoothed bootstrap, see <see cref="RandomOverSamplerOptions.Shrinkage"/>).
/// </summary>
public sealed class RandomOverSampler : Oversampler
{
    /// <summary>Creates the sampler.</summary>
    public RandomOverSampler(RandomOverSamplerOptions? options = null)
        : base(options ?? new RandomOverSamplerOptions())
    {
        if (Shrinkage is double s)
        {
            OptionChecks.NonNegative(s, nameof(RandomOverSamplerOptions.Shrinkage));
        }
    }

    /// <inheritdoc />
    public override string Name => "random";

    private double? Shrinkage => ((RandomOverSamplerOptions)Options).Shrinkage;

    /// <inheritdoc />
    protected override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        ReadOnlySpan<int> rows = problem.RowsOf(label);
        int d = problem.FeatureCount;
        var drawn = new int[count];
        for (int i = 0; i < count; i++)
        {
            drawn[i] = rows[random.NextInt(rows.Length)];
        }

        DenseMatrix result = problem.Features.SelectRows(drawn);
        if (Shrinkage is not double shrinkage)
        {
            return result;
        }

        double bandwidth = Math.Pow(4.0 / ((d + 2.0) * problem.Features.Rows), 1.0 / (d + 4.0));
        IReadOnlyList<double> std = ColumnStatistics.Compute(problem.Features, rows).StandardDeviation;
        for (int i = 0; i < count; i++)
        {
            Span<float> row = result.Row(i);
            for (int j = 0; j < d; j++)
            {
                row[j] = (float)(row[j] + (random.NextGaussian() * shrinkage * bandwidth * std[j]));
            }
        }

        return result;
    }
}
