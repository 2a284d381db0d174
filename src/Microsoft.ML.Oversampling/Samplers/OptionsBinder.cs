using System.Globalization;
using System.Reflection;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Sets options-class properties from text (<c>key=value</c>), for the command line and saved models. Supported
/// property types: int, double, float, bool, string, enums, their nullable forms, integer and string lists
/// (comma-separated) and <see cref="SamplingStrategy"/>. A value that does not parse gives an
/// <see cref="OptionException"/> whose one-sentence message names the option and the form it expects.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Sets the property named <paramref name="key"/> (case-insensitive) of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">No such settable property (the message lists the valid keys), or, as an
    /// <see cref="OptionException"/>, the value does not parse.</exception>
    public static void Set(object options, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        PropertyInfo property = SettableProperties(options.GetType())
            .FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"{options.GetType().Name} has no option '{key}'; its options are {string.Join(", ", SettableProperties(options.GetType()).Select(p => p.Name))}.");
        object? parsed;
        try
        {
            parsed = Parse(property.PropertyType, value.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            string reason = e is OptionException || property.PropertyType == typeof(SamplingStrategy)
                ? e.Message
                : $"{property.Name} must be {ExpectedForm(property.PropertyType)}, but it is '{value}'.";
            throw new OptionException(property.Name, reason);
        }

        property.SetValue(options, parsed);
    }

    /// <summary>Applies <c>key=value</c> assignments in order.</summary>
    public static void Apply(object options, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0)
            {
                throw new ArgumentException($"Option '{assignment}' must be written key=value.");
            }

            Set(options, assignment[..eq].Trim(), assignment[(eq + 1)..]);
        }
    }

    /// <summary>The current values of every settable property, as text accepted back by <see cref="Set"/>
    /// (null values are left out).</summary>
    public static IReadOnlyDictionary<string, string> Describe(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (PropertyInfo p in SettableProperties(options.GetType()))
        {
            object? value = p.GetValue(options);
            if (value is not null)
            {
                result[p.Name] = Format(value);
            }
        }

        return result;
    }

    /// <summary>The public read-write properties of an options type.</summary>
    public static IEnumerable<PropertyInfo> SettableProperties(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && IsSupported(p.PropertyType));

    private static bool IsSupported(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(double) || t == typeof(float) || t == typeof(bool) || t == typeof(string)
            || t.IsEnum || IsIntList(t) || IsStringList(t) || t == typeof(SamplingStrategy);
    }

    /// <summary>int[] and the read-only list interfaces an int[] can be assigned to.</summary>
    private static bool IsIntList(Type t) => t == typeof(int[]) || t == typeof(IReadOnlyList<int>) || t == typeof(IReadOnlyCollection<int>) || t == typeof(IEnumerable<int>);

    /// <summary>string[] and the read-only list interfaces a string[] can be assigned to.</summary>
    private static bool IsStringList(Type t) =>
        t == typeof(string[]) || t == typeof(IReadOnlyList<string>) || t == typeof(IReadOnlyCollection<string>) || t == typeof(IEnumerable<string>);

    /// <summary>What a value of the type looks like, for messages.</summary>
    private static string ExpectedForm(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        string form = t == typeof(int) ? $"a whole number from {int.MinValue} to {int.MaxValue}"
            : t == typeof(double) || t == typeof(float) ? "a number such as 0.5"
            : t == typeof(bool) ? "true or false"
            : t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t))}"
            : IsIntList(t) ? "comma-separated whole numbers such as 1,3"
            : t == typeof(SamplingStrategy) ? "a sampling strategy"
            : "a comma-separated list";
        return t != type ? form + " (or null)" : form;
    }

    private static object? Parse(Type type, string text)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && (text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        Type t = underlying ?? type;
        CultureInfo inv = CultureInfo.InvariantCulture;
        return t == typeof(int) ? int.Parse(text, NumberStyles.Integer, inv)
            : t == typeof(double) ? double.Parse(text, NumberStyles.Float, inv)
            : t == typeof(float) ? float.Parse(text, NumberStyles.Float, inv)
            : t == typeof(bool) ? bool.Parse(text)
            : t == typeof(string) ? text
            : t.IsEnum ? ParseEnum(t, text)
            : IsIntList(t) ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, NumberStyles.Integer, inv)).ToArray()
            : IsStringList(t) ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : SamplingStrategy.Parse(text);
    }

    /// <summary>A defined enum value by name (case-insensitive); numbers are refused, since they bypass the names.</summary>
    private static object ParseEnum(Type t, string text) =>
        Enum.GetNames(t).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse(t, name)
            : throw new FormatException(text);

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<int> list => string.Join(",", list.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        IEnumerable<string> list => string.Join(",", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
