namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>One fully connected layer, <c>y = W·x + b</c>, in PyTorch's <c>nn.Linear</c> layout.</summary>
/// <param name="Inputs">Input width (fan-in).</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Weight">Row-major <c>Outputs × Inputs</c> weights.</param>
/// <param name="Bias">The <c>Outputs</c> biases.</param>
internal sealed record DenseLayer(int Inputs, int Outputs, float[] Weight, float[] Bias);
