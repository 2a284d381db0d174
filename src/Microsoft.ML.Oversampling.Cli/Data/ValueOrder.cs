using System.Globalization;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>The order of label and category values: by number when every value is a number (so 2 comes before 10), otherwise ordinal.</summary>
internal static class ValueOrder
{
    public static string[] Sort(IEnumerable<string> values)
    {
        string[] distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        bool numeric = distinct.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? [.. distinct.OrderBy(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(v => v, StringComparer.Ordinal)]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }
}
