namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// Remix (Chou et al. 2020; papers.md §4.6), with the code's anchor weight λ_R = 1 − λ: μ = 0 when n_a/n_p ≥ κ and
/// λ_R &lt; τ (a majority anchor mixed mostly toward a minority partner: all minority label); μ = 1 when n_a/n_p ≤ 1/κ and
/// 1 − λ_R &lt; τ; μ = λ_R otherwise.
/// </summary>
internal sealed class RemixRule(double kappa, double tau) : MixingRule
{
    /// <inheritdoc />
    public override double AnchorLabelWeight(double lambda, int anchorCount, int partnerCount)
    {
        double anchorInput = 1 - lambda;
        double ratio = anchorCount / (double)partnerCount;
        if (ratio >= kappa && anchorInput < tau)
        {
            return 0;
        }

        if (ratio <= 1 / kappa && 1 - anchorInput < tau)
        {
            return 1;
        }

        return anchorInput;
    }
}
