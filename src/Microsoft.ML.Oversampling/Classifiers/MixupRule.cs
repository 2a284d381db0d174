namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>Mixup (papers.md §4.4): the label follows the input, μ = 1 − λ.</summary>
internal sealed class MixupRule : MixingRule
{
    /// <summary>The one instance (the rule has no parameters).</summary>
    public static readonly MixupRule Instance = new();

    /// <inheritdoc />
    public override double AnchorLabelWeight(double lambda, int anchorCount, int partnerCount) => 1 - lambda;
}
