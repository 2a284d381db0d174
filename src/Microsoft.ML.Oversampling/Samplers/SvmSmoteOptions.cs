namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options of <see cref="SvmSmote"/>. Defaults are imbalanced-learn 0.10's (and scikit-learn's <c>SVC</c>'s).</summary>
public sealed class SvmSmoteOptions : NeighborOversamplerOptions
{
    /// <summary>Same-class neighbours to interpolate toward or extrapolate away from (<c>k_neighbors</c>). Default 5.</summary>
    public int KNeighbors { get; set; } = 5;

    /// <summary>
    /// Neighbours among all rows that classify a support vector (<c>m_neighbors</c>). Default 10: all of another
    /// class is noise (dropped), at least half is danger (interpolation), fewer is safe (extrapolation).
    /// </summary>
    public int MNeighbors { get; set; } = 10;

    /// <summary>Largest extrapolation step away from a neighbour for safe support vectors (<c>out_step</c>). Default 0.5.</summary>
    public double OutStep { get; set; } = 0.5;

    /// <summary>The SVM's box constraint C. Default 1.</summary>
    public double C { get; set; } = 1.0;

    /// <summary>The RBF kernel's γ. Default <c>null</c>: scikit-learn's "scale", 1 / (features × variance of all values).</summary>
    public double? Gamma { get; set; }

    /// <summary>The SVM solver's stopping tolerance on the maximal violating pair. Default 0.001 (scikit-learn's <c>tol</c>).</summary>
    public double Tolerance { get; set; } = 1e-3;
}
