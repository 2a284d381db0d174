namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>Validation of the deep oversamplers' options, so a bad value fails when the sampler is created.</summary>
internal static class DeepOptionChecks
{
    public static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }

    public static void NonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0 or more.");
        }
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number above 0.");
        }
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");
        }
    }

    public static void Fraction(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1 (exclusive).");
        }
    }

    public static void Sizes(int[]? sizes, string name)
    {
        if (sizes is null || sizes.Any(s => s < 1))
        {
            throw new ArgumentOutOfRangeException(name, sizes is null ? "null" : string.Join(",", sizes), $"{name} must list layer sizes of at least 1.");
        }
    }

    public static void Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    public static void DeepSmote(DeepSmoteOptions o)
    {
        Sizes(o.HiddenSizes, nameof(o.HiddenSizes));
        Positive(o.LearningRate, nameof(o.LearningRate));
        Positive(o.BatchSize, nameof(o.BatchSize));
        Positive(o.MaxEpochs, nameof(o.MaxEpochs));
        Positive(o.Patience, nameof(o.Patience));
        Fraction(o.ValidationFraction, nameof(o.ValidationFraction));
        Positive(o.MinPairsPerEpoch, nameof(o.MinPairsPerEpoch));
        NonNegative(o.PairsPerRow, nameof(o.PairsPerRow));
        Defined(o.TrainingPairs, nameof(o.TrainingPairs));
        Defined(o.GenerationPairs, nameof(o.GenerationPairs));
        Positive(o.KNeighbors, nameof(o.KNeighbors));
    }

    /// <summary>Checks the adversarial settings; <paramref name="prefix"/> is the options' name prefix ("Adversarial" for DA-SMOTE).</summary>
    public static void Adversarial(AdversarialSettings s, string prefix)
    {
        Sizes(s.DiscriminatorHiddenSizes, "DiscriminatorHiddenSizes");
        NonNegative(s.Iterations, prefix + "Iterations");
        Positive(s.LearningRate, prefix + "LearningRate");
        if (!(s.Beta1 >= 0 && s.Beta1 < 1))
        {
            throw new ArgumentOutOfRangeException(prefix + "Beta1", s.Beta1, $"{prefix}Beta1 must be in [0, 1).");
        }

        Positive(s.BatchSize, prefix + "BatchSize");
    }
}
