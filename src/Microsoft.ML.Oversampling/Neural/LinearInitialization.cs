namespace Microsoft.ML.Oversampling.Neural;

/// <summary>How <see cref="Linear"/> draws its initial weights (biases start uniform in ±1/√fan-in, as in PyTorch).</summary>
public enum LinearInitialization
{
    /// <summary>PyTorch's default: uniform in ±1/√fan-in (Kaiming uniform with a = √5).</summary>
    Default,

    /// <summary>Kaiming (He) uniform for ReLU: uniform in ±√(6/fan-in).</summary>
    KaimingUniform,

    /// <summary>Xavier (Glorot) uniform: uniform in ±√(6/(fan-in + fan-out)).</summary>
    XavierUniform,
}
