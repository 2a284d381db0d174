using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Cli.Training;

/// <summary>
/// Saving and reading trained generators for <c>generate --save-generator</c> and <c>generate --generator</c>: the file
/// records the CSV's feature column names and the user's label values, so generated rows can be written without the
/// data. (A model trained by <c>train</c> learns its sampler on min–max scaled features, so its generator would not
/// speak the file's units: generators are saved from <c>generate</c>, which trains on the raw columns.)
/// </summary>
internal static class GeneratorFiles
{
    /// <summary>Saves the generator of a fitted deep sampler, described with the CSV's label values.</summary>
    public static void Save(OversamplingTransformer fitted, LabelClasses classes, string path)
    {
        SyntheticDataGenerator generator = fitted.Generator
            ?? throw new CliException($"--save-generator: method '{fitted.Sampler.Name}' learned no generator.");
        var names = generator.Classes.ToDictionary(label => label, classes.Text);
        generator.WithColumns(generator.Columns with { ClassNames = names }).Save(path);
    }

    /// <summary>Reads a generator file, turning the library's file errors into the command line's one-line errors.</summary>
    public static SyntheticDataGenerator Load(string path)
    {
        try
        {
            return SyntheticDataGenerator.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--generator: {e.Message}");
        }
    }
}
