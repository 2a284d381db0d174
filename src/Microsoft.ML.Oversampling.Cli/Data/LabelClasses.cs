namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>
/// The user's label values and how they map to ML.NET labels: with two values, a Boolean label (<c>true</c> =
/// <see cref="Positive"/>, sampler class 1); with more, a key label whose key k is <c>Values[k - 1]</c>.
/// </summary>
/// <param name="Values">Binary: [negative, positive]; multiclass: the values in key order.</param>
/// <param name="IsBinary">Whether the label is Boolean.</param>
internal sealed record LabelClasses(IReadOnlyList<string> Values, bool IsBinary)
{
    /// <summary>The positive class of a binary label.</summary>
    public string Positive => IsBinary ? Values[1] : throw new InvalidOperationException("A multiclass label has no positive class.");

    /// <summary>The label text of a sampler class (binary 0/1, or a key value).</summary>
    public string Text(int samplerClass) => IsBinary ? Values[samplerClass] : Values[samplerClass - 1];

    /// <summary>Chooses the classes of <paramref name="labels"/>, a column named <paramref name="column"/>.</summary>
    /// <param name="labels">Every row's label text.</param>
    /// <param name="column">The label column's name, for messages.</param>
    /// <param name="positive">The <c>--positive</c> value; <c>null</c> for the minority value (the later value on a tie).</param>
    public static LabelClasses From(IReadOnlyList<string> labels, string column, string? positive)
    {
        string[] values = ValueOrder.Sort(labels);
        if (values.Length < 2)
        {
            throw new Infrastructure.CliException(
                $"Label column '{column}' has only the value '{values.FirstOrDefault()}'; oversampling and training need at least two classes.");
        }

        if (values.Length > 2)
        {
            return positive is null
                ? new LabelClasses(values, IsBinary: false)
                : throw new Infrastructure.CliException(
                    $"--positive applies to a two-valued label, but column '{column}' has {values.Length} values ({string.Join(", ", values)}); leave --positive out for multiclass data.");
        }

        var counts = labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string chosen = positive ?? (counts[values[0]] < counts[values[1]] ? values[0] : values[1]);
        if (!values.Contains(chosen))
        {
            throw new Infrastructure.CliException($"--positive '{positive}' is not a value of label column '{column}' (values: {string.Join(", ", values)}).");
        }

        string negative = values.First(v => v != chosen);
        return new LabelClasses([negative, chosen], IsBinary: true);
    }
}
