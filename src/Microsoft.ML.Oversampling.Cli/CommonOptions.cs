using System.CommandLine;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<int> Seed() => new("--seed") { Description = "Seed of all randomness (same seed, same output).", DefaultValueFactory = _ => 1 };

    public static Option<FileInfo?> Input() => new("--input", "-i") { Description = "Input CSV file (header row, numeric features)." };

    public static Option<string> Label() => new("--label", "-l") { Description = "Name of the label column in the input file.", DefaultValueFactory = _ => "label" };

    public static Option<string> Method(bool includeNone) => new("--method", "-m")
    {
        Description = "Oversampling method: " + string.Join(", ", (includeNone ? [ComponentRegistry.NoSampler] : Array.Empty<string>()).Concat(ComponentRegistry.Samplers.Select(s => s.Name))) + ".",
        Required = true,
    };

    public static Option<string?> PositiveLabel() => new("--positive") { Description = "For a two-valued text label: the value of the positive (minority) class." };

    public static Option<string?> Dataset() => new("--dataset", "-d")
    {
        Description = $"Embedded dataset to use instead of --input ({string.Join(", ", EmbeddedDatasets.All.Select(d => d.Name))}).",
    };

    public static Option<string[]> ComponentOptions() => new("--option", "-o")
    {
        Description = "Option of the method or trainer as key=value (e.g. k=7, shrinkage=0.5, L2Regularization=0.1); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> Trainer() => new("--trainer", "-t")
    {
        Description = $"Trainer: {string.Join(", ", ComponentRegistry.Trainers.Select(t => t.Name))}.",
        DefaultValueFactory = _ => "logistic",
    };

    public static Option<string[]> TrainerOptions() => new("--trainer-option") { Description = "Trainer option as key=value; repeatable." };

    /// <summary>Loads --input (with --label) or --dataset, or the default embedded dataset when neither is given.</summary>
    public static (DataView Data, string Name) LoadData(OversamplingContext ctx, FileInfo? input, string label, string? positive, string? dataset, bool allowDefault)
    {
        if (input is not null && dataset is not null)
        {
            throw new ArgumentException("Give either --input or --dataset, not both.");
        }

        if (input is not null)
        {
            var options = new CsvLoadOptions { LabelColumnName = label, PositiveLabel = positive };
            return (ctx.Data.LoadFromCsv(input.FullName, options), Path.GetFileNameWithoutExtension(input.Name));
        }

        if (dataset is null && !allowDefault)
        {
            throw new ArgumentException("Give the data with --input FILE.csv --label COLUMN (or --dataset NAME).");
        }

        string name = dataset ?? EmbeddedDatasets.DefaultName;
        return (ctx.Data.LoadEmbedded(name), name);
    }
}
