namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>
/// Writes a trained CNN classifier (<see cref="Classifiers.SmallCnn"/>) as an ONNX model (IR version 8, opset 13) that
/// ML.NET's ONNX transformer scores one row at a time, with the same inputs and outputs as
/// <see cref="OnnxMlpExporter"/>: input <c>[1, C·H·W]</c> named after the feature column; <c>Reshape</c> to
/// <c>[1, C, H, W]</c>; per convolution <c>Conv</c> (<c>kernel_shape</c> k × k, <c>pads</c> k/2 on every side, stride 1,
/// weights in <c>nn.Conv2d</c>'s layout, which is ONNX's), <c>Relu</c> and <c>MaxPool</c> (2 × 2, stride 2, no padding:
/// floor mode, as PyTorch's <c>MaxPool2d(2)</c>); <c>Flatten</c> (axis 1, channel-major as <c>torch.flatten</c>); the
/// dense layers (<c>Gemm</c>, <c>Relu</c>); and the scoring head (<see cref="OnnxGraph.ClassifierHead"/>).
/// </summary>
internal static class OnnxCnnExporter
{
    /// <summary>The ONNX model bytes.</summary>
    /// <param name="convolutions">The image layout and the convolutions, input first.</param>
    /// <param name="dense">The fully connected layers after the flattening, input first; ReLU between them.</param>
    /// <param name="inputName">The graph input's name (the ML.NET feature column).</param>
    public static byte[] Export(ConvolutionStack convolutions, IReadOnlyList<DenseLayer> dense, string inputName)
    {
        ArgumentOutOfRangeException.ThrowIfZero(convolutions.Layers.Count);
        ArgumentOutOfRangeException.ThrowIfZero(dense.Count);
        ImageShape shape = convolutions.Shape;
        var graph = new OnnxGraph("deep_cnn");
        graph.Initializer("image_shape", [4], [1L, shape.Channels, shape.Height, shape.Width]);
        graph.Node("Reshape", [inputName, "image_shape"], ["image"]);
        string current = "image";
        for (int i = 0; i < convolutions.Layers.Count; i++)
        {
            ConvLayer layer = convolutions.Layers[i];
            int pad = layer.Kernel / 2;
            graph.Initializer($"CW{i}", [layer.OutChannels, layer.InChannels, layer.Kernel, layer.Kernel], layer.Weight);
            graph.Initializer($"CB{i}", [layer.OutChannels], layer.Bias);
            graph.Node(
                "Conv", [current, $"CW{i}", $"CB{i}"], [$"conv{i}"],
                OnnxGraph.IntsAttribute("kernel_shape", layer.Kernel, layer.Kernel),
                OnnxGraph.IntsAttribute("pads", pad, pad, pad, pad),
                OnnxGraph.IntsAttribute("strides", 1, 1));
            graph.Node("Relu", [$"conv{i}"], [$"conv_relu{i}"]);
            graph.Node(
                "MaxPool", [$"conv_relu{i}"], [$"pool{i}"],
                OnnxGraph.IntsAttribute("kernel_shape", ConvolutionStack.Pool, ConvolutionStack.Pool),
                OnnxGraph.IntsAttribute("strides", ConvolutionStack.Pool, ConvolutionStack.Pool));
            current = $"pool{i}";
        }

        graph.Node("Flatten", [current], ["flat"], OnnxGraph.IntAttribute("axis", 1));
        string logits = graph.Dense(dense, "flat");
        graph.Input(inputName, [1, shape.FeatureCount]);
        graph.ClassifierHead(logits, dense[^1].Outputs);
        return graph.ToModel();
    }
}
