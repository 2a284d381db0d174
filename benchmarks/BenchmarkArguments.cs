using System.Globalization;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>Parses <c>--name value</c> pairs for the benchmark commands.</summary>
public sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses the arguments that follow the command name.</summary>
    public BenchmarkArguments(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}': options are written --name value.");
            }

            string name = arg[2..];
            bool hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : "true";
        }
    }

    /// <summary>An integer option, or its default.</summary>
    public int Int(string name, int defaultValue) =>
        _values.TryGetValue(name, out string? v) ? int.Parse(v, CultureInfo.InvariantCulture) : defaultValue;

    /// <summary>A floating-point option, or its default.</summary>
    public double Double(string name, double defaultValue) =>
        _values.TryGetValue(name, out string? v) ? double.Parse(v, CultureInfo.InvariantCulture) : defaultValue;

    /// <summary>A string option, or its default.</summary>
    public string String(string name, string defaultValue) =>
        _values.TryGetValue(name, out string? v) ? v : defaultValue;

    /// <summary>A comma-separated list of integers, or its default.</summary>
    public int[] IntList(string name, params int[] defaultValue) =>
        _values.TryGetValue(name, out string? v)
            ? v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : defaultValue;

    /// <summary>Whether a flag was given.</summary>
    public bool Flag(string name) => _values.ContainsKey(name);
}
