using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The affine layer <c>y = x·Wᵀ + b</c> with W of shape [out, in] (TorchSharp's <c>nn.Linear</c>).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer with weights drawn from <paramref name="random"/>.</summary>
    /// <param name="inputFeatures">Input width.</param>
    /// <param name="outputFeatures">Output width.</param>
    /// <param name="random">Source of the initial weights.</param>
    /// <param name="hasBias">Whether to add a learned bias.</param>
    /// <param name="initialization">The weight distribution.</param>
    public Linear(int inputFeatures, int outputFeatures, DeterministicRandom random, bool hasBias = true, LinearInitialization initialization = LinearInitialization.Default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputFeatures);
        ArgumentNullException.ThrowIfNull(random);
        InputFeatures = inputFeatures;
        OutputFeatures = outputFeatures;
        float bound = initialization switch
        {
            LinearInitialization.KaimingUniform => MathF.Sqrt(6f / inputFeatures),
            LinearInitialization.XavierUniform => MathF.Sqrt(6f / (inputFeatures + outputFeatures)),
            _ => 1f / MathF.Sqrt(inputFeatures),
        };
        Weight = RegisterParameter("weight", Uniform(random, bound, outputFeatures, inputFeatures));
        if (hasBias)
        {
            Bias = RegisterParameter("bias", Uniform(random, 1f / MathF.Sqrt(inputFeatures), outputFeatures));
        }
    }

    /// <summary>Input width.</summary>
    public int InputFeatures { get; }

    /// <summary>Output width.</summary>
    public int OutputFeatures { get; }

    /// <summary>The weight, shape [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, shape [out], or <c>null</c>.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    /// <summary>The layer followed by ReLU, fused into the matrix product's final pass.</summary>
    internal Tensor ForwardRelu(Tensor input) => Functional.Linear(input, Weight, Bias, GemmActivation.Relu);

    private static Tensor Uniform(DeterministicRandom random, float bound, params int[] shape)
    {
        var tensor = Tensor.Zeros(shape);
        var values = tensor.Data;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ((2f * random.NextSingle()) - 1f) * bound;
        }

        return tensor;
    }
}
