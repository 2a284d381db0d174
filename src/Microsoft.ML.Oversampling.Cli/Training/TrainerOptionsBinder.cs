using System.Globalization;
using System.Reflection;
using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Cli.Training;

/// <summary>
/// Sets a public field or property of an ML.NET trainer's options class from <c>--trainer-option key=value</c>
/// (ML.NET options are fields; numbers, Booleans and enums). Messages name <c>--trainer-option</c>, never .NET types.
/// </summary>
internal static class TrainerOptionsBinder
{
    private static readonly string[] s_hidden = ["LabelColumnName", "FeatureColumnName", "ExampleWeightColumnName", "RowGroupColumnName"];

    public static void Set(object options, string assignment, string trainer)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            throw new CliException($"--trainer-option '{assignment}' must be written key=value.");
        }

        string key = assignment[..eq].Trim(), text = assignment[(eq + 1)..].Trim();
        var members = Settable(options.GetType()).ToList();
        MemberInfo member = members.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"--trainer-option {assignment}: trainer '{trainer}' has no option '{key}'. Options: {string.Join(", ", members.Select(m => m.Name).Order(StringComparer.Ordinal))}.");
        Type type = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        object value;
        try
        {
            value = target.IsEnum ? Enum.Parse(target, text, ignoreCase: true) : Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            throw new CliException($"--trainer-option {assignment}: '{text}' is not {Describe(target)}.");
        }

        if (member is FieldInfo field)
        {
            field.SetValue(options, value);
        }
        else
        {
            ((PropertyInfo)member).SetValue(options, value);
        }
    }

    private static string Describe(Type t) =>
        t == typeof(int) || t == typeof(long) ? "a whole number"
        : t == typeof(double) || t == typeof(float) ? "a number"
        : t == typeof(bool) ? "true or false"
        : t.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(t))
        : "a valid value";

    private static IEnumerable<MemberInfo> Settable(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly && Supported(f.FieldType)).Cast<MemberInfo>()
            .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && Supported(p.PropertyType)))
            .Where(m => !s_hidden.Contains(m.Name));

    private static bool Supported(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(float) || t == typeof(bool) || t.IsEnum;
    }
}
