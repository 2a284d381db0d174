using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>
/// What one sampler did to a data set: its real rows, the synthetic rows it appended and the class counts before
/// and after, read through ML.NET (the resampled view holds the input rows unchanged and in order, then the synthetic rows).
/// </summary>
public sealed class ResamplingSnapshot
{
    private ResamplingSnapshot(float[][] realFeatures, bool[] realLabels, float[][] syntheticFeatures, bool[] syntheticLabels)
    {
        RealFeatures = realFeatures;
        RealLabels = realLabels;
        SyntheticFeatures = syntheticFeatures;
        SyntheticLabels = syntheticLabels;
    }

    /// <summary>The input rows' feature vectors, in order.</summary>
    public IReadOnlyList<float[]> RealFeatures { get; }

    /// <summary>The input rows' labels.</summary>
    public IReadOnlyList<bool> RealLabels { get; }

    /// <summary>The synthetic rows' feature vectors (none without a sampler).</summary>
    public IReadOnlyList<float[]> SyntheticFeatures { get; }

    /// <summary>The synthetic rows' labels.</summary>
    public IReadOnlyList<bool> SyntheticLabels { get; }

    /// <summary>Rows labelled <c>false</c> and <c>true</c> before resampling.</summary>
    public (int False, int True) CountsBefore => (RealLabels.Count(l => !l), RealLabels.Count(l => l));

    /// <summary>Rows labelled <c>false</c> and <c>true</c> after resampling.</summary>
    public (int False, int True) CountsAfter =>
        (CountsBefore.False + SyntheticLabels.Count(l => !l), CountsBefore.True + SyntheticLabels.Count(l => l));

    /// <summary>
    /// Fits <paramref name="sampler"/> on <paramref name="data"/> and records the real and synthetic rows; with no
    /// sampler, the data as it is. The label column is Boolean and the feature column a vector of <c>Single</c>.
    /// </summary>
    public static ResamplingSnapshot Capture(IDataView data, OversamplingEstimator? sampler, string labelColumnName = "Label", string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(data);
        bool[] realLabels = data.GetColumn<bool>(labelColumnName).ToArray();
        float[][] realFeatures = data.GetColumn<float[]>(featureColumnName).ToArray();
        if (sampler is null)
        {
            return new ResamplingSnapshot(realFeatures, realLabels, [], []);
        }

        IDataView resampled = sampler.Fit(data).Transform(data);
        bool[] allLabels = resampled.GetColumn<bool>(labelColumnName).ToArray();
        float[][] allFeatures = resampled.GetColumn<float[]>(featureColumnName).ToArray();
        return new ResamplingSnapshot(realFeatures, realLabels, allFeatures[realLabels.Length..], allLabels[realLabels.Length..]);
    }
}
