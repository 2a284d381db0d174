using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Cli.Studies;

/// <summary>A dataset of a study, loaded on demand.</summary>
/// <param name="Name">The name shown in the report.</param>
/// <param name="Load">Loads the data.</param>
internal sealed record StudyDataset(string Name, Func<MLContext, TrainingData> Load);

/// <summary>Two methods compared head to head in a study's summary.</summary>
/// <param name="Challenger">The method whose wins are counted.</param>
/// <param name="Baseline">The method it is compared with.</param>
internal sealed record MethodComparison(string Challenger, string Baseline)
{
    /// <summary>Parses <c>a:b,c:d</c>.</summary>
    public static IReadOnlyList<MethodComparison> ParseList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair =>
            {
                string[] parts = pair.Split(':', StringSplitOptions.TrimEntries);
                return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
                    ? new MethodComparison(parts[0], parts[1])
                    : throw new CliException($"Comparison '{pair}' must be written challenger:baseline, e.g. deep-smote:smote.");
            }).ToList();

    /// <inheritdoc />
    public override string ToString() => $"{Challenger} vs {Baseline}";
}

/// <summary>
/// A method of a study as written on the command line: a registry name, optionally with its own options in
/// parentheses, separated by semicolons, e.g. <c>deep-smote(GenerationPairs=KNearestNeighbors;KNeighbors=7)</c>.
/// The whole text is the method's label in the report.
/// </summary>
internal sealed record MethodSpec(string Label, string Name, IReadOnlyList<string> Options)
{
    /// <summary>Parses one method.</summary>
    /// <exception cref="ArgumentException">Unbalanced parentheses.</exception>
    public static MethodSpec Parse(string text)
    {
        int open = text.IndexOf('(');
        if (open < 0)
        {
            return new MethodSpec(text, text, []);
        }

        if (!text.EndsWith(')') || open == 0)
        {
            throw new CliException($"Method '{text}' must be written name or name(key=value;key=value).");
        }

        string[] options = text[(open + 1)..^1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new MethodSpec(text, text[..open].Trim(), options);
    }
}

/// <summary>What a study runs: every method × trainer × dataset, each re-run whole for every seed.</summary>
internal sealed record StudyPlan(
    IReadOnlyList<StudyDataset> Datasets,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Trainers,
    int Seeds,
    int FirstSeed,
    int Folds,
    IReadOnlyList<string> MethodOptions,
    IReadOnlyList<MethodComparison> Comparisons,
    IReadOnlyList<MethodComparison> StabilityComparisons,
    int Jobs = 1,
    bool FixedFolds = false);
