using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.DataViews;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// An oversampler as an ML.NET estimator. <see cref="Fit"/> reads the label and feature columns, generates the
/// synthetic rows, and returns an <see cref="OversamplingTransformer"/> that hands the rebalanced data to the next
/// step of the chain being fitted and is the identity everywhere else (scoring, <c>PredictionEngine</c>, test folds).
/// Create it from <c>mlContext.Transforms.Oversampling</c>.
/// </summary>
/// <remarks>
/// <para>Input: a <see cref="BooleanDataViewType"/> label (two classes; <c>true</c> is class 1) or a key-typed label
/// (several classes), and a known-size vector of <see cref="float"/> features with finite values. The column names
/// come from <see cref="OversamplerOptions.LabelColumnName"/> and <see cref="OversamplerOptions.FeatureColumnName"/>.</para>
/// <para>Output: the input's schema and rows, unchanged and in order, followed by the synthetic rows. A synthetic
/// row has its generated features and label; every other column is copied from its base row, the nearest original
/// row of its class.</para>
/// <para>Seed: <see cref="OversamplerOptions.Seed"/>; with <c>null</c> each <see cref="Fit"/> draws a new seed (not
/// reproducible, like imbalanced-learn's <c>random_state=None</c>) and reports it in
/// <see cref="OversamplingTransformer.Seed"/>. A third-party component cannot read the <c>MLContext</c>'s seed.</para>
/// </remarks>
public sealed class OversamplingEstimator : IEstimator<OversamplingTransformer>
{
    /// <summary>Wraps <paramref name="sampler"/>; its options give the columns and the seed.</summary>
    public OversamplingEstimator(Oversampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        Sampler = sampler;
    }

    /// <summary>The sampling algorithm.</summary>
    public Oversampler Sampler { get; }

    private OversamplerOptions Options => Sampler.Options;

    /// <summary>Checks that the label and feature columns exist with the right types; the schema passes through unchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or mistyped (ML.NET's wording).</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        TrainingColumns.Check(inputSchema, Options.LabelColumnName, Options.FeatureColumnName);
        return inputSchema;
    }

    /// <summary>Resamples <paramref name="input"/>: imbalanced-learn's <c>fit_resample</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or mistyped.</exception>
    /// <exception cref="ArgumentException">The data is empty, has non-finite features or a single class, or does not fit
    /// the sampling strategy or the sampler's parameters.</exception>
    public OversamplingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        TrainingColumns columns = TrainingColumns.Resolve(input.Schema, Options.LabelColumnName, Options.FeatureColumnName);
        var (features, labels) = TrainingDataReader.Read(input, columns);
        int seed = Options.Seed ?? Random.Shared.Next();
        SyntheticSamples synthetic = Sampler.ForFeatures(columns.SlotNames).FitGenerate(features, labels, seed);

        var otherColumns = input.Schema.Where(c => c.Index != columns.Label.Index && c.Index != columns.Features.Index).ToArray();
        // Base rows are needed only by a getter of another column (see ResampledDataView), which a trainer never asks
        // for, and finding them is a nearest-neighbour search of every synthetic row (for SMOTE it costs more than the
        // sampling). So it waits for that getter and then reads the input's features again: no second copy of the
        // original rows outlives Fit.
        Func<BaseRowValues?> copied = otherColumns.Length > 0 && synthetic.Count > 0
            ? () =>
            {
                var (original, originalLabels) = TrainingDataReader.Read(input, columns);
                return BaseRowValues.Capture(input, otherColumns, BaseRows.Find(original, originalLabels, synthetic.Features, synthetic.Labels));
            }
            : () => null;
        var resampled = new ResampledDataView(input, columns, features.Rows, synthetic.Features, [.. synthetic.Labels], copied);
        SyntheticDataGenerator? generator = synthetic.Generator?.WithColumns(new GeneratorColumns(columns.AnnotatedSlotNames, columns.Codec.ClassNames(columns.Label)));
        return new OversamplingTransformer(Sampler, seed, input, resampled, synthetic, generator);
    }
}
