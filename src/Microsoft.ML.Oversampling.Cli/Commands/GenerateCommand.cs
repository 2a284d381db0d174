using System.CommandLine;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Cli.Commands;

/// <summary>
/// <c>oversample generate</c>: draws more synthetic rows from the trained generator saved in a model (a pipeline trained
/// with deep-smote, da-smote or gan), in the original feature units, with the feature names the model was trained on.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var modelFile = new Option<FileInfo>("--model") { Description = "The model zip written by 'oversample train' with a deep method.", Required = true };
        var count = new Option<int>("--count", "-n") { Description = "Rows to generate.", Required = true };
        var label = new Option<int?>("--class") { Description = "The class to generate when the sampler grew several (default: the only one)." };
        var seed = CommonOptions.Seed();
        var outputFile = new Option<FileInfo>("--output") { Description = "Where to write the generated rows (CSV).", Required = true };

        var command = new Command("generate",
            "Generate synthetic rows with the generator saved in a model trained with deep-smote, da-smote or gan. With the training seed, the rows repeat those the training added.")
        {
            modelFile, count, label, seed, outputFile,
        };
        CliAction.Set(command, error, parse =>
        {
            int rows = parse.GetValue(count);
            ArgumentOutOfRangeException.ThrowIfNegative(rows, "--count");
            var ctx = new OversamplingContext(parse.GetValue(seed));
            string modelPath = parse.GetValue(modelFile)!.FullName;
            ITransformer model = ctx.Model.Load(modelPath, out ModelInputSchema? schema);
            OversamplingTransformer step = FindGenerativeStep(model)
                ?? throw new InvalidDataException($"Model '{modelPath}' has no trained generator: train it with --method deep-smote, da-smote or gan.");
            SyntheticDataGenerator generator = step.Generator!;
            int target = parse.GetValue(label) ?? (generator.Classes.Count == 1
                ? generator.Classes[0]
                : throw new ArgumentException($"The model has generators for classes {string.Join(", ", generator.Classes)}; choose one with --class."));
            DenseMatrix generated = generator.Generate(target, rows, parse.GetValue(seed));

            var columns = new List<DataColumn>();
            for (int j = 0; j < generated.Columns; j++)
            {
                string name = schema?.FeatureNames?[j] ?? $"f{j}";
                columns.Add(new ScalarColumn<float>(name, Enumerable.Range(0, generated.Rows).Select(i => generated[i, j])));
            }

            columns.Add(new ScalarColumn<int>(schema?.LabelColumnName ?? "label", Enumerable.Repeat(target, generated.Rows)));
            string outputPath = parse.GetValue(outputFile)!.FullName;
            ctx.Data.SaveAsCsv(new DataView(columns), outputPath);
            output.WriteLine($"generated {rows} rows of class {target} with the {step.Sampler.Name} generator of {modelPath}");
            output.WriteLine($"wrote {outputPath}");
            return 0;
        });
        return command;
    }

    private static OversamplingTransformer? FindGenerativeStep(ITransformer model) => model switch
    {
        OversamplingTransformer { Generator: not null } step => step,
        ITransformerChain chain => chain.Transformers.Select(FindGenerativeStep).FirstOrDefault(s => s is not null),
        _ => null,
    };
}
