using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The vanilla GAN oversampler, the baseline of Mansourifar &amp; Shi (2020) as reconstructed in the method notes
/// (§2.6): a generator from Gaussian noise to rows (sigmoid output on min–max scaled data) trained against a
/// discriminator on the class to grow only, with the non-saturating loss.
/// </summary>
public sealed class GanOversampler : GenerativeOversampler
{
    /// <summary>Creates the sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GanOversampler(GanOptions? options = null)
        : base(options ?? new GanOptions())
    {
        GanOptions o = GanOptions;
        DeepOptionChecks.Device(o);
        OptionChecks.Positive(o.NoiseDimension, nameof(o.NoiseDimension));
        OptionChecks.Sizes(o.GeneratorHiddenSizes, nameof(o.GeneratorHiddenSizes));
        DeepOptionChecks.Adversarial(Settings(o), string.Empty);
    }

    /// <inheritdoc />
    public override string Name => "gan";

    private GanOptions GanOptions => (GanOptions)Options;

    private protected override string MinimumClassRowsReason => "a discriminator needs more than one real row";

    /// <inheritdoc />
    private protected override ClassGenerator Train(DenseMatrix scaledClassRows, MinMaxScaler scaler, DeterministicRandom random, Device device)
    {
        GanOptions o = GanOptions;
        var spec = new NetworkSpec(o.NoiseDimension, [.. o.GeneratorHiddenSizes], scaledClassRows.Columns, HiddenActivation.Relu, OutputActivation.Sigmoid);
        Network generator = spec.Build(random.Fork(), device);
        AdversarialTraining.Train(generator, o.NoiseDimension, scaledClassRows, Settings(o),
            (size, r) => (NoiseGenerator.Noise(size, o.NoiseDimension, r).Values, null),
            adversarialWeight: 1, regressionWeight: 0, random.Fork(), device);
        return new NoiseGenerator(scaler, spec, generator);
    }

    private static AdversarialSettings Settings(GanOptions o) => new(o.DiscriminatorHiddenSizes, o.Iterations, o.LearningRate, o.Beta1, o.BatchSize);
}
