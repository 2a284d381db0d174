using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>Copies row-major float blocks into and out of 2-D tensors through their native memory (the CPU tensor's bytes), without intermediate arrays.</summary>
internal static class TensorRows
{
    /// <summary>A new rows × columns tensor on <paramref name="device"/> holding <paramref name="values"/>.</summary>
    public static Tensor Upload(ReadOnlySpan<float> values, long rows, long columns, Device device)
    {
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"{values.Length} values do not fill {rows} × {columns}.", nameof(values));
        }

        Tensor host = empty([rows, columns], ScalarType.Float32, CPU);
        values.CopyTo(MemoryMarshal.Cast<byte, float>(host.bytes));

        if (device.type == TorchSharp.DeviceType.CPU)
        {
            return host;
        }

        using (host)
        {
            return host.to(device);
        }
    }

    /// <summary>Copies a float tensor (any device, any shape) into <paramref name="destination"/>, row-major.</summary>
    public static void Download(Tensor tensor, Span<float> destination)
    {
        using Tensor host = tensor.device_type == TorchSharp.DeviceType.CPU ? tensor.contiguous() : tensor.cpu().contiguous();
        MemoryMarshal.Cast<byte, float>(host.bytes).CopyTo(destination);
    }
}
