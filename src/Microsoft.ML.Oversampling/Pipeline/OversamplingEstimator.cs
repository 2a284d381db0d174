using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// A sampler as a pipeline step. <see cref="Fit"/> rebalances the training data (imbalanced-learn's
/// <c>fit_resample</c>); in a chain the rebalanced rows feed the next estimators, and at scoring the step is the
/// identity. Create one from <c>context.Transforms.Oversampling</c>.
/// </summary>
public sealed class OversamplingEstimator : IEstimator<OversamplingTransformer>
{
    internal OversamplingEstimator(Oversampler sampler, int seed)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        Sampler = sampler;
        Seed = seed;
    }

    /// <summary>The sampling algorithm.</summary>
    public Oversampler Sampler { get; }

    /// <summary>The seed used when fitting: the options' seed, or the one drawn from the context when this estimator was created.</summary>
    public int Seed { get; }

    /// <summary>
    /// Rebalances <paramref name="input"/>. Rows keep every column: the original rows come first, unchanged and in
    /// order; synthetic rows get generated features, their class label, and missing values (NaN, false, 0,
    /// empty text) in any other column.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The feature or label column is missing or of the wrong type.</exception>
    /// <exception cref="ArgumentException">The data does not suit the sampler (see <see cref="Oversampler.FitResample"/>).</exception>
    public OversamplingTransformer Fit(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        OversamplerOptions options = Sampler.Options;
        input.Schema.Require("feature", options.FeatureColumnName, t => t.Kind == ColumnKind.Vector, "a vector of Single");
        int[] classes = LabelColumns.ReadClasses(input, options.LabelColumnName);
        DenseMatrix features = input.GetFeatureMatrix(options.FeatureColumnName);

        ResampleResult result = Sampler.FitResample(features, classes, Seed);
        int synthetic = result.SyntheticRowCount;
        var syntheticRows = new DenseMatrix(synthetic, features.Columns,
            result.Features.Values.AsSpan(features.Values.Length).ToArray());

        var columns = input.Columns.Select(column =>
            column.Name == options.FeatureColumnName ? ((VectorColumn)column).AppendRows(syntheticRows)
            : column.Name == options.LabelColumnName ? LabelColumns.FromClasses(column, [.. result.Labels])
            : column.Append(column.CreateMissing(synthetic)));
        return new OversamplingTransformer(Sampler, Seed, new DataView(columns), result.CountsBefore, result.CountsAfter, result.Generator);
    }
}
