namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// MAMix (papers.md §4.5, the imbalanced-DL code exactly): with η = n^(−ω) and m = η_a/(η_a + η_p), μ is piecewise
/// linear in λ through (0, 1), (m, ½) and (1, 0): <c>1 − λ/(2m)</c> below m, <c>(1 − λ)/(2(1 − m))</c> above, ½ at m (the
/// code raises there; probability 0). For n_a = n_p, m = ½ and μ = 1 − λ, Mixup.
/// </summary>
internal sealed class MarginAwareMixupRule(double omega) : MixingRule
{
    /// <summary>The 50/50 point m of a pair: the fraction of the way from the anchor to the partner.</summary>
    public double Boundary(int anchorCount, int partnerCount)
    {
        double anchor = Math.Pow(anchorCount, -omega), partner = Math.Pow(partnerCount, -omega);
        return anchor / (anchor + partner);
    }

    /// <inheritdoc />
    public override double AnchorLabelWeight(double lambda, int anchorCount, int partnerCount)
    {
        double m = Boundary(anchorCount, partnerCount);
        if (lambda < m)
        {
            return 1 - (lambda / (2 * m));
        }

        return lambda > m ? (1 - lambda) / (2 * (1 - m)) : 0.5;
    }
}
