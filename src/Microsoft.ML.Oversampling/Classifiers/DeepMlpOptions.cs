namespace Microsoft.ML.Oversampling;

/// <summary>
/// Options of the deep MLP classifier (<c>mlContext.BinaryClassification.Trainers.DeepMlp</c> and
/// <c>mlContext.MulticlassClassification.Trainers.DeepMlp</c>). The defaults are those of <c>papers.md</c> §3.4
/// (one hidden layer of 64 ReLU units, Adam with learning rate 1e-3, 200 epochs); the ones marked [PROP] are this
/// library's choices where the sources say nothing. Names follow Microsoft.ML.TorchSharp where the concept is the same.
/// </summary>
/// <remarks>The network does not scale its inputs: normalise the features first (e.g. <c>NormalizeMinMax</c>), as
/// the §3.5 protocol does.</remarks>
public sealed class DeepMlpOptions
{
    /// <summary>The label column: Boolean for the binary trainer, a key type for the multiclass trainer. Default <c>Label</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>The feature column, a known-size vector of Single. Default <c>Features</c>.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>The network: the MLP of <see cref="HiddenLayerSizes"/> (the default), or for images the small CNN of
    /// <see cref="DeepBackbone.SmallCnn"/> on rows of <see cref="ImageShape"/> pixels. Every imbalance strategy works
    /// with both (they mix flat rows; the CNN reshapes them). Both save to an ML.NET zip through ONNX alike.</summary>
    public DeepBackbone Backbone { get; set; } = DeepBackbone.Mlp;

    /// <summary>How a feature vector's values lay out as an image, for <see cref="DeepBackbone.SmallCnn"/> (the MLP
    /// ignores it): <c>Channels · Height · Width</c> must equal the feature column's size, else <c>Fit</c> throws an
    /// <see cref="ArgumentException"/> naming both. Default 1 × 28 × 28 (MNIST and Fashion-MNIST).</summary>
    public ImageShape ImageShape { get; set; } = new(1, 28, 28);

    /// <summary>Hidden layer widths of the <see cref="DeepBackbone.Mlp"/>, input side first, each followed by a ReLU.
    /// Default <c>[64]</c> (§3.4: the AxelSMOTE harness's one hidden layer of 64 units).</summary>
    public IReadOnlyList<int> HiddenLayerSizes { get; set; } = [64];

    /// <summary>Probability of zeroing a hidden unit while training (inverted dropout, seeded masks). Default 0 [PROP]: none.</summary>
    public double Dropout { get; set; }

    /// <summary>L2 weight decay added to the gradients, as PyTorch's <c>Adam(weight_decay=…)</c>. Default 0 [PROP], PyTorch's default.</summary>
    public double WeightDecay { get; set; }

    /// <summary>Rows per mini-batch (the last batch of an epoch may be smaller). Default 128 [PROP]: §3.4 names none for
    /// the proposed learning rate (the harness's 500–5000 goes with its learning rate of 0.05).</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Training epochs (passes over the shuffled training rows). Default 200 (§3.4).</summary>
    public int MaxEpoch { get; set; } = 200;

    /// <summary>Adam's learning rate. Default 1e-3 (§3.4; 0.05 is the "paper-like" harness value).</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>
    /// Held-out rows for early stopping (same label and feature columns): after each epoch the mean cross-entropy on
    /// them is measured; training stops after <see cref="EarlyStoppingPatience"/> epochs without a new best, and the best
    /// epoch's weights are kept. Default <c>null</c>: train <see cref="MaxEpoch"/> epochs and keep the last weights.
    /// </summary>
    public IDataView? ValidationSet { get; set; }

    /// <summary>Epochs without a better validation loss before stopping (with a <see cref="ValidationSet"/>). Default 20 [PROP].</summary>
    public int EarlyStoppingPatience { get; set; } = 20;

    /// <summary>Seeds the initial weights, the shuffles and the dropout masks: the same seed and data give the same
    /// model bits on a device type. Default <c>null</c>: each fit draws a seed, reported in <see cref="DeepMlpModel.Seed"/>.</summary>
    public int? Seed { get; set; }

    /// <summary>The CUDA device to train on, or <c>null</c> (the default) for the CPU (ML.NET's <c>MLContext.GpuDeviceId</c>
    /// convention; a catalog cannot read its context's value, so set it here). Honoured with a CUDA LibTorch package.
    /// Scoring always runs in ONNX Runtime on the CPU.</summary>
    public int? GpuDeviceId { get; set; }

