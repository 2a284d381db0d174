using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>Runs a network forward without recording gradients, in blocks of rows so memory stays bounded.</summary>
internal static class NetworkInference
{
    /// <summary>The network's outputs (rows × <paramref name="outputs"/>) for the rows of <paramref name="input"/>.</summary>
    public static DenseMatrix Predict(nn.Module<Tensor, Tensor> network, DenseMatrix input, int outputs, Device device, int blockRows = 4096)
    {
        var result = new DenseMatrix(input.Rows, outputs);
        TorchThreads.Pin();
        using var noGrad = no_grad();
        for (int start = 0; start < input.Rows; start += blockRows)
        {
            int rows = Math.Min(blockRows, input.Rows - start);
            using var scope = NewDisposeScope();
            Tensor x = TensorRows.Upload(input.Values.AsSpan(start * input.Columns, rows * input.Columns), rows, input.Columns, device);
            TensorRows.Download(network.forward(x), result.Values.AsSpan(start * outputs, rows * outputs));
        }

        return result;
    }
}
