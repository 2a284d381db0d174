using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Tests.Samplers.Deep;

public class AdversarialOversamplerTests
{
    private static (DenseMatrix Features, int[] Labels) Data() =>
        SamplerTestData.Blobs(5, features: 6, (0, 240, 0.0), (1, 40, 2.5));

    [Fact]
    public void DaSmoteWithTheRegressionTermOnly_StaysADeepSmoteMidpointGenerator()
    {
        var (x, y) = Data();
        var options = new DaSmoteOptions { AdversarialWeight = 0, RegressionWeight = 1 };

        PairGeometry.OfFittedSampler(new DeepAdversarialSmote(options), x, y, seed: 3).AssertMidpointGenerator();
    }

    [Fact]
    public void DaSmoteNoiseInputGivesDifferentPointsForOnePair()
    {
        var (x, y) = Data();
        var options = new DaSmoteOptions { NoiseDimension = 4, MaxEpochs = 3, AdversarialIterations = 20 };
        PairGenerator generator = PairGeometry.Generator(new DeepAdversarialSmote(options).FitResample(x, y, seed: 1).Generator!, 1);

        DenseMatrix twice = generator.GenerateFromPairs([0, 0], [1, 1], new DeterministicRandom(5));

        Assert.NotEqual(twice.Row(0).ToArray(), twice.Row(1).ToArray());
        Assert.Equal(4, generator.NoiseDimension);
    }

    [Fact]
    public void GanRowsStayInsideTheTrainingRangeAndNearTheMinorityClass()
    {
        var (x, y) = Data();
        ResampleResult result = new GanOversampler().FitResample(x, y, seed: 2);
        DenseMatrix synthetic = new(result.SyntheticRowCount, x.Columns, result.Features.Values.AsSpan(x.Values.Length).ToArray());

        Assert.Equal(200, synthetic.Rows);
        Assert.All(result.Labels.Skip(y.Length), label => Assert.Equal(1, label));
        var scaler = MinMaxScaler.Fit(x);
        double toMinority = 0, toMajority = 0;
        for (int j = 0; j < x.Columns; j++)
        {
            // A sigmoid output lies in (0, 1), which min–max scaling maps inside the training range.
            float min = scaler.Minimum[j], max = min + scaler.Range[j];
            Assert.All(Enumerable.Range(0, synthetic.Rows), i => Assert.InRange(synthetic[i, j], min - 1e-4f, max + 1e-4f));
            double mean = Enumerable.Range(0, synthetic.Rows).Average(i => synthetic[i, j]);
            toMinority += (mean - 2.5) * (mean - 2.5);
            toMajority += mean * mean;
        }

        // The classes are centred at 0 and 2.5 on every axis (6 features: 6.1 apart). A GAN may collapse on some
        // features, but the generated rows' mean must sit nearer the minority's centre than the majority's.
        Assert.True(toMinority < toMajority, $"mean of the generated rows: {Math.Sqrt(toMinority):F2} from the minority centre, {Math.Sqrt(toMajority):F2} from the majority's");
    }

    [Fact]
    public void BothAdversarialSamplersNeedTwoRowsAndValidOptions()
    {
        var (x, y) = SamplerTestData.Blobs(3, features: 2, (0, 30, 0.0), (1, 1, 2.0));

        Assert.Contains("Class 1 has 1 row(s)", Assert.Throws<ArgumentException>(() => new GanOversampler().FitResample(x, y, 1)).Message);
        Assert.Contains("Class 1 has 1 row(s)", Assert.Throws<ArgumentException>(() => new DeepAdversarialSmote().FitResample(x, y, 1)).Message);
        Assert.Equal("Beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new GanOversampler(new GanOptions { Beta1 = 1 })).ParamName);
        Assert.Equal("NoiseDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new GanOversampler(new GanOptions { NoiseDimension = 0 })).ParamName);
        Assert.Equal("AdversarialWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new DeepAdversarialSmote(new DaSmoteOptions { AdversarialWeight = -1 })).ParamName);
    }
}
