using System.Globalization;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Cli.Training;

/// <summary>
/// Creates oversamplers by registry name (<see cref="SamplerRegistry"/>) with <c>--option key=value</c> options,
/// seeded by the command's <c>--seed</c>. SMOTE-NC takes its categorical features by column name:
/// <c>--categorical a,b</c> or <c>--option CategoricalFeatureNames=a,b</c> (the library matches them to the slot names
/// of <c>Features</c>, which are the column names); indices with <c>CategoricalFeatures</c> still work.
/// </summary>
internal static class MethodFactory
{
    /// <summary>The option taking SMOTE-NC's categorical columns by name.</summary>
    public const string CategoricalNamesOption = "CategoricalFeatureNames";

    /// <summary>Help text listing the methods.</summary>
    public static string Describe(bool includeNone) =>
        string.Join(", ", (includeNone ? [SamplerRegistry.NoSampler] : Array.Empty<string>()).Concat(SamplerRegistry.Samplers.Select(s => s.Name)));

    /// <summary>Whether <paramref name="name"/> means no oversampling.</summary>
    public static bool IsNone(string name) => string.Equals(name, SamplerRegistry.NoSampler, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The option assignments for method <paramref name="name"/>: the seed, then the user's options, SMOTE-NC's
    /// categorical columns by name (<paramref name="categorical"/>, from <c>--categorical</c> and
    /// <c>CategoricalFeatureNames</c>; the sampler resolves them against the <c>Features</c> slot names); each is
    /// checked here so a typo fails before any work.
    /// </summary>
    public static IReadOnlyList<string> Assignments(string name, IReadOnlyList<string> options, int seed, IReadOnlyCollection<string> categorical)
    {
        SamplerEntry entry = Entry(name);
        bool smoteNc = entry.CreateOptions() is SmoteNcOptions;
        var result = new List<string> { string.Create(CultureInfo.InvariantCulture, $"Seed={seed}") };
        result.AddRange(options.Where(o => !(smoteNc && IsKey(o, CategoricalNamesOption))));
        var names = categorical.Union(CommonOptions.CategoricalNames(null, options), StringComparer.Ordinal).ToList();
        if (smoteNc && names.Count > 0)
        {
            result.Add(CategoricalNamesOption + "=" + string.Join(",", names));
        }
        else if (smoteNc && !result.Any(o => IsKey(o, nameof(SmoteNcOptions.CategoricalFeatures))))
        {
            throw new CliException("Method 'smotenc' needs its categorical columns: give --categorical COL1,COL2 (or --option CategoricalFeatureNames=COL1,COL2).");
        }

        OversamplerOptions check = entry.CreateOptions();
        foreach (string assignment in result)
        {
            try
            {
                OptionsBinder.Apply(check, [assignment]);
            }
            catch (ArgumentException e)
            {
                throw new CliException($"--option {assignment}: {Explain(e, check, assignment, entry.Name)}");
            }
        }

        try
        {
            _ = entry.Create(check);
        }
        catch (ArgumentException e)
        {
            string? culprit = result.LastOrDefault(a => e.ParamName is not null && a.StartsWith(e.ParamName + "=", StringComparison.OrdinalIgnoreCase));
            throw new CliException($"--option{(culprit is null ? string.Empty : " " + culprit)}: {CliAction.OneLine(e)}");
        }

        return result;
    }

    private static bool IsKey(string assignment, string key)
    {
        int eq = assignment.IndexOf('=');
        return eq > 0 && string.Equals(assignment[..eq].Trim(), key, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Creates the estimator (after <see cref="Assignments"/>).</summary>
    public static OversamplingEstimator Create(MLContext ml, string name, IReadOnlyList<string> assignments) =>
        ml.Transforms.Oversampling.Create(Entry(name).Name, assignments);

    private static SamplerEntry Entry(string name)
    {
        try
        {
            return SamplerRegistry.Sampler(name);
        }
        catch (ArgumentException e)
        {
            throw new CliException(CliAction.OneLine(e));
        }
    }

    /// <summary>Rewords the binder's messages in the tool's terms: the method's name instead of its options class, the
    /// expected kind of value instead of .NET's parse error.</summary>
    private static string Explain(ArgumentException e, OversamplerOptions options, string assignment, string method)
    {
        string message = CliAction.OneLine(e);
        int has = message.IndexOf(" has no option ", StringComparison.Ordinal);
        if (has > 0)
        {
            return $"method '{method}'{message[has..]}";
        }

        string key = assignment[..assignment.IndexOf('=')].Trim();
        var property = OptionsBinder.SettableProperties(options.GetType()).FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        if (e.InnerException is FormatException or OverflowException && property is not null)
        {
            Type t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            string kind = t == typeof(int) ? "a whole number"
                : t == typeof(double) || t == typeof(float) ? "a number"
                : t == typeof(bool) ? "true or false"
                : t.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(t))
                : typeof(IEnumerable<int>).IsAssignableFrom(t) ? "a comma-separated list of whole numbers"
                : "a valid value";
            return $"{property.Name} must be {kind}.";
        }

        int colon = message.IndexOf("': ", StringComparison.Ordinal);
        return colon > 0 ? message[(colon + 3)..] : message;
    }
}
