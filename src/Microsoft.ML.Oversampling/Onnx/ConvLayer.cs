namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>One square 2-D convolution with stride 1 and "same" zero padding (<c>Kernel / 2</c> on every side), in
/// PyTorch's <c>nn.Conv2d</c> layout.</summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels (filters).</param>
/// <param name="Kernel">The kernel's height and width (odd).</param>
/// <param name="Weight">Row-major <c>OutChannels × InChannels × Kernel × Kernel</c> weights.</param>
/// <param name="Bias">The <c>OutChannels</c> biases.</param>
internal sealed record ConvLayer(int InChannels, int OutChannels, int Kernel, float[] Weight, float[] Bias);
