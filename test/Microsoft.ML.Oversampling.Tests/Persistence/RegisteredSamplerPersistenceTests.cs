using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Persistence;

/// <summary>Every sampler of the registry, including ones added later, saves by name and options with no code of its own.</summary>
public class RegisteredSamplerPersistenceTests
{
    public static TheoryData<string> SamplerNames() => [.. ComponentRegistry.Samplers.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void RegisteredSampler_RoundTripsItsNameOptionsAndSeed(string name)
    {
        var ctx = new OversamplingContext(seed: 1);
        SamplerEntry entry = ComponentRegistry.Sampler(name);
        OversamplerOptions options = entry.CreateOptions();
        OptionsBinder.Apply(options, ["SamplingStrategy=minority", "Seed=42"]);
        if (OptionsBinder.SettableProperties(options.GetType()).Any(p => p.Name == nameof(SmoteNcOptions.CategoricalFeatures)))
        {
            OptionsBinder.Set(options, nameof(SmoteNcOptions.CategoricalFeatures), "0,2"); // required, no default
        }
        var step = new OversamplingTransformer(entry.Create(options), 42, null,
            new SortedDictionary<int, int> { [0] = 90, [1] = 10 }, new SortedDictionary<int, int> { [0] = 90, [1] = 90 }, generator: null);

        var loaded = Assert.IsType<OversamplingTransformer>(ModelFiles.RoundTrip(ctx, step));

        Assert.Equal(name, loaded.Sampler.Name);
        Assert.IsType(step.Sampler.GetType(), loaded.Sampler);
        Assert.Equal(OptionsBinder.Describe(step.Sampler.Options), OptionsBinder.Describe(loaded.Sampler.Options));
        Assert.Equal(42, loaded.Seed);
        Assert.Equal(step.CountsAfter, loaded.CountsAfter);
    }

    private sealed class UnregisteredSampler() : Oversampler(new RandomOverSamplerOptions())
    {
        public override string Name => "unregistered";

        protected override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random) =>
            new(count, problem.FeatureCount);
    }

    [Fact]
    public void SamplerOutsideTheRegistry_WithoutState_CannotBeSaved()
    {
        var ctx = new OversamplingContext(seed: 2);
        DataView data = ctx.Data.LoadEmbedded("haberman");
        OversamplingTransformer fitted = ctx.Transforms.Oversampling.Create(new UnregisteredSampler()).Fit(data);

        var error = Assert.Throws<NotSupportedException>(() => ModelFiles.SaveToBytes(ctx, fitted));

        Assert.Contains("Sampler 'unregistered' (UnregisteredSampler) cannot be saved: it is not in ComponentRegistry.Samplers", error.Message);
    }
}
