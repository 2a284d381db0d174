using Microsoft.ML.Oversampling.Generators;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// papers.md §3.3's synthetic sample: every candidate aggregate <c>c_{k,a}(x)</c> for the K_max k-NN options and the
/// aggregations 𝒜, then <c>s = Σ_k Σ_a k[k]·a[a]·c_{k,a}</c> with the one-hot choices, which in the forward pass is
/// exactly one candidate and in the backward pass carries the straight-through gradient to the choice logits.
/// </summary>
internal static class SyntheticCandidates
{
    /// <summary>The candidates, samples × K_max × |𝒜| × d.</summary>
    /// <param name="seeds">Samples × d seed rows.</param>
    /// <param name="neighbors">Samples × K_max × d neighbour rows, nearest first.</param>
    /// <param name="partners">Samples × K_max (int64): option k's interpolation partner, a position in the neighbour list.</param>
    /// <param name="mix">Samples (float32): the interpolation weight u.</param>
    /// <param name="aggregations">𝒜, in order.</param>
    /// <param name="criterion">The k-NN criterion's reading.</param>
    /// <param name="mixer">The learned interpolation's network (2d → 1 logit), needed when 𝒜 has it.</param>
    public static Tensor Build(
        Tensor seeds, Tensor neighbors, Tensor partners, Tensor mix, IReadOnlyList<AutoSmoteAggregation> aggregations,
        AutoSmoteNeighborCriterion criterion, MultilayerPerceptron? mixer)
    {
        long s = neighbors.shape[0], k = neighbors.shape[1], d = neighbors.shape[2];
        Tensor x = seeds.unsqueeze(1).expand(s, k, d);
        Tensor partner = neighbors.gather(1, partners.unsqueeze(2).expand(s, k, d));
        var candidates = new List<Tensor>(aggregations.Count);
        foreach (AutoSmoteAggregation aggregation in aggregations)
        {
            candidates.Add(aggregation switch
            {
                AutoSmoteAggregation.Interpolate => Interpolate(x, partner, mix.view(s, 1, 1)),
                AutoSmoteAggregation.LearnedInterpolate => Interpolate(x, partner, LearnedMix(x, partner, mixer)),
                AutoSmoteAggregation.Mean => criterion == AutoSmoteNeighborCriterion.Count
                    ? neighbors.cumsum(1).add(x).div(arange(2, k + 2, ScalarType.Float32, neighbors.device).view(1, k, 1))
                    : partner.add(x).div(2),
                AutoSmoteAggregation.Maximum => (criterion == AutoSmoteNeighborCriterion.Count ? neighbors.cummax(1).values : partner).maximum(x),
                AutoSmoteAggregation.Minimum => (criterion == AutoSmoteNeighborCriterion.Count ? neighbors.cummin(1).values : partner).minimum(x),
                _ => throw new ArgumentOutOfRangeException(nameof(aggregations), aggregation, "Unknown aggregation."),
            });
        }

        return stack(candidates, 2);
    }

    /// <summary>The chosen candidate of each sample: <c>einsum("sk,sa,skad→sd")</c>.</summary>
    public static Tensor Select(Tensor candidates, Tensor neighborChoice, Tensor aggregationChoice) =>
        einsum("sk,sa,skad->sd", neighborChoice, aggregationChoice, candidates);

    private static Tensor Interpolate(Tensor x, Tensor partner, Tensor u) => partner.sub(x).mul(u).add(x);

    private static Tensor LearnedMix(Tensor x, Tensor partner, MultilayerPerceptron? mixer)
    {
        if (mixer is null)
        {
            throw new InvalidOperationException("The learned interpolation needs its mixing network.");
        }

        return mixer.forward(cat([x, partner], 2)).sigmoid();
    }
}
