using Microsoft.ML.Trainers;
using Microsoft.ML.Oversampling.AutoSmote;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// AutoSMOTE (Kishanthan &amp; Hevapathige 2025, reconstructed in papers.md §3.3): the deep MLP classifier trained
/// jointly with learned oversampling criteria (participation, k-NN, aggregation, chosen by a small MLP with
/// straight-through Gumbel-Softmax, per row or per k-means cohort). Create it with
/// <c>mlContext.BinaryClassification.Trainers.AutoSmote(…)</c> or the multiclass catalog's. The fitted transformer
/// scores with the classifier alone and saves like <see cref="DeepMlpTrainer"/>'s; the criteria can then oversample
/// for other trainers (<see cref="AutoSmoteModel.ToSampler"/>).
/// </summary>
/// <remarks>Not Zha et al.'s AutoSMOTE (CIKM 2022, hierarchical reinforcement learning), a different method with the
/// same name (papers.md §3.1).</remarks>
public sealed class AutoSmoteTrainer : ITrainerEstimator<AutoSmoteTransformer, AutoSmoteModel>
{
    private readonly AutoSmoteOptions _options;
    private readonly bool _binary;

    internal AutoSmoteTrainer(AutoSmoteOptions options, bool binary)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        _binary = binary;
    }

    /// <summary>A copy of the trainer's options.</summary>
    public AutoSmoteOptions Options => _options.Clone();

    /// <summary>That of the deep classifier (normalised features, no caching).</summary>
    public TrainerInfo Info => Classifier(null).Info;

    /// <summary>Trains the classifier and the criteria on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type (the message is ML.NET's).</exception>
    /// <exception cref="ArgumentException">No rows, a non-finite feature value (row and slot named), fewer than two
    /// classes, or a class to grow with at most <see cref="AutoSmoteOptions.MaxNeighbors"/> rows.</exception>
    public AutoSmoteTransformer Fit(IDataView input)
    {
        using var hook = new AutoSmoteHook(_options);
        DeepMlpTransformer classifier = Classifier(hook).Fit(input);
        return new AutoSmoteTransformer(classifier, new AutoSmoteModel(classifier.Model, hook.Export(_binary)));
    }

    /// <summary>The deep classifier's output schema (<c>Score</c>, <c>Probability</c> for binary, <c>PredictedLabel</c>).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => Classifier(null).GetOutputSchema(inputSchema);

    private DeepMlpTrainer Classifier(AutoSmoteHook? hook) => new(_options.Classifier, _binary, hook);
}
