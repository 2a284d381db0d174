namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>How Deep SMOTE and DA-SMOTE choose the two rows of the class fed to the network.</summary>
public enum PairSelection
{
    /// <summary>Two distinct rows of the class drawn uniformly (the paper's "two randomly chosen data points").</summary>
    Random,

    /// <summary>A row drawn uniformly and one of its <c>KNeighbors</c> nearest same-class rows, as SMOTE pairs them
    /// (keeps pairs, and so their midpoints, inside local regions of the class).</summary>
    KNearestNeighbors,

    /// <summary>Every ordered pair of distinct rows in a fixed order (row <c>t mod m</c> with the row
    /// <c>1 + ⌊t / m⌋ mod (m − 1)</c> places after it), cycling: generation then needs no randomness at all.</summary>
    DeterministicEnumeration,
}
