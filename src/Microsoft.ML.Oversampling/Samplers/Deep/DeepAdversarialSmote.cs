using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// DA-SMOTE, the adversarial variant of Deep SMOTE (Mansourifar &amp; Shi 2020), as reconstructed in the method notes
/// (§2.5): the generator is a Deep SMOTE network (pretrained with MSE), then trained against a discriminator of real
/// class rows versus generated ones with the non-saturating GAN loss plus a weighted regression term toward the SMOTE
/// target of each pair. Optional noise input lets one pair give many points.
/// </summary>
public sealed class DeepAdversarialSmote : GenerativeOversampler
{
    /// <summary>Creates the sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DeepAdversarialSmote(DaSmoteOptions? options = null)
        : base(options ?? new DaSmoteOptions())
    {
        DaSmoteOptions o = AdversarialOptions;
        DeepOptionChecks.DeepSmote(o);
        DeepOptionChecks.Adversarial(Settings(o), "Adversarial");
        OptionChecks.NonNegative(o.AdversarialWeight, nameof(o.AdversarialWeight));
        OptionChecks.NonNegative(o.RegressionWeight, nameof(o.RegressionWeight));
        OptionChecks.NonNegative(o.NoiseDimension, nameof(o.NoiseDimension));
    }

    /// <inheritdoc />
    public override string Name => "da-smote";

    private DaSmoteOptions AdversarialOptions => (DaSmoteOptions)Options;

    private protected override string MinimumClassRowsReason => "it learns from pairs of distinct rows";

    /// <inheritdoc />
    private protected override ClassGenerator Train(DenseMatrix scaledClassRows, MinMaxScaler scaler, DeterministicRandom random, Device device)
    {
        DaSmoteOptions o = AdversarialOptions;
        var (generator, pairs) = DeepSmoteRegressionOversampler.TrainPairGenerator(o, scaledClassRows, scaler, o.NoiseDimension, random.Fork(), device);
        long drawn = 0; // moves the deterministic enumeration on from batch to batch
        AdversarialTraining.Train(generator.Network, generator.Spec.Inputs, scaledClassRows, Settings(o),
            (size, r) =>
            {
                var batch = PairRegressionTraining.DrawPairs(scaledClassRows, pairs, size, o.NoiseDimension, o.SymmetricPairs, r, drawn);
                drawn += size;
                return batch;
            },
            o.AdversarialWeight, o.RegressionWeight, random.Fork(), device);
        return generator;
    }

    private static AdversarialSettings Settings(DaSmoteOptions o) =>
        new(o.DiscriminatorHiddenSizes, o.AdversarialIterations, o.AdversarialLearningRate, o.AdversarialBeta1, o.AdversarialBatchSize);
}
