using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Oversampling.Samplers.Deep;
using Microsoft.ML.Oversampling.Tests.Samplers;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>Generator files: a saved generator replays the fit after loading; bad files get clear errors.</summary>
public sealed class GeneratorFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("generators").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static (DenseMatrix Features, int[] Labels) Data() =>
        SamplerTestData.Blobs(5, features: 4, (0, 120, 0.0), (1, 30, 2.0), (2, 20, -2.0));

    public static TheoryData<string> Samplers() => ["deep-smote", "deep-smote-knn", "da-smote", "gan"];

    private static Oversampler Short(string name) => name switch
    {
        "deep-smote" => new DeepSmoteRegressionOversampler(new DeepSmoteOptions { MaxEpochs = 2 }),
        "deep-smote-knn" => new DeepSmoteRegressionOversampler(new DeepSmoteOptions { MaxEpochs = 2, GenerationPairs = PairSelection.KNearestNeighbors, TrainingPairs = PairSelection.KNearestNeighbors }),
        "da-smote" => new DeepAdversarialSmote(new DaSmoteOptions { MaxEpochs = 1, AdversarialIterations = 5, NoiseDimension = 2 }),
        _ => new GanOversampler(new GanOptions { Iterations = 5 }),
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void SavedThenLoadedGeneratorReplaysTheFitsRows(string sampler)
    {
        var (x, y) = Data();
        ResampleResult result = Short(sampler).FitResample(x, y, seed: 13);
        string path = PathOf(sampler + ".generator");

        result.Generator!.Save(path);
        SyntheticDataGenerator loaded = SyntheticDataGenerator.Load(path);

        Assert.Equal([1, 2], loaded.Classes);
        Assert.Equal(4, loaded.FeatureCount);
        // The fit generates class 1's rows, then class 2's, each from its own class stream of the seed.
        float[] fitted = result.Features.Values.AsSpan(x.Values.Length).ToArray();
        float[] replayed = [.. loaded.Generate(1, 90, seed: 13).Values, .. loaded.Generate(2, 100, seed: 13).Values];
        Assert.Equal(fitted, replayed);
        Assert.Equal(result.Generator.Generate(2, 50, seed: 3).Values, loaded.Generate(2, 50, seed: 3).Values);
    }

    [Fact]
    public void SavingReplacesAnExistingFileAndLeavesNoTemporaryFiles()
    {
        var (x, y) = Data();
        string path = PathOf("g.bin");
        File.WriteAllText(path, "old");

        Short("gan").FitResample(x, y, seed: 1).Generator!.Save(path);

        Assert.Equal(4, SyntheticDataGenerator.Load(path).FeatureCount);
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    private string Saved()
    {
        var (x, y) = Data();
        string path = PathOf("good.generator");
        Short("deep-smote").FitResample(x, y, seed: 2).Generator!.Save(path);
        return path;
    }

    private string Written(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string LoadError(string path)
    {
        var error = Assert.Throws<InvalidDataException>(() => SyntheticDataGenerator.Load(path));
        Assert.Contains(path, error.Message);
        return error.Message;
    }

    [Fact]
    public void AnotherKindOfFileIsRejectedByItsSignature()
    {
        Assert.Contains("signature", LoadError(Written("model.zip", [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0])));
        Assert.Contains("signature", LoadError(Written("empty", [])));
    }

    [Fact]
    public void TruncatedFilesSayHowMuchIsMissing()
    {
        byte[] good = File.ReadAllBytes(Saved());

        Assert.Contains("truncated inside its 52-byte header", LoadError(Written("short-header", good[..20])));
        string message = LoadError(Written("short", good[..(good.Length - 100)]));
        Assert.Contains("truncated", message);
        Assert.Contains($"{good.Length - 52} payload bytes but only {good.Length - 152}", message);
    }

    [Fact]
    public void CorruptPayloadIsCaughtByTheChecksum()
    {
        byte[] bytes = File.ReadAllBytes(Saved());
        bytes[bytes.Length / 2] ^= 0x10;

        Assert.Contains("corrupt", LoadError(Written("corrupt", bytes)));
    }

    [Fact]
    public void AnotherFormatVersionIsNamed()
    {
        byte[] bytes = File.ReadAllBytes(Saved());
        bytes[8] = 9;

        Assert.Contains("format version is 9", LoadError(Written("v9", bytes)));
    }

    [Fact]
    public void WeightsOfAnotherShapeThanTheArchitectureAreRejected()
    {
        // A generator whose recorded architecture (hidden 8) disagrees with its weights (hidden 16).
        var (x, _) = Data();
        DenseMatrix rows = x.SelectRows([0, 1, 2, 3, 4]);
        var scaler = MinMaxScaler.Fit(rows);
        var recorded = new NetworkSpec(8, [8], 4, HiddenActivation.Relu, OutputActivation.Linear);
        var actual = new NetworkSpec(8, [16], 4, HiddenActivation.Relu, OutputActivation.Linear);
        var generator = new PairGenerator(scaler, rows, new PairSampler(PairSelection.Random, rows.Rows, null, 5), 0, recorded, actual.Build(new DeterministicRandom(1), CPU));
        string path = PathOf("wrong-shape");
        new SyntheticDataGenerator(new Dictionary<int, ClassGenerator> { [1] = generator }).Save(path);

        string message = LoadError(path);
        Assert.Contains("weights do not match its architecture", message);
        Assert.Contains("[8×8]", message);
    }

    [Fact]
    public void AMissingFileIsAFileNotFoundError()
    {
        Assert.Throws<FileNotFoundException>(() => SyntheticDataGenerator.Load(PathOf("nothing-here")));
    }
}
