namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Range checks shared by the samplers' constructors, so a bad option fails when the sampler is created,
/// with an <see cref="ArgumentOutOfRangeException"/> whose parameter name is the option's.</summary>
internal static class OptionChecks
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
}
