using System.Globalization;
using System.Reflection;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Sets options-class properties from text (<c>key=value</c>), for the command line and saved models. Supported
/// property types: int, double, float, bool, string, enums, their nullable forms, integer lists (comma-separated) and
/// <see cref="SamplingStrategy"/>.
/// </summary>
public static class OptionsBinder
{
    /// <summary>Sets the property named <paramref name="key"/> (case-insensitive) of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">No such settable property, or the value does not parse; the message lists the valid keys.</exception>
    public static void Set(object options, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        PropertyInfo property = SettableProperties(options.GetType())
            .FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"{options.GetType().Name} has no option '{key}'. Options: {string.Join(", ", SettableProperties(options.GetType()).Select(p => p.Name))}.");
        try
        {
            property.SetValue(options, Parse(property.PropertyType, value.Trim()));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or TargetInvocationException)
        {
            string reason = e is TargetInvocationException { InnerException: { } inner } ? inner.Message : e.Message;
            throw new ArgumentException($"Cannot set option {property.Name} to '{value}': {reason}", e);
        }
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
            || t.IsEnum || IsIntList(t) || t == typeof(SamplingStrategy);
    }

    /// <summary>int[] and the read-only list interfaces an int[] can be assigned to.</summary>
    private static bool IsIntList(Type t) => t == typeof(int[]) || t == typeof(IReadOnlyList<int>) || t == typeof(IReadOnlyCollection<int>) || t == typeof(IEnumerable<int>);

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
            : t.IsEnum ? Enum.Parse(t, text, ignoreCase: true)
            : IsIntList(t) ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, NumberStyles.Integer, inv)).ToArray()
            : SamplingStrategy.Parse(text);
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<int> list => string.Join(",", list.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
