namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// The label weight μ on the anchor's class of a mixed pair, given λ, the input weight on the partner (papers.md
/// §4.11 item 4), and the training counts of the two classes: what tells Mixup, Remix and MAMix apart (§4.2).
/// </summary>
internal abstract class MixingRule
{
    /// <summary>μ for a pair with partner weight <paramref name="lambda"/> and class counts <paramref name="anchorCount"/>, <paramref name="partnerCount"/>.</summary>
    public abstract double AnchorLabelWeight(double lambda, int anchorCount, int partnerCount);
}
