namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Options of <see cref="DeepAdversarialSmote"/> (DA-SMOTE). The generator is first trained as Deep SMOTE with the
/// inherited options, then adversarially against a discriminator of real versus generated class rows. The paper gives
/// only the name and "adversarial": every value here is <b>[proposal]</b> (the method notes' §2.5 reconstruction).
/// </summary>
public sealed class DaSmoteOptions : DeepSmoteOptions
{
    /// <summary>Creates the options with their defaults; the generator keeps the paper's plain regression network
    /// (<see cref="DeepSmoteOptions.ResidualMidpoint"/> = <c>false</c>: the residual form was measured for Deep SMOTE only).</summary>
    public DaSmoteOptions()
    {
        ResidualMidpoint = false;
    }

    /// <summary>Weight of the non-saturating adversarial term in the generator loss. Default 1 <b>[proposal]</b>; 0 leaves
    /// only the regression term (the generator then stays a Deep SMOTE network).</summary>
    public double AdversarialWeight { get; set; } = 1;

    /// <summary>Weight λ_rec of the regression term (mean squared error per feature between <c>G(p)</c> and the pair's SMOTE target <c>t(p)</c>) anchoring outputs to the pair's segment.
    /// Default 1 <b>[proposal]</b>; 0 gives the pure pair-conditioned GAN reading.</summary>
    public double RegressionWeight { get; set; } = 1;

    /// <summary>Length of a standard Gaussian noise vector appended to the generator's input, so that one pair can give
    /// many points. Default 0 (none; the generator is then deterministic per pair) <b>[proposal, a documented deviation when set]</b>.</summary>
    public int NoiseDimension { get; set; }

    /// <summary>Hidden layer sizes of the discriminator (LeakyReLU 0.2). Default <c>[128, 64]</c> <b>[proposal]</b>.</summary>
    public int[] DiscriminatorHiddenSizes { get; set; } = [128, 64];

    /// <summary>Adversarial iterations (one discriminator step and one generator step each). Default 1,000 <b>[proposal]</b>: the
    /// notes suggest about 3,000 for a GAN from scratch; this generator starts from a trained Deep SMOTE network.</summary>
    public int AdversarialIterations { get; set; } = 1000;

    /// <summary>Adam learning rate of both networks in the adversarial phase. Default 2e-4 <b>[proposal]</b>.</summary>
    public double AdversarialLearningRate { get; set; } = 2e-4;

    /// <summary>Adam β₁ in the adversarial phase. Default 0.5 <b>[proposal]</b>.</summary>
    public double AdversarialBeta1 { get; set; } = 0.5;

    /// <summary>Rows per adversarial batch (at most the class size). Default 64 <b>[proposal]</b>.</summary>
    public int AdversarialBatchSize { get; set; } = 64;
}
