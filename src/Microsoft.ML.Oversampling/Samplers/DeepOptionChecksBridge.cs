namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// The deep samplers' view of <see cref="Samplers.OptionChecks"/>, in their namespace so it takes precedence there:
/// the same rules and sentences, rethrown as the <see cref="ArgumentOutOfRangeException"/> (with the option as
/// <see cref="ArgumentException.ParamName"/>) that Samplers/Deep and its tests still expect. Delete this file once
/// Samplers/Deep catches <see cref="OptionException"/> instead; the classic samplers never see it.
/// </summary>
internal static class OptionChecks
{
    public static void Positive(int value, string name) => Rethrow(() => Samplers.OptionChecks.Positive(value, name), value);

    public static void NonNegative(int value, string name) => Rethrow(() => Samplers.OptionChecks.NonNegative(value, name), value);

    public static void Positive(double value, string name) => Rethrow(() => Samplers.OptionChecks.Positive(value, name), value);

    public static void NonNegative(double value, string name) => Rethrow(() => Samplers.OptionChecks.NonNegative(value, name), value);

    public static void Fraction(double value, string name) => Rethrow(() => Samplers.OptionChecks.Fraction(value, name), value);

    public static void Sizes(int[]? sizes, string name) => Rethrow(() => Samplers.OptionChecks.Sizes(sizes, name), sizes);

    public static void Defined<T>(T value, string name)
        where T : struct, Enum => Rethrow(() => Samplers.OptionChecks.Defined(value, name), value);

    private static void Rethrow(Action check, object? value)
    {
        try
        {
            check();
        }
        catch (OptionException e)
        {
            throw new ArgumentOutOfRangeException(e.OptionName, value, e.Message);
        }
    }
}
