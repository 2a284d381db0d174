using System.Numerics.Tensors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// papers.md §3.3's synthetic sample: every candidate aggregate <c>c_{k,a}(x)</c> for the k-NN options and the
/// aggregations 𝒜, then <c>s = Σ_k Σ_a k[k]·a[a]·c_{k,a}</c> with the one-hot choices, which in the forward pass is
/// exactly one candidate and in the backward pass carries the straight-through gradient to the choices,
/// <c>∂s/∂k[k] = c_{k,a*}</c> and <c>∂s/∂a[a] = c_{k*,a}</c>.
/// </summary>
/// <remarks>All of it runs here in C#, forward and backward: on TorchSharp's CPU backend each tensor operation costs
/// microseconds of dispatch, and the batched product of one-hot weights with all candidates took some forty operations
/// a step with their backward nodes. Only the learned interpolation's weight u = σ(m([x; partner])) is a network (see
/// <see cref="AutoSmoteHook"/>); its candidate is <c>x + u·(partner − x)</c>.</remarks>
internal static class SyntheticCandidates
{
    /// <summary>Fills <paramref name="block"/> with the candidates that samples <paramref name="start"/> … +
    /// <paramref name="count"/> of <paramref name="draws"/> need, given their choices k* and a*.</summary>
    /// <param name="block">The block to fill (its buffers are reused).</param>
    /// <param name="features">The rows the table indexes.</param>
    /// <param name="table">The seeds and their neighbours.</param>
    /// <param name="draws">The batch's draws.</param>
    /// <param name="start">The first sample.</param>
    /// <param name="count">How many samples.</param>
    /// <param name="neighbor">Each of the <paramref name="count"/> samples' k-NN option k* (0-based; 0 when frozen).</param>
    /// <param name="aggregation">Each sample's aggregation a* (its position in <paramref name="aggregations"/>).</param>
    /// <param name="aggregations">𝒜, in order.</param>
    /// <param name="criterion">The k-NN criterion's reading.</param>
    /// <param name="frozen">Only the option k = K_max is built (the frozen criteria's).</param>
    public static void Compute(
        CandidateBlock block, DenseMatrix features, SeedTable table, SyntheticDraws draws, int start, int count,
        int[] neighbor, int[] aggregation, IReadOnlyList<AutoSmoteAggregation> aggregations, AutoSmoteNeighborCriterion criterion, bool frozen)
    {
        int d = features.Columns, kMax = table.Neighbors.Length / Math.Max(1, table.Count);
        AutoSmoteAggregation[] kinds = [.. aggregations];
        int options = frozen ? 1 : kMax, aCount = kinds.Length;
        bool byCount = criterion == AutoSmoteNeighborCriterion.Count;
        block.Reset(count, options, aCount, d, Array.IndexOf(kinds, AutoSmoteAggregation.LearnedInterpolate), neighbor, aggregation);
        Span<float> mixerInputs = block.MixerInputs;
        var running = new NeighborhoodSummary(d);
        for (int i = 0; i < count; i++)
        {
            int sample = start + i, seed = draws.Seeds[sample];
            ReadOnlySpan<float> x = features.Row(table.Rows[seed]);
            ReadOnlySpan<int> neighbors = table.Neighbors.AsSpan(seed * kMax, kMax);
            running.Start(x);
            float u = draws.Mix[sample];

            // The count reading's summaries are read at the chosen k (the aggregations' candidates) and, when a* is a
            // summary, at every k (the k-NN options' candidates).
            int chosenK = frozen ? kMax : neighbor[i] + 1;
            int summarised = !byCount ? 0 : IsSummary(kinds[aggregation[i]]) ? kMax : chosenK;
            for (int k = 1; k <= kMax; k++)
            {
                if (k <= summarised)
                {
                    running.Add(features.Row(neighbors[k - 1]));
                }

                if (frozen && k < kMax)
                {
                    continue;
                }

                int option = frozen ? 0 : k - 1, at = (i * options) + option;
                ReadOnlySpan<float> partner = features.Row(neighbors[(int)draws.Partners[(sample * kMax) + k - 1]]);
                if (block.Learned)
                {
                    // u_k is read for every k when a* is the learned interpolation, else only at k*; the other rows of
                    // the mixing network's input are zeros whose outputs nothing reads.
                    Span<float> mixerInput = mixerInputs.Slice(2 * at * d, 2 * d);
                    if (option == neighbor[i] || aggregation[i] == block.LearnedIndex)
                    {
                        x.CopyTo(mixerInput);
                        partner.CopyTo(mixerInput[d..]);
                        Span<float> toPartner = block.Offset(i, option);
                        for (int c = 0; c < d; c++)
                        {
                            toPartner[c] = partner[c] - x[c];
                        }
                    }
                    else
                    {
                        mixerInput.Clear();
                    }
                }

                Write(kinds[aggregation[i]], x, partner, u, byCount, running, block.WithChosenAggregation(i, option));
                if (option == neighbor[i])
                {
                    for (int a = 0; a < aCount; a++)
                    {
                        Write(kinds[a], x, partner, u, byCount, running, block.WithChosenNeighbor(i, a));
                    }
                }
            }
        }
    }

    private static bool IsSummary(AutoSmoteAggregation kind) =>
        kind is AutoSmoteAggregation.Mean or AutoSmoteAggregation.Maximum or AutoSmoteAggregation.Minimum;

