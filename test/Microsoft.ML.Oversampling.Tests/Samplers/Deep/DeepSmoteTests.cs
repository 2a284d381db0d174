using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;
using TorchSharp;

namespace Microsoft.ML.Oversampling.Tests.Samplers.Deep;

[Collection(ParallelismCollection.Name)]
public class DeepSmoteTests
{
    private static (DenseMatrix Features, int[] Labels) Data(int seed = 5) =>
        SamplerTestData.Blobs(seed, features: 6, (0, 240, 0.0), (1, 40, 2.5));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TrainedNetworkOutputsThePairMidpoint_NotARandomInterpolation(bool residual)
    {
        var (x, y) = Data();
        var sampler = new DeepSmoteRegressionOversampler(new DeepSmoteOptions { ResidualMidpoint = residual });

        PairGeometry.OfFittedSampler(sampler, x, y, seed: 3).AssertMidpointGenerator();
    }

    [Fact]
    public void ResidualMidpointGeneratorsDependLessOnTheSeed_AndSitNearerTheMidpoint()
    {
        var (x, y) = SamplerTestData.Blobs(6, features: 16, (0, 300, 0.0), (1, 50, 1.5));
        DenseMatrix minority = PairGeometry.ClassRows(x, y, 1);
        var (first, second) = PairGeometry.RandomPairs(minority.Rows, 300, seed: 9);
        DenseMatrix Generate(bool residual, int seed) => PairGeometry.Generator(
            new DeepSmoteRegressionOversampler(new DeepSmoteOptions { ResidualMidpoint = residual, MaxEpochs = 25 }).FitResample(x, y, seed).Generator!, 1)
            .GenerateFromPairs(first, second, new DeterministicRandom(1));

        // Median over pairs of ‖G_seed1 − G_seed2‖ / ‖b − a‖: how much the trained map itself depends on the seed.
        double SeedGap(bool residual) => PairGeometry.Measure(Generate(residual, 1), Generate(residual, 2), first, second,
            (g1, g2, a, b) => Math.Sqrt(PairGeometry.Squared(g1, g2) / PairGeometry.Squared(a, b)), minority);

        Assert.True(SeedGap(true) < SeedGap(false), $"seed gap residual {SeedGap(true):F4}, plain {SeedGap(false):F4}");
        double plain = PairGeometry.Measure(minority, Generate(false, 1), first, second).MedianDistanceFromMidpoint;
        double residual = PairGeometry.Measure(minority, Generate(true, 1), first, second).MedianDistanceFromMidpoint;
        Assert.True(residual < plain, $"distance from midpoint residual {residual:F4}, plain {plain:F4}");
    }

    [Fact]
    public void SymmetricTrainingMakesTheMapCommuteWithSwappingThePair()
    {
        var (x, y) = Data();
        ResampleResult result = new DeepSmoteRegressionOversampler().FitResample(x, y, seed: 4);
        DenseMatrix minority = PairGeometry.ClassRows(x, y, 1);
        var (first, second) = PairGeometry.RandomPairs(minority.Rows, 200, seed: 2);
        PairGenerator generator = PairGeometry.Generator(result.Generator!, 1);

        DenseMatrix forward = generator.GenerateFromPairs(first, second, new DeterministicRandom(1));
        DenseMatrix swapped = generator.GenerateFromPairs(second, first, new DeterministicRandom(1));

        // Both orders estimate the same midpoint, so they differ by at most the two estimates' errors.
        var gap = Enumerable.Range(0, first.Length).Select(i =>
        {
            double off = 0, length2 = 0;
            for (int j = 0; j < x.Columns; j++)
            {
                off += Math.Pow(forward[i, j] - swapped[i, j], 2);
                length2 += Math.Pow(minority[first[i], j] - minority[second[i], j], 2);
            }

            return Math.Sqrt(off / length2);
        }).Order().ToArray();
        Assert.True(gap[gap.Length / 2] < 0.125, $"median swap gap {gap[gap.Length / 2]:F3} of the pair length");
    }

    [Fact]
    public void GrowsEveryMinorityClassToTheMajority_WithItsLabelAndWidth()
    {
        var (x, y) = SamplerTestData.Blobs(8, features: 3, (0, 120, 0.0), (1, 30, 2.0), (2, 12, -2.0));
        var options = new DeepSmoteOptions { MaxEpochs = 5 };

        ResampleResult result = new DeepSmoteRegressionOversampler(options).FitResample(x, y, seed: 1);

        Assert.Equal(new Dictionary<int, int> { [0] = 120, [1] = 120, [2] = 120 }, result.CountsAfter);
        Assert.Equal(3, result.Features.Columns);
        Assert.Equal(y, result.Labels.Take(y.Length));
        Assert.Equal(x.Values, result.Features.Values.AsSpan(0, x.Values.Length).ToArray());
        Assert.Equal(Enumerable.Repeat(1, 90).Concat(Enumerable.Repeat(2, 108)), result.Labels.Skip(y.Length));
        Assert.Equal([1, 2], result.Generator!.Classes);
        Assert.True(result.Features.Values.All(float.IsFinite));
    }

    public static TheoryData<string> DeepSamplers() => ["deep-smote", "da-smote", "gan"];

