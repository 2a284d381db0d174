namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>How <see cref="LongTail"/> shrinks the classes (papers.md §4.8, the imbalanced-DL code).</summary>
public enum LongTailProfile
{
    /// <summary>"exp": class c = 0 … C−1 keeps <c>⌊n_max·(1/ρ)^{c/(C−1)}⌋</c> rows.</summary>
    Exponential,

    /// <summary>"step": the first ⌊C/2⌋ classes keep n_max rows, the others <c>⌊n_max/ρ⌋</c>.</summary>
    Step,
}
