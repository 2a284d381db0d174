using Microsoft.ML.Oversampling.Samplers;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// Mixup, Remix and MAMix (papers.md §4.4–§4.6): each row b of the batch is mixed with row π(b) of a random permutation,
/// <c>x̃_b = (1 − λ)·x_b + λ·x_{π(b)}</c>, λ ~ Beta(α, α) drawn once per batch (or once per row), and its target is
/// <c>μ_b·w_a·e_a + (1 − μ_b)·w_p·e_p</c> with μ from the <see cref="MixingRule"/> and the epoch's DRW weights w. The
/// draws (λ first, then the permutation) come from the fit's seeded stream.
/// </summary>
internal sealed class PairMixingHook(MixingRule rule, double alpha, bool perSample, DeferredReweighting? reweighting) : ITrainingBatchHook
{
    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
    {
        int rows = (int)inputs.shape[0];
        long[] anchors = WeightedTargets.Classes(labels);
        var lambda = new double[rows];
        if (perSample)
        {
            for (int b = 0; b < rows; b++)
            {
                lambda[b] = BetaDistribution.Sample(batch.Random, alpha, alpha);
            }
        }
        else
        {
            Array.Fill(lambda, BetaDistribution.Sample(batch.Random, alpha, alpha));
        }

        var permutation = new int[rows];
        for (int b = 0; b < rows; b++)
        {
            permutation[b] = b;
        }

        batch.Random.Shuffle(permutation.AsSpan());
        var partners = new long[rows];
        var mu = new double[rows];
        for (int b = 0; b < rows; b++)
        {
            partners[b] = anchors[permutation[b]];
            mu[b] = rule.AnchorLabelWeight(lambda[b], batch.ClassCounts[(int)anchors[b]], batch.ClassCounts[(int)partners[b]]);
        }

        using Tensor order = tensor(permutation.Select(i => (long)i).ToArray(), device: inputs.device);
        using Tensor partnerInputs = inputs.index_select(0, order);
        Tensor mixed;
        if (perSample)
        {
            using Tensor weights = tensor(lambda.Select(l => (float)l).ToArray(), [rows, 1], device: inputs.device);
            mixed = inputs.lerp(partnerInputs, weights);
        }
        else
        {
            using Tensor weight = tensor((float)lambda[0], device: inputs.device);
            mixed = inputs.lerp(partnerInputs, weight);
        }

        return (mixed, WeightedTargets.Build(batch.ClassCounts.Count, anchors, partners, mu, reweighting?.WeightsAt(batch.Epoch), inputs.device));
    }
}