    /// <summary>When <see cref="GpuDeviceId"/> is set but CUDA is unavailable: train on the CPU (<c>true</c>, the default,
    /// as for the deep oversamplers) or fail with an <see cref="InvalidOperationException"/> (<c>false</c>).</summary>
    public bool FallbackToCpu { get; set; } = true;

    /// <summary>The optimiser. Default <see cref="DeepOptimizer.Adam"/> (§3.4); <see cref="DeepOptimizer.Sgd"/> with
    /// <see cref="Momentum"/> is the imbalanced-DL recipe (papers.md §4.7).</summary>
    public DeepOptimizer Optimizer { get; set; } = DeepOptimizer.Adam;

    /// <summary>The momentum of <see cref="DeepOptimizer.Sgd"/>. Default 0.9 (§4.7).</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary>How the learning rate changes over the epochs. Default <see cref="DeepLearningRateSchedule.Constant"/>.</summary>
    public DeepLearningRateSchedule LearningRateSchedule { get; set; } = DeepLearningRateSchedule.Constant;

    /// <summary>The class-imbalance strategy of the training loop (Mixup, MAMix, DRW, …). Default: plain ERM.</summary>
    public DeepImbalanceOptions Imbalance { get; set; } = new();

    /// <summary>Called after every epoch with the 0-based epoch and the network in evaluation mode (studies record
    /// per-epoch test accuracy with it); not copied into a saved model.</summary>
    internal Action<int, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>>? AfterEpoch { get; set; }

    /// <summary>A copy (the trainer keeps its own, so later changes by the caller do not affect it).</summary>
    internal DeepMlpOptions Clone()
    {
        var copy = (DeepMlpOptions)MemberwiseClone();
        copy.HiddenLayerSizes = [.. HiddenLayerSizes];
        copy.Imbalance = Imbalance?.Clone()!;
        return copy;
    }

    /// <summary>Refuses a feature column of <paramref name="featureCount"/> values that the backbone cannot read (the
    /// CNN's <see cref="ImageShape"/> must hold exactly that many pixels), naming both numbers.</summary>
    internal void CheckFeatureCount(int featureCount, string columnName)
    {
        if (Backbone == DeepBackbone.SmallCnn && ImageShape.FeatureCount != featureCount)
        {
            throw new ArgumentException(
                $"The feature column '{columnName}' has {featureCount} values per row, but the small CNN's ImageShape {ImageShape} needs "
                + $"{ImageShape.FeatureCount} (channels × height × width); set DeepMlpOptions.ImageShape to the images' layout.",
                "input");
        }
    }

    /// <summary>Refuses values no fit can use, naming the option.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(FeatureColumnName, nameof(FeatureColumnName));
        if (!Enum.IsDefined(Backbone))
        {
            throw new ArgumentOutOfRangeException(nameof(Backbone), Backbone, "Unknown backbone.");
        }

        if (Backbone == DeepBackbone.SmallCnn && (ImageShape.Channels < 1 || ImageShape.Height < 4 || ImageShape.Width < 4))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ImageShape), ImageShape, "The small CNN needs an image of at least 1 channel and 4 × 4 pixels (it pools twice by 2).");
        }

        ArgumentNullException.ThrowIfNull(HiddenLayerSizes, nameof(HiddenLayerSizes));
        foreach (int size in HiddenLayerSizes)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(HiddenLayerSizes));
        }

        if (!(Dropout is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout is a probability in [0, 1).");
        }

        if (!(WeightDecay >= 0 && double.IsFinite(WeightDecay)))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay is a finite value of at least 0.");
        }

        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate is a finite value above 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEpoch, 1, nameof(MaxEpoch));
        ArgumentOutOfRangeException.ThrowIfLessThan(EarlyStoppingPatience, 1, nameof(EarlyStoppingPatience));
        if (!Enum.IsDefined(Optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Unknown optimiser.");
        }

        if (!(Momentum is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum is in [0, 1).");
        }

        if (!Enum.IsDefined(LearningRateSchedule))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRateSchedule), LearningRateSchedule, "Unknown learning-rate schedule.");
        }

        ArgumentNullException.ThrowIfNull(Imbalance, nameof(Imbalance));
        Imbalance.Validate(MaxEpoch);
        if (GpuDeviceId is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GpuDeviceId), GpuDeviceId, "GpuDeviceId must be null (CPU) or a CUDA device index ≥ 0.");
        }
    }
}
