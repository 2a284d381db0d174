namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// Labelled data ready for a pipeline: <see cref="Data"/> has the ML.NET label column <c>Label</c> (Boolean or key)
/// and the raw feature columns, and the <see cref="Featurize"/> steps build the <c>Features</c> vector from them (the
/// first steps of every pipeline, so a saved model takes the feature columns by name).
/// </summary>
/// <param name="Name">The dataset's name in reports.</param>
/// <param name="Data">The rows.</param>
/// <param name="Featurize">The steps feature columns → <c>Features</c> (a list, not a chain: see <see cref="Training.PipelineFactory"/>).</param>
/// <param name="Classes">The label values.</param>
/// <param name="FeatureNames">The features, in <c>Features</c> slot order.</param>
/// <param name="ModelInput">The schema of the columns a fitted pipeline reads (saved with the model).</param>
/// <param name="LabelAndFeatures">When the steps only concatenate numeric columns: the same rows as <c>Label</c> and a
/// ready <c>Features</c> vector (what <see cref="Featurized"/> returns, without ML.NET's per-row concatenation), built on first use.</param>
internal sealed record TrainingData(
    string Name,
    IDataView Data,
    IReadOnlyList<IEstimator<ITransformer>> Featurize,
    LabelClasses Classes,
    IReadOnlyList<string> FeatureNames,
    DataViewSchema ModelInput,
    Lazy<IDataView>? LabelAndFeatures = null)
{
    /// <summary>The ML.NET label column's name.</summary>
    public const string LabelColumn = "Label";

    /// <summary>The feature vector's name.</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>
    /// Fits the featurizing steps on <see cref="Data"/> and returns the rows as <c>Label</c> and <c>Features</c> only:
    /// with no other column, a sampler has nothing to copy into its synthetic rows, so it skips finding their base rows
    /// (a nearest-neighbour search of every synthetic row, which costs more than SMOTE itself).
    /// </summary>
    public IDataView Featurized(MLContext ml) =>
        LabelAndFeatures?.Value ?? Training.PipelineFactory.Flat([.. Featurize, ml.Transforms.SelectColumns(LabelColumn, FeaturesColumn)]).Fit(Data).Transform(Data);

    /// <summary>Whether the label has more than two values.</summary>
    public bool IsMulticlass => !Classes.IsBinary;
}
