using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Samplers.Deep;
using Microsoft.ML.Oversampling.Tests.Samplers;
using TorchSharp;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>Device choice after ML.NET's GpuDeviceId / FallbackToCpu convention.</summary>
public class TorchDeviceTests
{
    [Fact]
    public void NoDeviceIdMeansTheCpu()
    {
        Assert.Equal(DeviceType.CPU, TorchDevice.Select(null, fallbackToCpu: false, cudaDevices: 2).type);
    }

    [Fact]
    public void AnAvailableGpuIsUsed()
    {
        var device = TorchDevice.Select(1, fallbackToCpu: false, cudaDevices: 2);

        Assert.Equal(DeviceType.CUDA, device.type);
        Assert.Equal(1, device.index);
    }

    [Fact]
    public void AnUnavailableGpuFallsBackToTheCpuOrFailsClearly()
    {
        Assert.Equal(DeviceType.CPU, TorchDevice.Select(0, fallbackToCpu: true, cudaDevices: 0).type);
        Assert.Equal(DeviceType.CPU, TorchDevice.Select(3, fallbackToCpu: true, cudaDevices: 2).type);
        Assert.Contains("CPU build", Assert.Throws<InvalidOperationException>(() => TorchDevice.Select(0, fallbackToCpu: false, cudaDevices: 0)).Message);
        Assert.Contains("only 2 CUDA device(s)", Assert.Throws<InvalidOperationException>(() => TorchDevice.Select(3, fallbackToCpu: false, cudaDevices: 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchDevice.Select(-1, fallbackToCpu: true, cudaDevices: 0));
    }

    [Fact]
    public void ANegativeDeviceIdIsRejectedWhenTheSamplerIsCreated()
    {
        Assert.Equal("GpuDeviceId", Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSmoteRegressionOversampler(new DeepSmoteOptions { GpuDeviceId = -1 })).ParamName);
        Assert.Equal("GpuDeviceId", Assert.Throws<ArgumentOutOfRangeException>(() => new GanOversampler(new GanOptions { GpuDeviceId = -2 })).ParamName);
    }

    [Fact]
    public void SamplersHonourTheOptions_OnThisCpuOnlyLibTorch()
    {
        var (x, y) = SamplerTestData.Blobs(2, features: 3, (0, 40, 0.0), (1, 10, 2.0));

        var fallback = new DeepSmoteRegressionOversampler(new DeepSmoteOptions { MaxEpochs = 1, GpuDeviceId = 0 }).FitResample(x, y, seed: 1);
        var cpu = new DeepSmoteRegressionOversampler(new DeepSmoteOptions { MaxEpochs = 1 }).FitResample(x, y, seed: 1);
        Assert.Equal(cpu.Features.Values, fallback.Features.Values);

        if (!torch.cuda.is_available())
        {
            var strict = new GanOversampler(new GanOptions { Iterations = 1, GpuDeviceId = 0, FallbackToCpu = false });
            Assert.Contains("FallbackToCpu = false", Assert.Throws<InvalidOperationException>(() => strict.FitResample(x, y, seed: 1)).Message);
        }
    }
}