    /// <summary>Short runs with wide layers and batches of 256, whose matrix products LibTorch would split across
    /// threads if the fit did not pin its intra-op thread count.</summary>
    private static Oversampler Short(string name) => name switch
    {
        "deep-smote" => new DeepSmoteRegressionOversampler(new DeepSmoteOptions { MaxEpochs = 2, HiddenSizes = [256, 256], BatchSize = 256 }),
        "da-smote" => new DeepAdversarialSmote(new DaSmoteOptions
        {
            MaxEpochs = 1, HiddenSizes = [512, 512], BatchSize = 256, AdversarialIterations = 10, NoiseDimension = 3,
        }),
        _ => new GanOversampler(new GanOptions { Iterations = 10, GeneratorHiddenSizes = [512, 512] }),
    };

    [Theory]
    [MemberData(nameof(DeepSamplers))]
    public void SameSeedBitIdenticalForAnyThreadCount_DifferentSeedDifferent(string sampler)
    {
        var (x, y) = Data();
        int previous = Parallelism.MaxDegreeOfParallelism;
        int previousTorch = torch.get_num_threads();
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            torch.set_num_threads(1);
            float[] single = Short(sampler).FitResample(x, y, seed: 7).Features.Values;

            // A host that runs the library on 2 threads and set LibTorch to 2 threads gets the same bits: the fit
            // trains and generates at TorchThreads.IntraOp threads whatever it finds.
            Parallelism.MaxDegreeOfParallelism = 2;
            torch.set_num_threads(2);
            float[] dual = Short(sampler).FitResample(x, y, seed: 7).Features.Values;
            Assert.Equal(TorchThreads.IntraOp, torch.get_num_threads());
            float[] other = Short(sampler).FitResample(x, y, seed: 8).Features.Values;

            Assert.Equal(single, dual);
            Assert.NotEqual(single, other);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = previous;
            torch.set_num_threads(previousTorch);
        }
    }

    [Fact]
    public void GeneratorReplaysTheFitsRowsWithItsSeed()
    {
        var (x, y) = Data();
        ResampleResult result = new DeepSmoteRegressionOversampler(new DeepSmoteOptions { MaxEpochs = 3 }).FitResample(x, y, seed: 11);

        DenseMatrix again = result.Generator!.Generate(result.SyntheticRowCount, seed: 11);

        Assert.Equal(result.Features.Values.AsSpan(x.Values.Length).ToArray(), again.Values);
        Assert.NotEqual(again.Values, result.Generator.Generate(result.SyntheticRowCount, seed: 12).Values);
    }

    [Fact]
    public void DeterministicEnumerationGeneratesTheSameRowsWhateverTheGenerationSeed()
    {
        var (x, y) = Data();
        var options = new DeepSmoteOptions { MaxEpochs = 3, GenerationPairs = PairSelection.DeterministicEnumeration };
        SyntheticDataGenerator generator = new DeepSmoteRegressionOversampler(options).FitResample(x, y, seed: 1).Generator!;

        Assert.Equal(generator.Generate(100, seed: 1).Values, generator.Generate(100, seed: 2).Values);
        Assert.Equal(PairSelection.DeterministicEnumeration, PairGeometry.Generator(generator, 1).PairSelection);
    }

    [Fact]
    public void KNearestPairsNeedKPlusOneRows()
    {
        var (x, y) = SamplerTestData.Blobs(3, features: 2, (0, 50, 0.0), (1, 4, 2.0));
        var sampler = new DeepSmoteRegressionOversampler(new DeepSmoteOptions { GenerationPairs = PairSelection.KNearestNeighbors, MaxEpochs = 1 });

        var error = Assert.Throws<ArgumentException>(() => sampler.FitResample(x, y, seed: 1));

        Assert.Contains("4 rows", error.Message);
        Assert.Contains("KNeighbors = 5", error.Message);
    }

    [Fact]
    public void FewerThanTwoMinorityRowsOrNaNAreRejectedWithClearErrors()
    {
        var (x, y) = SamplerTestData.Blobs(3, features: 2, (0, 30, 0.0), (1, 1, 2.0));
        var sampler = new DeepSmoteRegressionOversampler();

        var tooFew = Assert.Throws<ArgumentException>(() => sampler.FitResample(x, y, seed: 1));
        Assert.Contains("Class 1 has 1 row(s)", tooFew.Message);
        Assert.Contains("at least 2", tooFew.Message);

        var (good, labels) = Data();
        good[3, 1] = float.NaN;
        var nan = Assert.Throws<ArgumentException>(() => sampler.FitResample(good, labels, seed: 1));
        Assert.Contains("NaN", nan.Message);
    }

    [Theory]
    [InlineData(nameof(DeepSmoteOptions.BatchSize), 0)]
    [InlineData(nameof(DeepSmoteOptions.MaxEpochs), 0)]
    [InlineData(nameof(DeepSmoteOptions.ValidationFraction), 1.0)]
    [InlineData(nameof(DeepSmoteOptions.LearningRate), -1.0)]
    [InlineData(nameof(DeepSmoteOptions.KNeighbors), 0)]
    public void OutOfRangeOptionsFailWhenTheSamplerIsCreated(string option, double value)
    {
        var options = new DeepSmoteOptions();
        var property = typeof(DeepSmoteOptions).GetProperty(option)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? (object)(int)value : value);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSmoteRegressionOversampler(options));

        Assert.Equal(option, error.ParamName);
    }
}
