using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// The classifier's network: a ReLU <see cref="MultilayerPerceptron"/> with linear outputs (one logit for two
/// classes, one per class otherwise), and the conversion of its flat parameters to and from <see cref="DenseLayer"/>s.
/// </summary>
internal static class DeepMlpNetwork
{
    /// <summary>Output units for <paramref name="classes"/> classes: one logit for a binary problem.</summary>
    public static int Outputs(int classes) => classes == 2 ? 1 : classes;

    /// <summary>The fit's freshly initialised network: <paramref name="options"/>' <see cref="DeepMlpOptions.Backbone"/>
    /// for rows of <paramref name="inputs"/> features.</summary>
    public static FlatModule Create(DeepMlpOptions options, int inputs, int classes, DeterministicRandom random, Device device) =>
        options.Backbone == DeepBackbone.SmallCnn
            ? SmallCnn.Create(options.ImageShape, classes, options.Dropout, random, device)
            : Create(inputs, options.HiddenLayerSizes, classes, options.Dropout, random, device);

    /// <summary>A trained network's layers: the convolutions (<c>null</c> for the MLP) and the dense layers.</summary>
    public static (ConvolutionStack? Convolutions, DenseLayer[] Dense) Layers(FlatModule network, int inputs, IReadOnlyList<int> hidden, int classes) =>
        network switch
        {
            SmallCnn cnn => cnn.Layers(),
            MultilayerPerceptron mlp => (null, Layers(mlp, inputs, hidden, classes)),
            _ => throw new ArgumentException($"Unknown network {network.GetType().Name}.", nameof(network)),
        };

    /// <summary>The ONNX model of those layers (<see cref="OnnxCnnExporter"/> with convolutions, else <see cref="OnnxMlpExporter"/>).</summary>
    public static byte[] Export(ConvolutionStack? convolutions, IReadOnlyList<DenseLayer> dense, string inputName) =>
        convolutions is null ? OnnxMlpExporter.Export(dense, inputName) : OnnxCnnExporter.Export(convolutions, dense, inputName);

    /// <summary>A LibTorch network holding <paramref name="model"/>'s weights (in evaluation mode), e.g. to score with it.</summary>
    public static FlatModule FromModel(DeepMlpModel model, Device device) =>
        model.Convolutions is { } convolutions ? SmallCnn.FromLayers(convolutions, model.Layers, device) : FromLayers(model.Layers, device);

    /// <summary>A freshly initialised network (PyTorch's <c>nn.Linear</c> initialisation, drawn from <paramref name="random"/>).</summary>
    public static MultilayerPerceptron Create(int inputs, IReadOnlyList<int> hidden, int classes, double dropout, DeterministicRandom random, Device device)
    {
        using var generator = new Generator(random.NextUInt64(), CPU);
        ulong dropoutSeed = random.NextUInt64();
        return new MultilayerPerceptron(inputs, hidden, Outputs(classes), HiddenActivation.Relu, OutputActivation.Linear, generator, device, dropout, dropoutSeed);
    }

    /// <summary>The network's layers, copied out of its flat parameter buffer (per layer: weight, then bias).</summary>
    public static DenseLayer[] Layers(MultilayerPerceptron network, int inputs, IReadOnlyList<int> hidden, int classes)
    {
        var values = new float[network.Flat.Count];
        TensorRows.Download(network.Flat.Values, values);
        int[] sizes = [inputs, .. hidden, Outputs(classes)];
        var layers = new DenseLayer[sizes.Length - 1];
        int offset = 0;
        for (int i = 1; i < sizes.Length; i++)
        {
            float[] weight = values.AsSpan(offset, sizes[i] * sizes[i - 1]).ToArray();
            offset += weight.Length;
            float[] bias = values.AsSpan(offset, sizes[i]).ToArray();
            offset += bias.Length;
            layers[i - 1] = new DenseLayer(sizes[i - 1], sizes[i], weight, bias);
        }

        return layers;
    }

    /// <summary>A network holding <paramref name="layers"/>' weights (in evaluation mode), e.g. to score with LibTorch.</summary>
    public static MultilayerPerceptron FromLayers(IReadOnlyList<DenseLayer> layers, Device device)
    {
        int[] hidden = [.. layers.Take(layers.Count - 1).Select(l => l.Outputs)];
        using var generator = new Generator(0, CPU);
        var network = new MultilayerPerceptron(layers[0].Inputs, hidden, layers[^1].Outputs, HiddenActivation.Relu, OutputActivation.Linear, generator, device);
        network.Flat.Load([.. layers.SelectMany(l => l.Weight.Concat(l.Bias))]);
        network.eval();
        return network;
    }
}
