namespace Microsoft.ML.Oversampling.Generators;

/// <summary>The nonlinearity between the hidden layers of a <see cref="MultilayerPerceptron"/>.</summary>
internal enum HiddenActivation
{
    /// <summary>ReLU.</summary>
    Relu,

    /// <summary>LeakyReLU with slope <see cref="MultilayerPerceptron.LeakySlope"/> (the usual choice for GAN discriminators).</summary>
    LeakyRelu,
}

/// <summary>What the last layer of a <see cref="MultilayerPerceptron"/> applies to its output.</summary>
internal enum OutputActivation
{
    /// <summary>Nothing: a linear output (regression, or logits for a loss that applies the sigmoid itself).</summary>
    Linear,

    /// <summary>A sigmoid, for outputs in (0, 1).</summary>
    Sigmoid,
}
