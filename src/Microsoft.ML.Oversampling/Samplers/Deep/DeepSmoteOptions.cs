namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Options of <see cref="DeepSmoteRegressionOversampler"/> (Mansourifar &amp; Shi 2020). The paper fixes only the
/// idea (a regression network from two concatenated minority rows to a random interpolation between them); every
/// value below marked <b>[proposal]</b> is this library's choice, following the reconstruction in the project's
/// method notes (§2.3, §2.7), not the paper's.
/// </summary>
public class DeepSmoteOptions : DeepOversamplerOptions
{
    /// <summary>Sizes of the hidden layers (ReLU); the output layer is linear. Default <c>[256, 128, 128]</c> <b>[proposal]</b>.</summary>
    public int[] HiddenSizes { get; set; } = [256, 128, 128];

    /// <summary>Adam learning rate. Default 1e-3 <b>[proposal]</b>.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Pairs per optimisation step. Default 128 <b>[proposal]</b>.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Most training epochs. Default 100 <b>[proposal]</b>.</summary>
    public int MaxEpochs { get; set; } = 100;

    /// <summary>Epochs without improvement of the held-out loss before training stops (the best weights are kept).
    /// Default 10 <b>[proposal]</b>.</summary>
    public int Patience { get; set; } = 10;

    /// <summary>Held-out pairs for early stopping (drawn once, with their u), as a fraction of the pairs of an epoch.
    /// Default 0.25 <b>[proposal]</b>.</summary>
    public double ValidationFraction { get; set; } = 0.25;

    /// <summary>Fewest training pairs per epoch. Default 1,024 <b>[proposal]</b>; an epoch has
    /// <c>max(MinPairsPerEpoch, PairsPerRow · m)</c> pairs for a class of m rows, drawn afresh each epoch with fresh u.</summary>
    /// <remarks>The method notes propose 5,000 / 20 pairs per row / 200 epochs / patience 20 / 10% held out. Measured on
    /// yeast4, pen_digits and us_crime, these shorter epochs reach the same held-out loss (yeast4: 0.00210 against
    /// 0.00208) in a fifth of the time, which keeps a default fit within seconds on every benchmark dataset.</remarks>
    public int MinPairsPerEpoch { get; set; } = 1024;

    /// <summary>Training pairs per class row and epoch. Default 2 <b>[proposal]</b>.</summary>
    public int PairsPerRow { get; set; } = 2;

    /// <summary>How training pairs are chosen. Default <see cref="PairSelection.Random"/> (the paper's reading).</summary>
    public PairSelection TrainingPairs { get; set; } = PairSelection.Random;

    /// <summary>How generation pairs are chosen. Default <see cref="PairSelection.Random"/> (seeded) <b>[proposal]</b>: the
    /// paper is silent.</summary>
    public PairSelection GenerationPairs { get; set; } = PairSelection.Random;

    /// <summary>Neighbours per row for <see cref="PairSelection.KNearestNeighbors"/>. Default 5, as SMOTE.</summary>
    public int KNeighbors { get; set; } = 5;

    /// <summary>Also train on each pair in swapped order, so the learned map is symmetric in its two inputs (half
    /// of the pairs of each epoch are presented swapped). Default <c>true</c> <b>[proposal]</b>.</summary>
    public bool SymmetricPairs { get; set; } = true;

    /// <summary>
    /// Make the network predict the offset from the pair's midpoint, <c>G(a, b) = (a + b) / 2 + f(a, b)</c>, instead of
    /// the point itself. Default <c>true</c> for Deep SMOTE <b>[proposal, a documented deviation]</b>; <c>false</c> is the
    /// paper's plain regression (and DA-SMOTE's default). The MSE optimum is the midpoint either way (method notes §2.4),
    /// but a plain network only approximates it, with errors that depend on the seed and grow with the dimension (19% of
    /// the pair length on us_crime, d = 100, against 1% in residual form). Measured over 41 datasets with logistic
    /// regression (<c>benchmarks/results/</c>): the residual form is at least as good as SMOTE on F1 (29 wins) and AUC
    /// (22 wins), where the plain form wins AUC on only 15; against the plain form it wins AUC on 29 and loses F1 on 27.
    /// </summary>
    public bool ResidualMidpoint { get; set; } = true;
}
