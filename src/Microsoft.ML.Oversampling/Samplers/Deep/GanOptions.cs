namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Options of <see cref="GanOversampler"/>, the vanilla GAN baseline trained on the class to grow. The GAN used by
/// Mansourifar &amp; Shi is unknown: every value here is <b>[proposal]</b> (the method notes' §2.6).
/// </summary>
public sealed class GanOptions : DeepOversamplerOptions
{
    /// <summary>Length of the generator's standard Gaussian noise input. Default 64 <b>[proposal]</b>.</summary>
    public int NoiseDimension { get; set; } = 64;

    /// <summary>Hidden layer sizes of the generator (ReLU; sigmoid output on min–max scaled data). Default <c>[128, 128]</c> <b>[proposal]</b>.</summary>
    public int[] GeneratorHiddenSizes { get; set; } = [128, 128];

    /// <summary>Hidden layer sizes of the discriminator (LeakyReLU 0.2). Default <c>[128, 64]</c> <b>[proposal]</b>.</summary>
    public int[] DiscriminatorHiddenSizes { get; set; } = [128, 64];

    /// <summary>Training iterations (one discriminator step and one generator step each). Default 3,000 <b>[proposal]</b>.</summary>
    public int Iterations { get; set; } = 3000;

    /// <summary>Adam learning rate of both networks. Default 2e-4 <b>[proposal]</b>.</summary>
    public double LearningRate { get; set; } = 2e-4;

    /// <summary>Adam β₁. Default 0.5 <b>[proposal]</b>.</summary>
    public double Beta1 { get; set; } = 0.5;

    /// <summary>Rows per batch (at most the class size). Default 64 <b>[proposal]</b>.</summary>
    public int BatchSize { get; set; } = 64;
}
