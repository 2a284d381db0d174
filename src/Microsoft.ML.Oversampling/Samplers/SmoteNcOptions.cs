namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="SmoteNc"/>.</summary>
public sealed class SmoteNcOptions : NeighborOversamplerOptions
{
    /// <summary>Number of same-class nearest neighbours (imbalanced-learn's <c>k_neighbors</c>). Default 5.</summary>
    public int KNeighbors { get; set; } = 5;

    /// <summary>
    /// Indices (from 0) of the categorical features. Together with <see cref="CategoricalFeatureNames"/> at least one
    /// feature must be categorical, and at least one must stay continuous. A categorical feature's values are
    /// category codes compared for equality only.
    /// </summary>
    public IReadOnlyList<int> CategoricalFeatures { get; set; } = [];

    /// <summary>
    /// Names of categorical features, resolved against <see cref="FeatureNames"/> (exact, case-sensitive match) and
    /// added to <see cref="CategoricalFeatures"/>. Default empty.
    /// </summary>
    public IReadOnlyList<string> CategoricalFeatureNames { get; set; } = [];

    /// <summary>
    /// The name of each feature, in column order (for example the slot names of an ML.NET <c>Features</c> vector),
    /// against which <see cref="CategoricalFeatureNames"/> is resolved. Required when that list is not empty; when set,
    /// the data must have exactly this many features. Default <c>null</c>.
    /// </summary>
    /// <remarks>
    /// Names are resolved when the sampler is created if this is set then, otherwise at its first resampling, so an
    /// adapter that learns the names later (an ML.NET estimator reading the slot names of its <c>Features</c> column at
    /// fit time) can set this on the options it was given before fitting.
    /// </remarks>
    public IReadOnlyList<string>? FeatureNames { get; set; }

    /// <summary>
    /// The categorical feature indices these options describe: <see cref="CategoricalFeatures"/> together with the
    /// positions of <see cref="CategoricalFeatureNames"/> in <see cref="FeatureNames"/>, ascending and distinct.
    /// </summary>
    /// <exception cref="OptionException">An index is negative or repeated, a name is unknown (the message lists the
    /// known names), names are given without <see cref="FeatureNames"/>, or no feature is categorical.</exception>
    public IReadOnlyList<int> ResolveCategoricalFeatures() => CategoricalFeatureResolver.Resolve(this);
}
