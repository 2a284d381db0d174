using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The nonlinearity between the hidden layers of a <see cref="MultilayerPerceptron"/>.</summary>
public enum HiddenActivation
{
    /// <summary>ReLU.</summary>
    Relu,

    /// <summary>LeakyReLU with slope 0.2 (the usual choice for GAN discriminators).</summary>
    LeakyRelu,
}

/// <summary>What the last layer of a <see cref="MultilayerPerceptron"/> applies to its output.</summary>
public enum OutputActivation
{
    /// <summary>Nothing: a linear output (regression, or logits for a loss that applies the sigmoid itself).</summary>
    Linear,

    /// <summary>A sigmoid, for outputs in (0, 1).</summary>
    Sigmoid,
}

/// <summary>
/// Builds fully connected networks <c>input → hidden… → output</c> as a <see cref="Sequential"/> of
/// <see cref="Linear"/> layers and activations, the shape every deep oversampler uses.
/// </summary>
public static class MultilayerPerceptron
{
    /// <summary>Slope of <see cref="HiddenActivation.LeakyRelu"/>.</summary>
    public const float LeakySlope = 0.2f;

    /// <summary>Creates the network with freshly initialised weights.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A layer size below 1.</exception>
    public static Sequential Create(
        int inputs, IReadOnlyList<int> hidden, int outputs, HiddenActivation activation, OutputActivation output, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(random);
        foreach (int size in hidden.Prepend(inputs).Append(outputs))
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, "layer size");
        }

        var layers = new List<Module<Tensor, Tensor>>();
        int previous = inputs;
        foreach (int size in hidden)
        {
            layers.Add(new Linear(previous, size, random));
            layers.Add(activation == HiddenActivation.Relu ? new ReLU() : new LeakyReLU(LeakySlope));
            previous = size;
        }

        layers.Add(new Linear(previous, outputs, random));
        if (output == OutputActivation.Sigmoid)
        {
            layers.Add(new Sigmoid());
        }

        return new Sequential([.. layers]);
    }

    /// <summary>Runs <paramref name="network"/> on the rows of <paramref name="input"/> without recording gradients, in
    /// blocks of rows so memory stays bounded; returns rows × outputs.</summary>
    public static DenseMatrix Predict(Module<Tensor, Tensor> network, DenseMatrix input, int outputs, int blockRows = 1024)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(input);
        var result = new DenseMatrix(input.Rows, outputs);
        using var noGrad = Autograd.NoGrad();
        for (int start = 0; start < input.Rows; start += blockRows)
        {
            int rows = Math.Min(blockRows, input.Rows - start);
            using var scope = Tensor.NewDisposeScope();
            var x = Tensor.FromArray(input.Values.AsSpan(start * input.Columns, rows * input.Columns), rows, input.Columns);
            network.Forward(x).Data.CopyTo(result.Values.AsSpan(start * outputs, rows * outputs));
        }

        return result;
    }
}
