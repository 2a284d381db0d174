using Microsoft.ML.Oversampling.AutoSmote;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>
/// AutoSMOTE's hand-written chain rule (the synthetic rows' gradient through the chosen candidates and the
/// straight-through Gumbel-Softmax to the criterion logits and the learned interpolation's u) against LibTorch's
/// autograd of the same sample written as tensor operations: <c>s = Σ_k Σ_a k[k]·a[a]·c_{k,a}</c> with
/// <c>k = hard + soft − stop(soft)</c> per head and <c>c_{k,learned} = x + u_k·(partner_k − x)</c>.
/// </summary>
public sealed class AutoSmoteChainRuleTests
{
    [Theory]
    [InlineData(AutoSmoteNeighborCriterion.Count)]
    [InlineData(AutoSmoteNeighborCriterion.Rank)]
    public void HandWrittenBackward_MatchesAutogradOfTheTensorFormulation(AutoSmoteNeighborCriterion criterion)
    {
        const int samples = 40, d = 3, kMax = 4;
        const double temperature = 0.8;
        AutoSmoteAggregation[] aggregations = [AutoSmoteAggregation.Interpolate, AutoSmoteAggregation.Mean, AutoSmoteAggregation.Maximum, AutoSmoteAggregation.Minimum, AutoSmoteAggregation.LearnedInterpolate];
        int aCount = aggregations.Length, width = 2 + kMax + aCount;
        var random = new DeterministicRandom(21);
        var features = new DenseMatrix(30, d, [.. Enumerable.Range(0, 30 * d).Select(_ => (float)random.NextGaussian())]);
        SeedTable table = SeedTable.Build(features, [new GrownClass(0, [.. Enumerable.Range(0, 30)])], 1, kMax, null);
        SyntheticDraws draws = SyntheticDraws.Draw(samples, r => r.NextInt(table.Count), kMax, criterion, random);

        // Hot logits so that every option is chosen by some sample; u in (0, 1); an upstream gradient G on the rows.
        float[] logits = [.. Enumerable.Range(0, samples * width).Select(_ => (float)(0.3 * random.NextGaussian()))];
        float[] noise = GumbelSoftmax.Noise(samples, width, random);
        float[] mix = [.. Enumerable.Range(0, samples * kMax).Select(_ => (float)random.NextDouble())];
        float[] upstream = [.. Enumerable.Range(0, samples * d).Select(_ => (float)random.NextGaussian())];
        GumbelSoftmax choices = GumbelSoftmax.Sample(logits, noise, temperature, [2, kMax, aCount]);
        int[] neighbor = [.. Enumerable.Range(0, samples).Select(i => choices.Choice(i, 1))];
        int[] aggregation = [.. Enumerable.Range(0, samples).Select(i => choices.Choice(i, 2))];
        Assert.Equal(aCount, aggregation.Distinct().Count());

        var block = new CandidateBlock();
        SyntheticCandidates.Compute(block, features, table, draws, 0, samples, neighbor, aggregation, aggregations, criterion, frozen: false);
        var rows = new float[samples * d];
        SyntheticCandidates.Synthesize(block, mix, rows);
        var neighborGradient = new double[samples * kMax];
        var aggregationGradient = new double[samples * aCount];
        var mixGradient = new float[samples * kMax];
        SyntheticCandidates.Backpropagate(block, mix, upstream, neighborGradient, aggregationGradient, mixGradient);
        var choiceGradient = new double[samples * width];
        for (int i = 0; i < samples; i++)
        {
            neighborGradient.AsSpan(i * kMax, kMax).CopyTo(choiceGradient.AsSpan((i * width) + 2));
            aggregationGradient.AsSpan(i * aCount, aCount).CopyTo(choiceGradient.AsSpan((i * width) + 2 + kMax));
        }

        var logitGradient = new double[samples * width];
        choices.Backward(choiceGradient, logitGradient);

        using var scope = NewDisposeScope();
        Tensor l = tensor(logits).view(samples, width).requires_grad_(true);
        Tensor u = tensor(mix).view(samples, kMax).requires_grad_(true);
        Tensor scaled = l.add(tensor(noise).view(samples, width)).div(temperature);
        Tensor k = StraightThrough(scaled.narrow(1, 2, kMax));
        Tensor a = StraightThrough(scaled.narrow(1, 2 + kMax, aCount));
        Tensor fixedCandidates = tensor(AllCandidates(features, table, draws, aggregations, criterion, kMax)).view(samples, kMax, aCount, d);
        Tensor offsets = tensor(block.Offsets.ToArray()).view(samples, kMax, 1, d);
        Tensor slot = tensor(aggregations.Select(g => g == AutoSmoteAggregation.LearnedInterpolate ? 1f : 0f).ToArray()).view(1, 1, aCount, 1);
        Tensor candidates = fixedCandidates.add(u.view(samples, kMax, 1, 1).mul(offsets).mul(slot));
        Tensor s = k.view(samples, kMax, 1, 1).mul(a.view(samples, 1, aCount, 1)).mul(candidates).sum([1L, 2L]);
        s.mul(tensor(upstream).view(samples, d)).sum().backward();

        float[] reference = s.detach().data<float>().ToArray();
        for (int j = 0; j < rows.Length; j++)
        {
            Assert.True(Math.Abs(rows[j] - reference[j]) <= 1e-6, $"row value {j}: {rows[j]} vs {reference[j]}");
        }

        AssertClose(l.grad!.data<float>().ToArray(), logitGradient.Select(g => (float)g).ToArray(), "logit");
        AssertClose(u.grad!.data<float>().ToArray(), mixGradient, "u");
        Assert.Contains(mixGradient, g => g != 0);
    }

    /// <summary>Every fixed candidate c_{k,a} (samples × K_max × |𝒜| × d), read from blocks built with each k forced.</summary>
    private static float[] AllCandidates(DenseMatrix features, SeedTable table, SyntheticDraws draws, AutoSmoteAggregation[] aggregations, AutoSmoteNeighborCriterion criterion, int kMax)
    {
        int samples = draws.Seeds.Length, d = features.Columns, aCount = aggregations.Length;
        var all = new float[samples * kMax * aCount * d];
        var block = new CandidateBlock();
        for (int k = 0; k < kMax; k++)
        {
            SyntheticCandidates.Compute(block, features, table, draws, 0, samples, [.. Enumerable.Repeat(k, samples)], new int[samples], aggregations, criterion, frozen: false);
            for (int i = 0; i < samples; i++)
            {
                for (int a = 0; a < aCount; a++)
                {
                    block.WithChosenNeighbor(i, a).CopyTo(all.AsSpan((((i * kMax) + k) * aCount + a) * d, d));
                }
            }
        }

        return all;
    }

    private static Tensor StraightThrough(Tensor scaled)
    {
        Tensor soft = scaled.softmax(1);
        Tensor hard = nn.functional.one_hot(soft.argmax(1), soft.shape[1]).to_type(ScalarType.Float32);
        return hard.add(soft.sub(soft.detach()));
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        // Float32 sums of a few dozen products of unit-scale values: a few ulps of the largest term.
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(Math.Abs(expected[j] - actual[j]) <= 1e-5 * scale, $"{what} gradient {j}: {actual[j]} vs autograd {expected[j]}");
        }
    }
}
