namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Range checks shared by the samplers' constructors, so a bad option fails when the sampler is created, with an
/// <see cref="OptionException"/> whose message is one sentence naming the option and the value given.
/// </summary>
internal static class OptionChecks
{
    public static void Positive(int value, string name) =>
        Require(value >= 1, name, $"{name} must be at least 1, but it is {value}.");

    public static void NonNegative(int value, string name) =>
        Require(value >= 0, name, $"{name} must be 0 or more, but it is {value}.");

    public static void Positive(double value, string name) =>
        Require(value > 0 && double.IsFinite(value), name, $"{name} must be a finite number above 0, but it is {Show(value)}.");

    public static void NonNegative(double value, string name) =>
        Require(value >= 0 && double.IsFinite(value), name, $"{name} must be a finite number of 0 or more, but it is {Show(value)}.");

    public static void Fraction(double value, string name) =>
        Require(value > 0 && value < 1, name, $"{name} must be between 0 and 1 (exclusive), but it is {Show(value)}.");

    public static void UnitInterval(double value, string name) =>
        Require(value >= 0 && value <= 1, name, $"{name} must be between 0 and 1, but it is {Show(value)}.");

    public static void Sizes(int[]? sizes, string name) =>
        Require(sizes is not null && sizes.All(s => s >= 1), name,
            $"{name} must list layer sizes of at least 1, but it is {(sizes is null ? "null" : string.Join(",", sizes))}.");

    public static void Defined<T>(T value, string name)
        where T : struct, Enum =>
        Require(Enum.IsDefined(value), name, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, but it is {value}.");

    /// <summary>Throws <see cref="OptionException"/> with <paramref name="message"/> unless <paramref name="valid"/>.</summary>
    public static void Require(bool valid, string name, string message)
    {
        if (!valid)
        {
            throw new OptionException(name, message);
        }
    }

    private static string Show(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
