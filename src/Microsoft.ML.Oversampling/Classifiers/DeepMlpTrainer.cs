using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.MLNet.DataViews;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using Microsoft.ML.Trainers;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A deep classifier: an MLP, or for images a small CNN (<see cref="DeepMlpOptions.Backbone"/>), trained with Adam or
/// SGD on TorchSharp, as an ML.NET
/// binary trainer (Boolean label) or multiclass trainer (key label). Create it with
/// <c>mlContext.BinaryClassification.Trainers.DeepMlp(…)</c> or <c>mlContext.MulticlassClassification.Trainers.DeepMlp(…)</c>.
/// The fitted <see cref="DeepMlpTransformer"/> outputs ML.NET's <c>Score</c>, <c>Probability</c> (binary) and
/// <c>PredictedLabel</c> columns, so the catalogs' <c>Evaluate</c> and cross-validation work on it unchanged.
/// </summary>
public sealed class DeepMlpTrainer : ITrainerEstimator<DeepMlpTransformer, DeepMlpModel>
{
    private readonly DeepMlpOptions _options;
    private readonly bool _binary;
    private readonly ITrainingBatchHook? _hook;

    internal DeepMlpTrainer(DeepMlpOptions options, bool binary, ITrainingBatchHook? hook = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        _binary = binary;
        _hook = hook;
    }

    /// <summary>A copy of the trainer's options.</summary>
    public DeepMlpOptions Options => _options.Clone();

    /// <summary>Wants normalised features and no caching (it reads the data once). <see cref="TrainerInfo"/>'s constructor
    /// is internal to ML.NET, so this is the info of ML.NET's LdSvm trainer, which has the same two public flags.</summary>
    public TrainerInfo Info { get; } = new MLContext(seed: 0).BinaryClassification.Trainers.LdSvm().Info;

    /// <summary>Trains the network on <paramref name="input"/> and returns the fitted scorer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type (the message is ML.NET's).</exception>
    /// <exception cref="ArgumentException">No rows, a non-finite feature value (row and slot named), fewer than two
    /// classes, or (small CNN) a feature column whose size is not the <see cref="DeepMlpOptions.ImageShape"/>'s pixel count.</exception>
    public DeepMlpTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        TrainingColumns columns = Columns(input.Schema);
        _options.CheckFeatureCount(columns.FeatureCount, columns.Features.Name);
        ClassRows train = Read(input, columns, out int classes);
        int present = train.Classes.Distinct().Count();
        if (present < 2)
        {
            throw new ArgumentException(
                $"The training data has {(present == 0 ? "no class" : $"only one class ({Describe(train.Classes[0])})")} in label column '{columns.Label.Name}'; a classifier needs rows of at least two classes.",
                nameof(input));
        }

        ClassRows? validation = null;
        if (_options.ValidationSet is { } validationSet)
        {
            TrainingColumns validationColumns = Columns(validationSet.Schema);
            if (validationColumns.FeatureCount != columns.FeatureCount)
            {
                throw new ArgumentException(
                    $"The validation set's feature column has {validationColumns.FeatureCount} values per row; the training data's has {columns.FeatureCount}.",
                    nameof(input));
            }

            validation = Read(validationSet, validationColumns, out int validationClasses);
            if (validationClasses != classes)
            {
                throw new ArgumentException(
                    $"The validation set's label has {validationClasses} classes; the training data's has {classes}.", nameof(input));
            }
        }

        int seed = _options.Seed ?? Random.Shared.Next();
        var random = new DeterministicRandom(seed);
        Device device = TorchDevice.Select(_options.GpuDeviceId, _options.FallbackToCpu);
        DenseLayer[] layers;
        ConvolutionStack? convolutions;
        TrainingHistory history;
        using (FlatModule network = DeepMlpNetwork.Create(_options, columns.FeatureCount, classes, random.Fork(), device))
        {
            // The hook of the options' imbalance strategy, unless the trainer was built with one.
            ITrainingBatchHook hook = _hook ?? TrainingHookFactory.Create(_options.Imbalance, train, classes, _options.MaxEpoch, device);
            try
            {
                history = ClassifierTraining.Train(network, train, validation, classes, _options, hook, random.Fork(), device);
            }
            finally
            {
                if (_hook is null)
                {
                    (hook as IDisposable)?.Dispose();
                }
            }

            (convolutions, layers) = DeepMlpNetwork.Layers(network, columns.FeatureCount, _options.HiddenLayerSizes, classes);
        }

