using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Onnx;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// A trained deep MLP classifier: its architecture, its training record, and the ONNX graph it scores with
/// (<see cref="ToOnnx"/>), which is also what a saved ML.NET model zip holds.
/// </summary>
public sealed class DeepMlpModel
{
    private readonly byte[] _onnx;

    internal DeepMlpModel(IReadOnlyList<DenseLayer> layers, int classCount, int seed, TrainingHistory history, byte[] onnx, ConvolutionStack? convolutions = null)
    {
        Layers = layers;
        Convolutions = convolutions;
        ClassCount = classCount;
        Seed = seed;
        TrainingLoss = history.TrainingLoss;
        ValidationLoss = history.ValidationLoss;
        BestEpoch = history.BestEpoch;
        _onnx = onnx;
    }

    /// <summary>Input width.</summary>
    public int FeatureCount => Convolutions is { } c ? (int)c.Shape.FeatureCount : Layers[0].Inputs;

    /// <summary>The network: <see cref="DeepBackbone.Mlp"/> or <see cref="DeepBackbone.SmallCnn"/>.</summary>
    public DeepBackbone Backbone => Convolutions is null ? DeepBackbone.Mlp : DeepBackbone.SmallCnn;

    /// <summary>The image layout the CNN reads its rows as; <c>null</c> for the MLP.</summary>
    public ImageShape? ImageShape => Convolutions?.Shape;

    /// <summary>Classes: 2 for the binary trainer (one output logit), the label's key count for the multiclass trainer.</summary>
    public int ClassCount { get; }

    /// <summary>Hidden layer widths of the fully connected layers, input side first (for the CNN, the one after its
    /// convolutions: <c>[128]</c>).</summary>
    public IReadOnlyList<int> HiddenLayerSizes => [.. Layers.Take(Layers.Count - 1).Select(l => l.Outputs)];

    /// <summary>The seed of the fit (the options' seed, or the one drawn when it was <c>null</c>).</summary>
    public int Seed { get; }

    /// <summary>Mean training loss of each epoch run.</summary>
    public IReadOnlyList<double> TrainingLoss { get; }

    /// <summary>Mean validation cross-entropy after each epoch (empty without a validation set).</summary>
    public IReadOnlyList<double> ValidationLoss { get; }

    /// <summary>The 0-based epoch whose weights the model has: the best validation epoch, else the last one.</summary>
    public int BestEpoch { get; }

    /// <summary>The network's fully connected layers (weights in <c>nn.Linear</c>'s out × in layout); for the CNN, those
    /// after its convolutions.</summary>
    internal IReadOnlyList<DenseLayer> Layers { get; }

    /// <summary>The CNN's convolutions and image shape; <c>null</c> for the MLP.</summary>
    internal ConvolutionStack? Convolutions { get; }

    /// <summary>A copy of the ONNX model (opset 13) the transformer scores with: input <c>[1, FeatureCount]</c> (the CNN
    /// reshapes it to its image inside the graph),
    /// outputs <c>Score</c>, <c>Probability</c> (binary) and <c>PredictedLabel</c>; see <c>docs/deep-classifier-persistence.md</c>.</summary>
    public byte[] ToOnnx() => (byte[])_onnx.Clone();
}
