using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Pipeline;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Commands;

/// <summary><c>oversample resample</c>: rebalances a CSV file with one method and writes the result.</summary>
internal static class ResampleCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        input.Required = true;
        var label = CommonOptions.Label();
        var positive = CommonOptions.PositiveLabel();
        var method = CommonOptions.Method(includeNone: false);
        var strategy = new Option<string?>("--strategy", "-s") { Description = "Sampling strategy: auto, minority, not minority, all, a ratio in (0,1], or class:total pairs." };
        var k = new Option<int?>("--k") { Description = "Number of nearest neighbours, for methods that use them." };
        var seed = CommonOptions.Seed();
        var options = CommonOptions.ComponentOptions();
        var outputFile = new Option<FileInfo>("--output") { Description = "Where to write the rebalanced CSV.", Required = true };

        var command = new Command("resample", "Rebalance a CSV file: original rows first, unchanged and in order, then synthetic rows.")
        {
            input, label, positive, method, strategy, k, seed, options, outputFile,
        };
        CliAction.Set(command, error, parse =>
        {
            var ctx = new OversamplingContext(parse.GetValue(seed));
            var (data, _) = CommonOptions.LoadData(ctx, parse.GetValue(input), parse.GetValue(label)!, parse.GetValue(positive), null, allowDefault: false);
            var assignments = new List<string>(parse.GetValue(options) ?? []);
            if (parse.GetValue(strategy) is { } s)
            {
                assignments.Add($"SamplingStrategy={s}");
            }

            if (parse.GetValue(k) is int kValue)
            {
                assignments.Add(string.Create(CultureInfo.InvariantCulture, $"{NeighbourCountOption(parse.GetValue(method)!)}={kValue}"));
            }

            OversamplingEstimator sampler = ComponentRegistry.CreateSampler(ctx, parse.GetValue(method)!, assignments);
            var stopwatch = Stopwatch.StartNew();
            OversamplingTransformer fitted = sampler.Fit(data);
            double seconds = stopwatch.Elapsed.TotalSeconds;

            ClassCountsTable.Write(output, fitted);
            SaveInInputLayout(ctx, fitted.ResampledData!, parse.GetValue(label)!, parse.GetValue(outputFile)!.FullName);
            output.WriteLine($"wrote {fitted.ResampledData!.RowCount} rows to {parse.GetValue(outputFile)!.FullName}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resample_seconds={seconds:F6}"));
            return 0;
        });
        return command;
    }

    /// <summary>The option that holds a method's neighbour count (imbalanced-learn's k_neighbors, or n_neighbors for ADASYN).</summary>
    private static string NeighbourCountOption(string method)
    {
        Type optionsType = ComponentRegistry.Sampler(method).CreateOptions().GetType();
        return OptionsBinder.SettableProperties(optionsType).Select(p => p.Name).FirstOrDefault(n => n is "KNeighbors" or "NNeighbors")
            ?? throw new ArgumentException($"Method '{method}' has no neighbour count; --k does not apply.");
    }

    /// <summary>Writes features first and the label last under its original name, as the input files are laid out.</summary>
    private static void SaveInInputLayout(OversamplingContext ctx, DataView data, string labelName, string path)
    {
        var columns = data.Columns.Where(c => c.Name != "Label").Append(data.GetColumn("Label").Rename(labelName));
        ctx.Data.SaveAsCsv(new DataView(columns), path);
    }
}
