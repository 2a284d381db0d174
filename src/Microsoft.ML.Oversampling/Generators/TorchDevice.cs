using TorchSharp;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// Chooses where a deep generator trains, following ML.NET's <c>MLContext.GpuDeviceId</c> / <c>FallbackToCpu</c>
/// convention: no device id means the CPU; a device id means that CUDA device when a CUDA LibTorch is present and the
/// device exists, else the CPU if falling back is allowed, else an error.
/// </summary>
internal static class TorchDevice
{
    /// <summary>The device for <paramref name="gpuDeviceId"/> (null: CPU).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gpuDeviceId"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The GPU is not available and <paramref name="fallbackToCpu"/> is false.</exception>
    public static torch.Device Select(int? gpuDeviceId, bool fallbackToCpu) =>
        gpuDeviceId is null ? torch.CPU : Select(gpuDeviceId, fallbackToCpu, torch.cuda.is_available() ? torch.cuda.device_count() : 0);

    /// <summary>The choice for a machine with <paramref name="cudaDevices"/> usable CUDA devices (0: none, or a CPU-only LibTorch).</summary>
    internal static torch.Device Select(int? gpuDeviceId, bool fallbackToCpu, int cudaDevices)
    {
        if (gpuDeviceId is not { } id)
        {
            return torch.CPU;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(id, "GpuDeviceId");
        if (id < cudaDevices)
        {
            return new torch.Device(DeviceType.CUDA, id);
        }

        return fallbackToCpu
            ? torch.CPU
            : throw new InvalidOperationException(
                cudaDevices == 0
                    ? $"GPU device {id} was requested with FallbackToCpu = false, but no CUDA device is usable: the LibTorch in use is a CPU build (libtorch-cpu-*) or no CUDA driver is present. Reference a libtorch-cuda-* package, or allow falling back to the CPU."
                    : $"GPU device {id} was requested with FallbackToCpu = false, but only {cudaDevices} CUDA device(s) exist (ids 0 to {cudaDevices - 1}).");
    }
}