        byte[] onnx = DeepMlpNetwork.Export(convolutions, layers, columns.Features.Name);
        var model = new DeepMlpModel(layers, classes, seed, history, onnx, convolutions);
        string modelPath = DeepMlpTransformer.NewModelPath();
        try
        {
            ITransformer scorer = DeepMlpScorer.Build(onnx, modelPath, columns.Features.Name, classes, _binary ? null : ClassNames(columns.Label, classes), input);
            return new DeepMlpTransformer(model, columns.Features.Name, scorer, modelPath);
        }
        catch
        {
            File.Delete(modelPath);
            throw;
        }
    }

    /// <summary>
    /// The input columns plus <c>Score</c>, <c>Probability</c> (binary) and <c>PredictedLabel</c>, shaped as ML.NET's own
    /// trainers shape them: a third party cannot build schema-shape columns (their constructors are internal), so the
    /// shape is that of ML.NET's LdSvm (binary, calibrated) or L-BFGS maximum entropy (multiclass) for the same columns.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type (the message is ML.NET's).</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        TrainingColumns.Check(inputSchema, _options.LabelColumnName, _options.FeatureColumnName);
        SchemaShape.Column label = inputSchema.First(c => c.Name == _options.LabelColumnName);
        CheckLabelKind(_options.LabelColumnName, label.ItemType is BooleanDataViewType, label.IsKey ? "Key<UInt32>" : label.ItemType.RawType.Name);
        var ml = new MLContext(seed: 0);
        return _binary
            ? ml.BinaryClassification.Trainers.LdSvm(_options.LabelColumnName, _options.FeatureColumnName).GetOutputSchema(inputSchema)
            : ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(_options.LabelColumnName, _options.FeatureColumnName).GetOutputSchema(inputSchema);
    }

    private TrainingColumns Columns(DataViewSchema schema)
    {
        TrainingColumns columns = TrainingColumns.Resolve(schema, _options.LabelColumnName, _options.FeatureColumnName);
        CheckLabelKind(columns.Label.Name, columns.Label.Type is BooleanDataViewType, columns.Label.Type is KeyDataViewType ? "Key<UInt32>" : columns.Label.Type.RawType.Name);
        return columns;
    }

    private void CheckLabelKind(string name, bool isBoolean, string actual)
    {
        if (isBoolean != _binary)
        {
            throw new ArgumentOutOfRangeException(
                "inputSchema",
                _binary
                    ? $"Schema mismatch for label column '{name}': expected Boolean, got {actual} (a key label is for the multiclass DeepMlp trainer)"
                    : $"Schema mismatch for label column '{name}': expected a key type, got {actual} (a Boolean label is for the binary DeepMlp trainer; or map values to keys with MapValueToKey)");
        }
    }

    private ClassRows Read(IDataView data, TrainingColumns columns, out int classes)
    {
        var (features, labels) = TrainingDataReader.Read(data, columns, "the deep classifier needs");
        if (_binary)
        {
            classes = 2;
            return new ClassRows(features, labels);
        }

        ulong keyCount = ((KeyDataViewType)columns.Label.Type).Count;
        if (keyCount is < 2 or > 1 << 16)
        {
            throw new ArgumentOutOfRangeException(
                "inputSchema", $"Label column '{columns.Label.Name}' is a key of {keyCount} values; the multiclass DeepMlp trainer needs 2 to 65,536 classes.");
        }

        classes = (int)keyCount;
        return new ClassRows(features, [.. labels.Select(k => k - 1)]);
    }

    /// <summary>The label's key values as text, when it has distinct ones for every class.</summary>
    private static string[]? ClassNames(DataViewSchema.Column label, int classes)
    {
        if (label.Annotations.Schema.GetColumnOrNull("KeyValues") is not { Type: VectorDataViewType { ItemType: TextDataViewType, Size: var size } } || size != classes)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> values = default;
        label.GetKeyValues(ref values);
        string[] names = [.. values.DenseValues().Select(v => v.ToString())];
        return names.Distinct().Count() == names.Length ? names : null;
    }

    private string Describe(int cls) => _binary ? (cls == 1 ? "true" : "false") : $"key {cls + 1}";
}
