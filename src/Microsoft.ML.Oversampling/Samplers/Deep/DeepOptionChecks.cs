namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>Validation of the deep oversamplers' option sets (built on <see cref="OptionChecks"/>).</summary>
internal static class DeepOptionChecks
{
    /// <summary>Checks the device options shared by every deep sampler.</summary>
    public static void Device(DeepOversamplerOptions o)
    {
        if (o.GpuDeviceId is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(o.GpuDeviceId), o.GpuDeviceId, "GpuDeviceId must be null (CPU) or a CUDA device index ≥ 0.");
        }
    }

    public static void DeepSmote(DeepSmoteOptions o)
    {
        Device(o);
        OptionChecks.Sizes(o.HiddenSizes, nameof(o.HiddenSizes));
        OptionChecks.Positive(o.LearningRate, nameof(o.LearningRate));
        OptionChecks.Positive(o.BatchSize, nameof(o.BatchSize));
        OptionChecks.Positive(o.MaxEpochs, nameof(o.MaxEpochs));
        OptionChecks.Positive(o.Patience, nameof(o.Patience));
        OptionChecks.Fraction(o.ValidationFraction, nameof(o.ValidationFraction));
        OptionChecks.Positive(o.MinPairsPerEpoch, nameof(o.MinPairsPerEpoch));
        OptionChecks.NonNegative(o.PairsPerRow, nameof(o.PairsPerRow));
        OptionChecks.Defined(o.TrainingPairs, nameof(o.TrainingPairs));
        OptionChecks.Defined(o.GenerationPairs, nameof(o.GenerationPairs));
        OptionChecks.Positive(o.KNeighbors, nameof(o.KNeighbors));
    }

    /// <summary>Checks the adversarial settings; <paramref name="prefix"/> is the options' name prefix ("Adversarial" for DA-SMOTE).</summary>
    public static void Adversarial(AdversarialSettings s, string prefix)
    {
        OptionChecks.Sizes(s.DiscriminatorHiddenSizes, "DiscriminatorHiddenSizes");
        OptionChecks.NonNegative(s.Iterations, prefix + "Iterations");
        OptionChecks.Positive(s.LearningRate, prefix + "LearningRate");
        if (!(s.Beta1 >= 0 && s.Beta1 < 1))
        {
            throw new ArgumentOutOfRangeException(prefix + "Beta1", s.Beta1, $"{prefix}Beta1 must be in [0, 1).");
        }

        OptionChecks.Positive(s.BatchSize, prefix + "BatchSize");
    }
}
