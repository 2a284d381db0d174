using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Microsoft.ML.Oversampling.Cli.Training;

/// <summary>
/// The ML.NET trainers the tool offers by name, binary and multiclass: <c>fasttree</c> (FastTree; one-versus-all
/// FastTree for several classes), <c>logistic</c> (L-BFGS logistic regression; maximum entropy for several classes)
/// and <c>lightgbm</c> (LightGBM binary or multiclass). <c>--trainer-option key=value</c> sets a field of the trainer's
/// ML.NET options class (e.g. NumberOfTrees, NumberOfLeaves, L2Regularization).
/// </summary>
internal static class TrainerCatalog
{
    /// <summary>The default trainer.</summary>
    public const string Default = "fasttree";

    /// <summary>The trainer names.</summary>
    public static readonly IReadOnlyList<string> Names = ["fasttree", "logistic", "lightgbm"];

    /// <summary>Fails on an unknown trainer name or option, before any work.</summary>
    public static void Check(string name, IReadOnlyList<string> options)
    {
        _ = Create(new MLContext(0), name, multiclass: false, options);
        _ = Create(new MLContext(0), name, multiclass: true, options);
    }

    /// <summary>Creates trainer <paramref name="name"/> on columns Label and Features; <paramref name="seed"/> seeds
    /// LightGBM (FastTree and L-BFGS take the <paramref name="ml"/> context's seed).</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, string name, bool multiclass, IReadOnlyList<string> options, int seed = 1)
    {
        const string label = Data.TrainingData.LabelColumn, features = Data.TrainingData.FeaturesColumn;
        switch (name.ToLowerInvariant())
        {
            case "fasttree":
                var tree = Bind(new FastTreeBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features }, options, name);
                return multiclass
                    ? ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(tree), label)
                    : ml.BinaryClassification.Trainers.FastTree(tree);
            case "logistic":
                return multiclass
                    ? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                        Bind(new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }, options, name))
                    : ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                        Bind(new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1 }, options, name));
            case "lightgbm":
                return multiclass
                    ? ml.MulticlassClassification.Trainers.LightGbm(
                        Bind(new LightGbmMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, Seed = seed }, options, name))
                    : ml.BinaryClassification.Trainers.LightGbm(
                        Bind(new LightGbmBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, Seed = seed }, options, name));
            default:
                throw new Infrastructure.CliException($"Unknown trainer '{name}'. Trainers: {string.Join(", ", Names)}.");
        }
    }

    private static T Bind<T>(T options, IReadOnlyList<string> assignments, string trainer)
        where T : class
    {
        foreach (string assignment in assignments)
        {
            TrainerOptionsBinder.Set(options, assignment, trainer);
        }

        return options;
    }
}
