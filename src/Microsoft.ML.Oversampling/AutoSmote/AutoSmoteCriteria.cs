using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// The trained criteria of an AutoSMOTE fit, enough to generate without the classifier: the options they were trained
/// with, which classes they grow, the criterion network's and learned interpolation's weights (none when frozen), and
/// the cohort centroids (cohort variant).
/// </summary>
/// <param name="Options">The fit's options (a copy).</param>
/// <param name="FeatureCount">d.</param>
/// <param name="Binary">Whether the classifier was binary (labels 0/1) or multiclass (key labels, class c is key c + 1).</param>
/// <param name="GrownClasses">The 0-based classes grown, ascending; their position is the criterion input's class one-hot.</param>
/// <param name="Network">The criterion network's layers, or <c>null</c> when frozen.</param>
/// <param name="Mixer">The learned interpolation's layer, or <c>null</c> without one.</param>
/// <param name="Centroids">The cohort centroids of each grown class, or <c>null</c> for the self variant.</param>
internal sealed record AutoSmoteCriteria(
    AutoSmoteOptions Options, int FeatureCount, bool Binary, int[] GrownClasses, DenseLayer[]? Network, DenseLayer[]? Mixer,
    IReadOnlyList<DenseMatrix>? Centroids)
{
    /// <summary>The 0-based class of an oversampler label (Boolean false/true are 0/1, a key k is class k − 1).</summary>
    public int ClassOf(int label) => Binary ? label : label - 1;

    /// <summary>The oversampler label of a 0-based class.</summary>
    public int LabelOf(int cls) => Binary ? cls : cls + 1;
}
