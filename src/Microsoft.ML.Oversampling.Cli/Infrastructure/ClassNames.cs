using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML.Oversampling.Cli.Data;

namespace Microsoft.ML.Oversampling.Cli.Infrastructure;

/// <summary>Puts the user's label values into the library's messages, which name classes by number ("Class 1 has 5 rows …").</summary>
internal static partial class ClassNames
{
    /// <summary>Runs <paramref name="work"/>; an argument or operation error comes back as a <see cref="CliException"/> naming classes by their label values, after <paramref name="prefix"/>.</summary>
    public static T Translate<T>(LabelClasses classes, Func<T> work, string prefix = "")
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            string message = ClassNumber().Replace(CliAction.OneLine(e), m =>
            {
                int n = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                bool known = classes.IsBinary ? n is 0 or 1 : n >= 1 && n <= classes.Values.Count;
                return known ? $"{m.Groups[1].Value} '{classes.Text(n)}'" : m.Value;
            });
            throw new CliException(prefix + message);
        }
    }

    [GeneratedRegex(@"\b([Cc]lass) (\d+)\b")]
    private static partial Regex ClassNumber();
}
