using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Pipeline;
using Spectre.Console;

namespace Microsoft.ML.Oversampling.Cli.Commands;

/// <summary><c>oversample train</c>: fits normalize → method → trainer on every row of a CSV file and saves the model zip.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        input.Required = true;
        var label = CommonOptions.Label();
        var positive = CommonOptions.PositiveLabel();
        var method = CommonOptions.Method(includeNone: true);
        var trainer = CommonOptions.Trainer();
        var modelFile = new Option<FileInfo>("--model") { Description = "Where to save the fitted model (a zip; replaced atomically).", Required = true };
        var seed = CommonOptions.Seed();
        var methodOptions = CommonOptions.ComponentOptions();
        var trainerOptions = CommonOptions.TrainerOptions();

        var command = new Command("train", "Fit mean-variance normalization, the method and the trainer on all rows of a CSV file and save the model as a zip.")
        {
            input, label, positive, method, trainer, modelFile, seed, methodOptions, trainerOptions,
        };
        CliAction.Set(command, error, parse =>
        {
            int seedValue = parse.GetValue(seed);
            var ctx = new OversamplingContext(seedValue);
            string labelName = parse.GetValue(label)!, methodName = parse.GetValue(method)!, trainerName = parse.GetValue(trainer)!;
            var (data, dataName) = CommonOptions.LoadData(ctx, parse.GetValue(input), labelName, parse.GetValue(positive), null, allowDefault: false);

            IEstimator<ITransformer> normalize = ctx.Transforms.NormalizeMeanVariance();
            string[] samplerOptions = parse.GetValue(methodOptions) ?? [];
            bool noSampler = string.Equals(methodName, ComponentRegistry.NoSampler, StringComparison.OrdinalIgnoreCase);
            if (noSampler && samplerOptions.Length > 0)
            {
                throw new ArgumentException($"--option {samplerOptions[0]} was given, but method '{ComponentRegistry.NoSampler}' takes no options.");
            }

            OversamplingEstimator? sampler = noSampler ? null : ComponentRegistry.CreateSampler(ctx, methodName, samplerOptions);
            IEstimator<ITransformer> classifier = ComponentRegistry.CreateTrainer(ctx, trainerName, parse.GetValue(trainerOptions) ?? []);
            EstimatorChain<ITransformer> pipeline = sampler is null ? normalize.Append(classifier) : normalize.Append(sampler).Append(classifier);
            VectorColumn features = data.GetVectorColumn("Features");
            output.WriteLine($"data {dataName}: {data.RowCount} rows, {features.Size} features, label '{labelName}'; method {methodName}; trainer {trainerName}; seed {seedValue}");

            var stopwatch = Stopwatch.StartNew();
            TransformerChain<ITransformer> model = pipeline.Fit(data);
            double seconds = stopwatch.Elapsed.TotalSeconds;

            if (model.Transformers.OfType<OversamplingTransformer>().FirstOrDefault() is { } fittedSampler)
            {
                ClassCountsTable.Write(output, fittedSampler);
            }

            string path = parse.GetValue(modelFile)!.FullName;
            ctx.Model.Save(model, new ModelInputSchema("Features", features.Size, features.SlotNames, labelName), path);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_seconds={seconds:F6}"));
            output.WriteLine($"saved model to {path}");
            return 0;
        });
        return command;
    }
}
