using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Pipeline.Training;

/// <summary>
/// Base of binary trainers in pipelines: reads and checks the feature and label columns once, then calls the
/// algorithm on a dense matrix and booleans. Trainers implement only <see cref="TrainModel"/>.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
public abstract class BinaryTrainerEstimator<TModel> : IEstimator<BinaryPredictionTransformer<TModel>>
    where TModel : class, IBinaryModel
{
    /// <summary>Sets the options.</summary>
    protected BinaryTrainerEstimator(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainerOptions = options;
    }

    /// <summary>The options shared by every trainer (column names).</summary>
    public TrainerOptions TrainerOptions { get; }

    /// <summary>The trainer's short name, as used on the command line (e.g. <c>logistic</c>).</summary>
    public abstract string Name { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    /// <exception cref="ArgumentException">Empty data, a single class, or non-finite features.</exception>
    public BinaryPredictionTransformer<TModel> Fit(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Schema.Require("feature", TrainerOptions.FeatureColumnName, t => t.Kind == ColumnKind.Vector, "a vector of Single");
        bool[] labels = LabelColumns.ReadBinary(input, TrainerOptions.LabelColumnName);
        if (input.RowCount == 0)
        {
            throw new ArgumentException("Cannot train on an empty table.", nameof(input));
        }

        int positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Length)
        {
            throw new ArgumentException(
                $"Label column '{TrainerOptions.LabelColumnName}' holds a single class ({(positives == 0 ? "all false" : "all true")} in {labels.Length} rows); a binary classifier needs both.",
                nameof(input));
        }

        DenseMatrix features = input.GetFeatureMatrix(TrainerOptions.FeatureColumnName);
        return new BinaryPredictionTransformer<TModel>(TrainModel(features, labels), TrainerOptions.FeatureColumnName);
    }

    /// <summary>Trains the model on validated data.</summary>
    protected abstract TModel TrainModel(DenseMatrix features, bool[] labels);
}
