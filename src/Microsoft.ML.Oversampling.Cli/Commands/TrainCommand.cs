using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Cli.Training;

namespace Microsoft.ML.Oversampling.Cli.Commands;

// Inside Microsoft.ML.*, a bare Command would be ML.NET\'s Microsoft.ML.Command namespace.
using Command = System.CommandLine.Command;

/// <summary>
/// <c>oversample train</c>: fits featurize → NormalizeMinMax → method → trainer on every row of a CSV file and saves
/// an ML.NET model zip (<c>mlContext.Model.Save</c>; it loads with plain ML.NET, and takes the feature columns by name).
/// </summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        input.Required = true;
        var label = CommonOptions.Label();
        var positive = CommonOptions.Positive();
        var categorical = CommonOptions.Categorical();
        var missing = CommonOptions.Missing();
        var method = CommonOptions.Method(includeNone: true);
        var trainer = CommonOptions.Trainer();
        var modelFile = new Option<FileInfo>("--model") { Description = "Where to save the ML.NET model zip (replaced atomically; not the input file).", Required = true };
        var seed = CommonOptions.Seed();
        var methodOptions = CommonOptions.MethodOptions();
        var trainerOptions = CommonOptions.TrainerOptions();

        var command = new Command("train", "Fit min-max normalization, the method and the trainer on all rows of a CSV file and save the ML.NET model zip.")
        {
            input, label, positive, categorical, missing, method, trainer, modelFile, seed, methodOptions, trainerOptions,
        };
        CliAction.Set(command, error, parse =>
        {
            string inputPath = parse.GetValue(input)!.FullName;
            string modelPath = OutputFiles.Check(parse.GetValue(modelFile)!.FullName, "--model", (inputPath, "--input"));
            int seedValue = parse.GetValue(seed);
            string methodName = parse.GetValue(method)!, trainerName = parse.GetValue(trainer)!;
            string[] samplerOptions = parse.GetValue(methodOptions) ?? [], trainOptions = parse.GetValue(trainerOptions) ?? [];
            TrainerCatalog.Check(trainerName, trainOptions);
            var ml = new MLContext(seedValue);
            var cats = CommonOptions.CategoricalNames(parse.GetValue(categorical), parse.GetValue(methodOptions));
            InputData loaded = InputData.FromFile(ml, inputPath, parse.GetValue(label)!, parse.GetValue(positive), cats, CommonOptions.ParseMissing(parse.GetValue(missing)!));
            if (MethodFactory.IsNone(methodName) && samplerOptions.Length > 0)
            {
                throw new CliException($"--option {samplerOptions[0]} was given, but method 'none' takes no options.");
            }

            IReadOnlyList<string> assignments = MethodFactory.IsNone(methodName) ? [] : MethodFactory.Assignments(methodName, samplerOptions, seedValue, cats);
            IEstimator<ITransformer> pipeline = PipelineFactory.Build(ml, loaded.Data, methodName, assignments, trainerName, trainOptions, seedValue);
            output.WriteLine($"data {loaded.Describe()}; method {methodName}; trainer {trainerName}{(loaded.Data.IsMulticlass ? " (multiclass)" : string.Empty)}; seed {seedValue}");

            var stopwatch = Stopwatch.StartNew();
            ITransformer model = CliProgress.RunOne(error, $"training {methodName} + {trainerName}", () => ClassNames.Translate(loaded.Data.Classes, () => pipeline.Fit(loaded.Data.Data)));
            double seconds = stopwatch.Elapsed.TotalSeconds;
            if (ClassCountsTable.Find(model) is { } fittedSampler)
            {
                ClassCountsTable.Write(output, fittedSampler, loaded.Data.Classes);
            }

            OutputFiles.Write(modelPath, stream => ml.Model.Save(model, loaded.Data.ModelInput, stream));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_seconds={seconds:F6}"));
            output.WriteLine($"saved model to {modelPath}");
            return 0;
        });
        return command;
    }
}
