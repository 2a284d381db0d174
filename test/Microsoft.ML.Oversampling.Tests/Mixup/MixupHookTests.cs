using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Mixup;

/// <summary>What the Mixup-family and SMOTE batch hooks hand the loss: mixed inputs and weighted targets.</summary>
public sealed class MixupHookTests
{
    private static readonly int[] Counts = [20, 4, 2];

    private static ClassRows Imbalanced()
    {
        var random = new DeterministicRandom(11);
        int n = Counts.Sum();
        var features = new DenseMatrix(n, 2);
        random.FillGaussian(features.Values);
        int[] classes = [.. Enumerable.Range(0, Counts.Length).SelectMany(c => Enumerable.Repeat(c, Counts[c]))];
        for (int i = 0; i < n; i++)
        {
            features.Values[2 * i] += 5 * classes[i];
        }

        return new ClassRows(features, classes);
    }

    private static (Tensor X, Tensor Y, Tensor OneHot) Batch(ClassRows rows)
    {
        Tensor x = tensor(rows.Features.Values, [rows.Features.Rows, 2]);
        Tensor y = tensor(rows.Classes.Select(c => (long)c).ToArray());
        return (x, y, nn.functional.one_hot(y, 3).to_type(ScalarType.Float32));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PairMixing_MixesWithAPermutation_AndWeightsTheTargetsByMu(bool perSample)
    {
        using var scope = NewDisposeScope();
        ClassRows rows = Imbalanced();
        var (x, y, oneHot) = Batch(rows);
        var rule = new MarginAwareMixupRule(0.25);
        var drw = new DeferredReweighting(Counts, 0.9999, switchEpoch: 1);
        var hook = new PairMixingHook(rule, 1, perSample, drw);
        var (mixed, targets) = hook.Prepare(x, y, oneHot, new TrainingBatch(1, 0, Counts, new DeterministicRandom(7)));

        // Replay the draws: λ (one, or one per row), then the permutation.
        int n = rows.Classes.Length;
        var replay = new DeterministicRandom(7);
        double[] lambda = perSample
            ? [.. Enumerable.Range(0, n).Select(_ => BetaDistribution.Sample(replay, 1, 1))]
            : Enumerable.Repeat(BetaDistribution.Sample(replay, 1, 1), n).ToArray();
        int[] permutation = [.. Enumerable.Range(0, n)];
        replay.Shuffle(permutation.AsSpan());
        float[] w = drw.WeightsAt(1)!;
        float[] m = mixed.data<float>().ToArray(), t = targets.data<float>().ToArray();
        Assert.Equal(perSample, lambda.Distinct().Count() > 1);
        for (int b = 0; b < n; b++)
        {
            int j = permutation[b], a = rows.Classes[b], p = rows.Classes[j];
            for (int f = 0; f < 2; f++)
            {
                double expected = ((1 - lambda[b]) * rows.Features[b, f]) + (lambda[b] * rows.Features[j, f]);
                Assert.Equal(expected, m[(2 * b) + f], 1e-5);
            }

            double mu = rule.AnchorLabelWeight(lambda[b], Counts[a], Counts[p]);
            var row = new double[3];
            row[a] += mu * w[a];
            row[p] += (1 - mu) * w[p];
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(row[c], t[(3 * b) + c], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SyntheticMinority_ReplacesRowsAtTheBalancingRate_WithPointsOnNeighbourSegments(bool soft)
    {
        ClassRows rows = Imbalanced();
        using var hook = new SyntheticMinorityHook(rows, 3, k: 5, soft, reweighting: null, CPU);
        int n = rows.Classes.Length, deficit = (20 - 4) + (20 - 2);
        Assert.Equal(deficit / (double)(n + deficit), hook.ReplacementProbability, 12);
        var random = new DeterministicRandom(3);
        int synthetic = 0, total = 0;
        var perClass = new double[3];
        for (int step = 0; step < 200; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y, oneHot) = Batch(rows);
            var (inputs, targets) = hook.Prepare(x, y, oneHot, new TrainingBatch(0, step, Counts, random));
            float[] m = inputs.data<float>().ToArray(), t = targets.data<float>().ToArray();
            Assert.Equal(n, (int)inputs.shape[0]);
            for (int b = 0; b < n; b++)
            {
                (double X, double Y) point = (m[2 * b], m[(2 * b) + 1]);
                double[] target = [t[3 * b], t[(3 * b) + 1], t[(3 * b) + 2]];
                Assert.Equal(1, target.Sum(), 1e-6);
                for (int c = 0; c < 3; c++)
                {
                    perClass[c] += target[c];
                }

                total++;
                if (Enumerable.Range(0, n).Any(i => rows.Features[i, 0] == point.X && rows.Features[i, 1] == point.Y && target[rows.Classes[i]] == 1))
                {
                    continue;
                }

                synthetic++;
                Assert.True(OnASegment(rows, point, target, soft), $"({point.X}, {point.Y}) with target [{string.Join(", ", target)}] is on no anchor–partner segment");
            }
        }

        // Replaced at rate q; SMOTE's target mass is balanced in expectation (1/3 per class). Soft SMOTE's anchors are,
        // but part of their label mass goes to their partners' classes (here mostly the nearby larger ones).
        Assert.InRange(synthetic / (double)total, hook.ReplacementProbability - 0.03, hook.ReplacementProbability + 0.03);
        if (!soft)
        {
            Assert.All(perClass, mass => Assert.InRange(mass / total, 0.30, 0.37));
        }
    }

    /// <summary>Whether the point lies on a segment from an anchor of a smaller class to another row (of its class for
    /// SMOTE), with the target that position gives: the anchor's one-hot (SMOTE) or (1 − u)·e_anchor + u·e_partner (soft).</summary>
    private static bool OnASegment(ClassRows rows, (double X, double Y) point, double[] target, bool soft)
    {
        for (int i = 0; i < rows.Classes.Length; i++)
        {
            for (int j = 0; j < rows.Classes.Length; j++)
            {
                if (i == j || rows.Classes[i] == 0 || (!soft && rows.Classes[j] != rows.Classes[i]))
                {
                    continue;
                }

                double dx = rows.Features[j, 0] - rows.Features[i, 0], dy = rows.Features[j, 1] - rows.Features[i, 1];
                double u = (((point.X - rows.Features[i, 0]) * dx) + ((point.Y - rows.Features[i, 1]) * dy)) / ((dx * dx) + (dy * dy));
                double ex = rows.Features[i, 0] + (u * dx) - point.X, ey = rows.Features[i, 1] + (u * dy) - point.Y;
                if (u is >= -1e-6 and <= 1 + 1e-6 && Math.Abs(ex) < 1e-4 && Math.Abs(ey) < 1e-4)
                {
                    var expected = new double[3];
                    expected[rows.Classes[i]] += soft ? 1 - u : 1;
                    expected[rows.Classes[j]] += soft ? u : 0;
                    if (expected.Zip(target).All(e => Math.Abs(e.First - e.Second) < 1e-4))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
