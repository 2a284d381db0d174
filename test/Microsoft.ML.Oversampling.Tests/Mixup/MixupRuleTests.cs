using Microsoft.ML.Oversampling.Classifiers;

namespace Microsoft.ML.Oversampling.Tests.Mixup;

/// <summary>The label rules of Mixup, Remix and MAMix (papers.md §4.4–§4.6), λ = the partner's input weight.</summary>
public sealed class MixupRuleTests
{
    private static readonly double[] Lambdas = [0, 0.01, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 0.99, 1];

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(500)]
    [InlineData(5000)]
    public void MarginAwareMixup_ReducesToMixup_ForEqualCounts(int count)
    {
        var rule = new MarginAwareMixupRule(0.25);
        Assert.Equal(0.5, rule.Boundary(count, count));
        foreach (double lambda in Lambdas)
        {
            Assert.Equal(MixupRule.Instance.AnchorLabelWeight(lambda, count, count), rule.AnchorLabelWeight(lambda, count, count), 1e-15);
        }
    }

    [Theory]
    // §4.5's worked values: n_anchor, n_partner, m, μ at λ = 0.1, 0.25, 0.5, 0.75, 0.9.
    [InlineData(5000, 50, 0.2403, 0.792, 0.494, 0.329, 0.165, 0.066)]
    [InlineData(50, 5000, 0.7597, 0.934, 0.835, 0.671, 0.506, 0.208)]
    [InlineData(500, 500, 0.5000, 0.900, 0.750, 0.500, 0.250, 0.100)]
    [InlineData(5000, 2997, 0.4681, 0.893, 0.733, 0.470, 0.235, 0.094)]
    public void MarginAwareMixup_GivesTheWorkedValuesOfThePapersSpec(int anchor, int partner, double m, double at01, double at025, double at05, double at075, double at09)
    {
        var rule = new MarginAwareMixupRule(0.25);
        Assert.Equal(m, rule.Boundary(anchor, partner), 4);
        double[] expected = [at01, at025, at05, at075, at09];
        double[] lambdas = [0.1, 0.25, 0.5, 0.75, 0.9];
        for (int i = 0; i < lambdas.Length; i++)
        {
            Assert.Equal(expected[i], rule.AnchorLabelWeight(lambdas[i], anchor, partner), 3);
        }
    }

    [Theory]
    [InlineData(5000, 50)]
    [InlineData(60, 6000)]
    [InlineData(3, 7)]
    public void MarginAwareMixup_IsMonotone_FromOneToZero_WithHalfAtTheBoundary(int anchor, int partner)
    {
        var rule = new MarginAwareMixupRule(0.25);
        double m = rule.Boundary(anchor, partner);
        Assert.Equal(1, rule.AnchorLabelWeight(0, anchor, partner));
        Assert.Equal(0, rule.AnchorLabelWeight(1, anchor, partner));
        Assert.Equal(0.5, rule.AnchorLabelWeight(m, anchor, partner));
        double previous = 1;
        for (int i = 1; i <= 1000; i++)
        {
            double mu = rule.AnchorLabelWeight(i / 1000.0, anchor, partner);
            Assert.True(mu <= previous + 1e-15, $"μ rose at λ = {i / 1000.0}");
            previous = mu;
        }
    }

    [Theory]
    // κ = 3, τ = 0.5; λ is the partner's weight, so the code's anchor weight is 1 − λ.
    [InlineData(3000, 100, 0.6, 0.0)] // majority anchor, mostly minority input: all minority label
    [InlineData(3000, 100, 0.4, 0.6)] // majority anchor, mostly its own input: Mixup's label
    [InlineData(100, 3000, 0.4, 1.0)] // minority anchor, mostly its own input: all minority label
    [InlineData(100, 3000, 0.6, 0.4)]
    [InlineData(200, 100, 0.6, 0.4)] // ratio 2 < κ: Mixup
    [InlineData(300, 100, 0.6, 0.0)] // ratio exactly κ counts
    public void Remix_PushesTheLabelToTheMinorityOfAnImbalancedPair(int anchor, int partner, double lambda, double mu)
    {
        Assert.Equal(mu, new RemixRule(3, 0.5).AnchorLabelWeight(lambda, anchor, partner), 12);
    }
}