    /// <summary>One fixed candidate: the aggregation <paramref name="kind"/> of the seed x with its partner (which
    /// neighbour reading) or with the running summary of its first k neighbours (count reading); the learned
    /// interpolation's is x, its value at u = 0.</summary>
    private static void Write(
        AutoSmoteAggregation kind, ReadOnlySpan<float> x, ReadOnlySpan<float> partner, float u, bool byCount, NeighborhoodSummary running, Span<float> candidate)
    {
        int d = candidate.Length;
        switch (kind)
        {
            case AutoSmoteAggregation.Interpolate:
                for (int c = 0; c < d; c++)
                {
                    candidate[c] = x[c] + (u * (partner[c] - x[c]));
                }

                break;
            case AutoSmoteAggregation.Mean when byCount:
                running.Mean(candidate);
                break;
            case AutoSmoteAggregation.Mean:
                for (int c = 0; c < d; c++)
                {
                    candidate[c] = (float)((x[c] + (double)partner[c]) / 2);
                }

                break;
            case AutoSmoteAggregation.Maximum when byCount:
                running.Maximum.CopyTo(candidate);
                break;
            case AutoSmoteAggregation.Maximum:
                TensorPrimitives.Max(x, partner, candidate);
                break;
            case AutoSmoteAggregation.Minimum when byCount:
                running.Minimum.CopyTo(candidate);
                break;
            case AutoSmoteAggregation.Minimum:
                TensorPrimitives.Min(x, partner, candidate);
                break;
            default:
                x.CopyTo(candidate);
                break;
        }
    }

    /// <summary>The forward pass: each sample's chosen candidate <c>c_{k*,a*}</c> into <paramref name="output"/>
    /// (samples × d), with u (samples × options) the learned interpolation's weights (empty without it).</summary>
    public static void Synthesize(CandidateBlock block, ReadOnlySpan<float> u, Span<float> output)
    {
        int d = block.Features;
        for (int i = 0; i < block.Count; i++)
        {
            Candidate(block, i, block.Neighbor[i], block.Aggregation[i], u, block.WithChosenNeighbor(i, block.Aggregation[i]), output.Slice(i * d, d));
        }
    }

    /// <summary>
    /// The backward pass of <see cref="Synthesize"/> for a gradient <paramref name="rows"/> (samples × d) on its output:
    /// on each sample's one-hot k-NN choice <c>⟨∂s, c_{k,a*}⟩</c> (samples × options, into
    /// <paramref name="neighborGradient"/>), on its aggregation choice <c>⟨∂s, c_{k*,a}⟩</c> (samples × |𝒜|, into
    /// <paramref name="aggregationGradient"/>), and on u, <c>⟨∂s, partner − x⟩</c> where the learned interpolation was
    /// chosen, else 0 (samples × options, into <paramref name="mixGradient"/>).
    /// </summary>
    public static void Backpropagate(
        CandidateBlock block, ReadOnlySpan<float> u, ReadOnlySpan<float> rows, Span<double> neighborGradient, Span<double> aggregationGradient, Span<float> mixGradient)
    {
        int d = block.Features, options = block.Options, aCount = block.Aggregations;
        mixGradient.Clear();
        for (int i = 0; i < block.Count; i++)
        {
            ReadOnlySpan<float> gradient = rows.Slice(i * d, d);
            int chosenNeighbor = block.Neighbor[i], chosenAggregation = block.Aggregation[i];
            for (int k = 0; k < options; k++)
            {
                neighborGradient[(i * options) + k] = CandidateDot(block, i, k, chosenAggregation, u, block.WithChosenAggregation(i, k), gradient);
            }

            for (int a = 0; a < aCount; a++)
            {
                aggregationGradient[(i * aCount) + a] = CandidateDot(block, i, chosenNeighbor, a, u, block.WithChosenNeighbor(i, a), gradient);
            }

            if (chosenAggregation == block.LearnedIndex)
            {
                mixGradient[(i * options) + chosenNeighbor] = (float)Dot(gradient, block.Offset(i, chosenNeighbor));
            }
        }
    }

    /// <summary>Candidate <c>c_{k,a}</c> of sample i from its fixed value: itself, or for the learned interpolation
    /// x + u·(partner − x).</summary>
    private static void Candidate(CandidateBlock block, int sample, int option, int aggregation, ReadOnlySpan<float> u, ReadOnlySpan<float> fixedValue, Span<float> destination)
    {
        if (aggregation != block.LearnedIndex)
        {
            fixedValue.CopyTo(destination);
            return;
        }

        float weight = u[(sample * block.Options) + option];
        Span<float> offset = block.Offset(sample, option);
        for (int c = 0; c < destination.Length; c++)
        {
            destination[c] = fixedValue[c] + (weight * offset[c]);
        }
    }

    /// <summary>⟨∂s, c_{k,a}⟩ without building c: ⟨∂s, fixed⟩, plus u·⟨∂s, partner − x⟩ for the learned interpolation.</summary>
    private static double CandidateDot(CandidateBlock block, int sample, int option, int aggregation, ReadOnlySpan<float> u, ReadOnlySpan<float> fixedValue, ReadOnlySpan<float> gradient)
    {
        double dot = Dot(gradient, fixedValue);
        return aggregation == block.LearnedIndex ? dot + (u[(sample * block.Options) + option] * Dot(gradient, block.Offset(sample, option))) : dot;
    }

    /// <summary>⟨a, b⟩ in double, with four running sums (a fixed order, so the same bits every run).</summary>
    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int c = 0;
        for (; c + 4 <= a.Length; c += 4)
        {
            s0 += a[c] * (double)b[c];
            s1 += a[c + 1] * (double)b[c + 1];
            s2 += a[c + 2] * (double)b[c + 2];
            s3 += a[c + 3] * (double)b[c + 3];
        }

        for (; c < a.Length; c++)
        {
            s0 += a[c] * (double)b[c];
        }

        return (s0 + s1) + (s2 + s3);
    }
}
