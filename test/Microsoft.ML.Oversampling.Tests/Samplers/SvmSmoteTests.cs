using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Tests.Neighbors;
using Microsoft.ML.Oversampling.Svm;

namespace Microsoft.ML.Oversampling.Tests.Samplers;

public class SvmSmoteTests
{
    [Fact]
    public void RowsInterpolateFromDangerAndExtrapolateFromSafeSupportVectors()
    {
        var (features, labels) = SamplerTestData.Blobs(3, 3, (0, 300, 0), (1, 50, 1.2));
        ResampleResult result = new SvmSmote().FitResample(features, labels, seed: 4);
        Assert.Equal(250, result.SyntheticRowCount);

        // The support vectors, independently: the binary SVM with scikit-learn's defaults, then the m = 10 test.
        int[] all = Enumerable.Range(0, labels.Length).ToArray();
        double[] alpha = RbfSupportVectorMachine.Solve(
            features, all, labels.Select(l => l == 1).ToArray(), 1.0, RbfSupportVectorMachine.ScaleGamma(features), 1e-3, 10_000_000, 1, out _);
        int[] support = all.Where(i => labels[i] == 1 && alpha[i] > 0).ToArray();
        var (mNeighbors, _) = BruteForceNeighbors.Search(features, features.SelectRows(support), 10, q => support[q]);
        int[] classRows = all.Where(i => labels[i] == 1).ToArray();
        DenseMatrix classFeatures = features.SelectRows(classRows);
        var (kNeighbors, _) = BruteForceNeighbors.Search(classFeatures, classFeatures, 5, q => q);

        var danger = new List<(float[] From, float[] To)>();
        var safe = new List<(float[] From, float[] To)>();
        for (int s = 0; s < support.Length; s++)
        {
            int others = Enumerable.Range(0, 10).Count(n => labels[mNeighbors[(s * 10) + n]] != 1);
            if (others == 10)
            {
                continue; // noise
            }

            int position = Array.BinarySearch(classRows, support[s]);
            float[] from = features.Row(support[s]).ToArray();
            for (int n = 0; n < 5; n++)
            {
                float[] neighbour = classFeatures.Row(kNeighbors[(position * 5) + n]).ToArray();
                if (2 * others >= 10)
                {
                    danger.Add((from, neighbour));
                }
                else
                {
                    // Extrapolation x + t (nn − x) with t in (−0.5, 0]: the segment from x to x − 0.5 (nn − x).
                    safe.Add((from, from.Select((v, j) => (float)(v - (0.5 * (neighbour[j] - v)))).ToArray()));
                }
            }
        }

        Assert.NotEmpty(danger);
        Assert.NotEmpty(safe);
        int fromDanger = 0, fromSafe = 0;
        for (int i = result.OriginalRowCount; i < result.Labels.Count; i++)
        {
            float[] point = result.Features.Row(i).ToArray();
            bool inDanger = danger.Any(p => SamplerTestData.OnSegment(point, p.From, p.To));
            bool inSafe = safe.Any(p => SamplerTestData.OnSegment(point, p.From, p.To));
            Assert.True(inDanger || inSafe, $"synthetic row {i} is on no interpolation or extrapolation segment of a kept support vector");
            fromDanger += inDanger ? 1 : 0;
            fromSafe += inSafe ? 1 : 0;
        }

        // The danger share is the class stream's first draw, Beta(10, 10), times (count + 1), truncated.
        int expectedFromDanger = (int)(BetaDistribution.Sample(Oversampler.ClassStream(4, 1), 10, 10) * 251);
        Assert.Equal(expectedFromDanger, fromDanger);
        Assert.Equal(250 - expectedFromDanger, fromSafe);
    }

    [Fact]
    public void ThreeClasses_EachGrowsToTheMajority()
    {
        var (features, labels) = SamplerTestData.Blobs(5, 2, (0, 200, 0), (1, 40, 1.5), (2, 30, -1.5));
        ResampleResult result = new SvmSmote().FitResample(features, labels, seed: 1);
        Assert.Equal(200, result.Labels.Count(l => l == 1));
        Assert.Equal(200, result.Labels.Count(l => l == 2));
    }

    [Fact]
    public void BitIdenticalForOneAndTwoThreads()
    {
        var (features, labels) = SamplerTestData.Blobs(6, 4, (0, 900, 0), (1, 100, 1));
        SamplerTestData.AssertSameForOneAndTwoThreads(
            threads => new SvmSmote(new SvmSmoteOptions { MaxDegreeOfParallelism = threads }), features, labels, seed: 2);
    }

    [Fact]
    public void OnlyNoiseSupportVectors_ThrowClearError()
    {
        // Each minority row sits alone inside the majority: every support vector's 10 nearest rows are majority.
        var (features, labels) = SamplerTestData.Blobs(2, 2, (0, 400, 0));
        var random = new DeterministicRandom(3);
        var extra = new DenseMatrix(6, 2);
        for (int i = 0; i < 6; i++)
        {
            extra[i, 0] = (float)(random.NextGaussian() * 0.5);
            extra[i, 1] = (float)(random.NextGaussian() * 0.5);
        }

        DenseMatrix x = new(406, 2, [.. features.Values, .. extra.Values]);
        int[] y = [.. labels, .. Enumerable.Repeat(1, 6)];
        var error = Assert.Throws<InvalidOperationException>(() => new SvmSmote(new SvmSmoteOptions { KNeighbors = 3 }).FitResample(x, y, seed: 1));
        Assert.Contains("noise", error.Message);
    }

    [Fact]
    public void BadOptionsAndTooFewRows_AreRefusedClearly()
    {
        Assert.Throws<OptionException>(() => new SvmSmote(new SvmSmoteOptions { C = 0 }));
        Assert.Throws<OptionException>(() => new SvmSmote(new SvmSmoteOptions { OutStep = -1 }));
        Assert.Throws<OptionException>(() => new SvmSmote(new SvmSmoteOptions { Gamma = double.NaN }));
        Assert.Throws<OptionException>(() => new SvmSmote(new SvmSmoteOptions { MNeighbors = 0 }));

        var (features, labels) = SamplerTestData.Blobs(1, 2, (0, 20, 0), (1, 4, 3));
        var error = Assert.Throws<OptionException>(() => new SvmSmote().FitResample(features, labels, seed: 1));
        Assert.Contains("KNeighbors = 5", error.Message);
    }
}
