namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="RandomOverSampler"/>.</summary>
public sealed class RandomOverSamplerOptions : OversamplerOptions
{
    /// <summary>
    /// Shrinkage of the smoothed bootstrap. Default <c>null</c>: a plain bootstrap (exact copies of existing rows).
    /// With a value <c>s ≥ 0</c>, each copy is perturbed by Gaussian noise with per-feature standard deviation
    /// <c>s · h · std_class</c>, where <c>h = (4 / ((d + 2) · n))^(1 / (d + 4))</c>, <c>d</c> the feature count and
    /// <c>n</c> the number of rows of the whole data (imbalanced-learn's ROSE-style smoothed bootstrap).
    /// </summary>
    public double? Shrinkage { get; set; }
}
