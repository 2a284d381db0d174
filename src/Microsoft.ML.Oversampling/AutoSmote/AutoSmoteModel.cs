using Microsoft.ML.Oversampling.AutoSmote;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A trained AutoSMOTE fit: the deep MLP classifier (what the transformer scores and a saved zip holds) and the
/// trained criteria, usable on their own as an oversampler (<see cref="ToSampler"/>).
/// </summary>
public sealed class AutoSmoteModel
{
    internal AutoSmoteModel(DeepMlpModel classifier, AutoSmoteCriteria criteria)
    {
        Classifier = classifier;
        Criteria = criteria;
    }

    /// <summary>The trained classifier (its seed, losses and ONNX graph).</summary>
    public DeepMlpModel Classifier { get; }

    /// <summary>Whether decisions were per row or per cohort.</summary>
    public AutoSmoteVariant Variant => Criteria.Options.Variant;

    /// <summary>Whether the criteria were frozen at SMOTE-equivalent settings (<see cref="AutoSmoteOptions.FreezeCriteria"/>).</summary>
    public bool CriteriaFrozen => Criteria.Network is null;

    /// <summary>The cohorts of each grown class (cohort variant; empty for the self variant).</summary>
    public IReadOnlyList<int> CohortCounts => Criteria.Centroids?.Select(c => c.Rows).ToArray() ?? [];

    /// <summary>The trained criteria.</summary>
    internal AutoSmoteCriteria Criteria { get; }

    /// <summary>
    /// The trained criteria as an oversampler (argmax decisions, no Gumbel noise): wrap it in an ML.NET estimator with
    /// <c>mlContext.Transforms.Oversampling.Create(sampler)</c> to feed any trainer. Its columns default to the
    /// classifier's.
    /// </summary>
    /// <param name="options">Sampling strategy, seed and threads; <c>null</c>: balance every grown class, columns and
    /// seed of the fit.</param>
    public LearnedCriteriaOversampler ToSampler(LearnedCriteriaOversamplerOptions? options = null) =>
        new(Criteria, options ?? new LearnedCriteriaOversamplerOptions
        {
            LabelColumnName = Criteria.Options.Classifier.LabelColumnName,
            FeatureColumnName = Criteria.Options.Classifier.FeatureColumnName,
            Seed = Classifier.Seed,
            SamplingStrategy = SamplingStrategy.Auto,
        });
}
