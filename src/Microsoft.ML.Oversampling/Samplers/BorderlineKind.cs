namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>The variant of Borderline-SMOTE (Han, Wang and Mao, 2005).</summary>
public enum BorderlineKind
{
    /// <summary>Borderline-1: danger rows are interpolated toward same-class neighbours only.</summary>
    Borderline1 = 1,

    /// <summary>Borderline-2: danger rows are also interpolated part-way (step in [0, 0.5)) toward other-class neighbours.</summary>
    Borderline2 = 2,
}
