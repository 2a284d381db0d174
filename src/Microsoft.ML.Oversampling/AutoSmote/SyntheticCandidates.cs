using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// papers.md §3.3's synthetic sample: every candidate aggregate <c>c_{k,a}(x)</c> for the k-NN options and the
/// aggregations 𝒜, then <c>s = Σ_k Σ_a k[k]·a[a]·c_{k,a}</c> with the one-hot choices, which in the forward pass is
/// exactly one candidate and in the backward pass carries the straight-through gradient to the choice logits.
/// </summary>
/// <remarks>The candidates that do not depend on trainable parameters (all but the learned interpolation) are computed
/// here in C#, a few thousand values per batch, and uploaded as one tensor: on TorchSharp's CPU backend each tensor
/// operation costs microseconds of overhead, which dominated the step when they were built with some thirty operations.
/// The learned interpolation <c>x + σ(m([x; partner]))·(partner − x)</c> runs in LibTorch, for its gradient.</remarks>
internal static class SyntheticCandidates
{
    /// <summary>The fixed candidates of samples <paramref name="start"/> … + <paramref name="count"/> of <paramref name="draws"/>.</summary>
    /// <param name="features">The rows the table indexes.</param>
    /// <param name="table">The seeds and their neighbours.</param>
    /// <param name="draws">The batch's draws.</param>
    /// <param name="start">The first sample.</param>
    /// <param name="count">How many samples.</param>
    /// <param name="aggregations">𝒜, in order (the learned interpolation's slot is left 0).</param>
    /// <param name="criterion">The k-NN criterion's reading.</param>
    /// <param name="frozen">Only the option k = K_max is built (the frozen criteria's).</param>
    public static CandidateBlock Compute(
        DenseMatrix features, SeedTable table, SyntheticDraws draws, int start, int count, IReadOnlyList<AutoSmoteAggregation> aggregations,
        AutoSmoteNeighborCriterion criterion, bool frozen)
    {
        int d = features.Columns, kMax = table.Neighbors.Length / Math.Max(1, table.Count), aCount = aggregations.Count;
        int options = frozen ? 1 : kMax;
        bool learned = aggregations.Contains(AutoSmoteAggregation.LearnedInterpolate);
        var values = new float[count * options * aCount * d];
        float[]? seeds = learned ? new float[count * d] : null;
        float[]? partners = learned ? new float[count * options * d] : null;
        var mean = new double[d];
        var max = new float[d];
        var min = new float[d];
        for (int i = 0; i < count; i++)
        {
            int sample = start + i, seed = draws.Seeds[sample];
            ReadOnlySpan<float> x = features.Row(table.Rows[seed]);
            ReadOnlySpan<int> neighbors = table.Neighbors.AsSpan(seed * kMax, kMax);
            if (seeds is not null)
            {
                x.CopyTo(seeds.AsSpan(i * d));
            }

            x.CopyTo(max);
            x.CopyTo(min);
            for (int c = 0; c < d; c++)
            {
                mean[c] = x[c];
            }

            float u = draws.Mix[sample];
            for (int k = 1; k <= kMax; k++)
            {
                ReadOnlySpan<float> nearest = features.Row(neighbors[k - 1]);
                if (criterion == AutoSmoteNeighborCriterion.Count)
                {
                    for (int c = 0; c < d; c++)
                    {
                        mean[c] += nearest[c];
                        max[c] = Math.Max(max[c], nearest[c]);
                        min[c] = Math.Min(min[c], nearest[c]);
                    }
                }

                if (frozen && k < kMax)
                {
                    continue;
                }

                int option = frozen ? 0 : k - 1;
                ReadOnlySpan<float> partner = features.Row(neighbors[(int)draws.Partners[(sample * kMax) + k - 1]]);
                if (partners is not null)
                {
                    partner.CopyTo(partners.AsSpan(((i * options) + option) * d));
                }

                for (int a = 0; a < aCount; a++)
                {
                    Span<float> candidate = values.AsSpan((((i * options) + option) * aCount + a) * d, d);
                    for (int c = 0; c < d; c++)
                    {
                        candidate[c] = aggregations[a] switch
                        {
                            AutoSmoteAggregation.Interpolate => x[c] + (u * (partner[c] - x[c])),
                            AutoSmoteAggregation.Mean => criterion == AutoSmoteNeighborCriterion.Count ? (float)(mean[c] / (k + 1)) : (float)((x[c] + (double)partner[c]) / 2),
                            AutoSmoteAggregation.Maximum => criterion == AutoSmoteNeighborCriterion.Count ? max[c] : Math.Max(x[c], partner[c]),
                            AutoSmoteAggregation.Minimum => criterion == AutoSmoteNeighborCriterion.Count ? min[c] : Math.Min(x[c], partner[c]),
                            _ => 0f,
                        };
                    }
                }
            }
        }

        return new CandidateBlock(count, options, aCount, d, values, seeds, partners, learned ? IndexOf(aggregations, AutoSmoteAggregation.LearnedInterpolate) : -1);
    }

    /// <summary>The chosen candidate of each sample, <c>Σ_k Σ_a k[k]·a[a]·c_{k,a}</c>: the fixed candidates as one batched
    /// product (samples × 1 × K|𝒜|)·(samples × K|𝒜| × d), plus the learned interpolation's (computed by <paramref name="mixer"/>).</summary>
    public static Tensor Select(CandidateBlock block, Tensor neighborChoice, Tensor aggregationChoice, MultilayerPerceptron? mixer, Device device)
    {
        long s = block.Count, options = block.Options * block.Aggregations, d = block.Features;
        Tensor candidates = TensorRows.Upload(block.Values, s * options, d, device).view(s, options, d);
        Tensor weights = neighborChoice.unsqueeze(2).mul(aggregationChoice.unsqueeze(1)).view(s, 1, options);
        Tensor chosen = weights.bmm(candidates).view(s, d);
        if (block.LearnedIndex < 0)
        {
            return chosen;
        }

        if (mixer is null)
        {
            throw new InvalidOperationException("The learned interpolation needs its mixing network.");
        }

        Tensor x = TensorRows.Upload(block.Seeds, s, d, device).unsqueeze(1).expand(s, block.Options, d);
        Tensor partner = TensorRows.Upload(block.Partners, s * block.Options, d, device).view(s, block.Options, d);
        Tensor u = mixer.forward(cat([x, partner], 2)).sigmoid();
        Tensor learned = partner.Minus(x).mul(u).Plus(x);
        Tensor perOption = learned.mul(neighborChoice.unsqueeze(2)).sum([1L]);
        return chosen.Plus(perOption.mul(aggregationChoice.narrow(1, block.LearnedIndex, 1)));
    }

    private static int IndexOf(IReadOnlyList<AutoSmoteAggregation> aggregations, AutoSmoteAggregation aggregation) =>
        aggregations.Select((a, i) => (a, i)).First(p => p.a == aggregation).i;
}
