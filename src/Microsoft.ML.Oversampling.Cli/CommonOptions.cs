using System.CommandLine;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Options shared by several commands. <c>-o</c> is always <c>--output</c>; <c>--option</c> and <c>--trainer-option</c> have no one-letter alias.</summary>
internal static class CommonOptions
{
    public static Option<int> Seed() => new("--seed") { Description = "Seed of all randomness (same seed, same output).", DefaultValueFactory = _ => 1 };

    public static Option<FileInfo?> Input() => new("--input", "-i") { Description = "Input CSV file: header row, comma-separated; every column but the label is a numeric feature (or declared --categorical)." };

    public static Option<string> Label() => new("--label", "-l") { Description = "Name of the label column (its values may be text, e.g. yes/no, or several classes).", DefaultValueFactory = _ => "label" };

    public static Option<string?> Positive() => new("--positive") { Description = "For a two-valued label: the positive class's value (default: the minority value)." };

    public static Option<string?> Categorical() => new("--categorical") { Description = "Comma-separated names of categorical feature columns (any text values; SMOTE-NC treats them as categories)." };

    public static Option<string> Missing() => new("--missing")
    {
        Description = "What to do with a feature cell that is not a finite number (?, NA, empty, inf, text): error (default; names file, line, column, value), drop (leave the row out) or mean (replace by the column mean).",
        DefaultValueFactory = _ => "error",
    };

    public static Option<string> Method(bool includeNone) => new("--method", "-m")
    {
        Description = $"Oversampling method: {MethodFactory.Describe(includeNone)}.",
        Required = true,
    };

    public static Option<string[]> MethodOptions() => new("--option")
    {
        Description = "Option of the method as key=value, named as in the library's options classes (e.g. KNeighbors=7, Shrinkage=0.5, CategoricalFeatureNames=a,b); repeatable.",
    };

    public static Option<string> Trainer() => new("--trainer", "-t")
    {
        Description = $"Trainer: {string.Join(", ", TrainerCatalog.Names)} (multiclass data uses the multiclass form).",
        DefaultValueFactory = _ => TrainerCatalog.Default,
    };

    public static Option<string[]> TrainerOptions() => new("--trainer-option") { Description = "Field of the trainer's ML.NET options as key=value (e.g. NumberOfTrees=50); repeatable." };

    public static Option<string?> Dataset() => new("--dataset", "-d")
    {
        Description = $"Embedded dataset to use instead of --input ({string.Join(", ", EmbeddedDatasets.All.Select(d => d.Name))}).",
    };

    public static Option<FileInfo> Output(string description, bool required = true) => new("--output", "-o") { Description = description, Required = required };

    /// <summary>The categorical column names: those of <c>--categorical</c> and of <c>--option CategoricalFeatureNames=…</c>.</summary>
    public static IReadOnlyList<string> CategoricalNames(string? flag, IEnumerable<string>? methodOptions = null)
    {
        var names = new List<string>(flag is null ? [] : Split(flag));
        foreach (string option in methodOptions ?? [])
        {
            int eq = option.IndexOf('=');
            if (eq > 0 && string.Equals(option[..eq].Trim(), MethodFactory.CategoricalNamesOption, StringComparison.OrdinalIgnoreCase))
            {
                names.AddRange(Split(option[(eq + 1)..]));
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Parses <c>--missing</c>.</summary>
    public static MissingValuePolicy ParseMissing(string text) => text.ToLowerInvariant() switch
    {
        "error" => MissingValuePolicy.Error,
        "drop" => MissingValuePolicy.Drop,
        "mean" => MissingValuePolicy.Mean,
        _ => throw new CliException($"--missing '{text}' is not one of error, drop, mean."),
    };

    /// <summary>Splits a comma-separated list.</summary>
    public static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
