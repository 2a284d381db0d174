namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// A sampler option whose value is invalid, or does not fit the data (for example <c>KNeighbors</c> larger than a
/// class). <see cref="Exception.Message"/> is exactly one sentence naming the option as users set it, with none of
/// .NET's " (Parameter '…')" or "Actual value was …" suffixes; <see cref="OptionName"/> (also
/// <see cref="ArgumentException.ParamName"/>) carries the option's property name for tools that map it to their
/// own spelling, such as a command-line flag.
/// </summary>
public sealed class OptionException : ArgumentException
{
    private readonly string _sentence;

    /// <summary>Creates the exception.</summary>
    /// <param name="optionName">The option's property name, e.g. <c>KNeighbors</c>.</param>
    /// <param name="message">The whole message: one sentence naming the option.</param>
    public OptionException(string optionName, string message)
        : base(message, optionName)
    {
        OptionName = optionName;
        _sentence = message;
    }

    /// <summary>The option's property name, e.g. <c>KNeighbors</c>.</summary>
    public string OptionName { get; }

    /// <inheritdoc />
    public override string Message => _sentence;
}
