namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Options shared by the deep oversamplers (Deep SMOTE, DA-SMOTE, GAN): where their networks train. The device
/// follows ML.NET's <c>MLContext.GpuDeviceId</c> / <c>MLContext.FallbackToCpu</c> convention, and the ML.NET catalog
/// copies the context's values into these options.
/// </summary>
public abstract class DeepOversamplerOptions : OversamplerOptions
{
    /// <summary>The CUDA device to train on, or <c>null</c> (the default) for the CPU. Honoured when a CUDA build of
    /// LibTorch (a <c>libtorch-cuda-*</c> package) is referenced and the device exists; otherwise see
    /// <see cref="FallbackToCpu"/>. The generators' rows are bit-reproducible per device type, not across devices.</summary>
    public int? GpuDeviceId { get; set; }

    /// <summary>When <see cref="GpuDeviceId"/> is set but CUDA is unavailable: train on the CPU (<c>true</c>, the
    /// default) or fail with an <see cref="InvalidOperationException"/> saying why (<c>false</c>).</summary>
    public bool FallbackToCpu { get; set; } = true;
}
