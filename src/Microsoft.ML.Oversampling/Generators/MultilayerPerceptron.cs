using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// A fully connected network <c>input → hidden… → output</c> (<c>nn.Linear</c> layers and activations): the shape of
/// every deep generator and discriminator here. Its parameters live in one <see cref="FlatParameters"/> buffer,
/// initialised as PyTorch initialises <c>nn.Linear</c> (uniform in ±1/√fan_in) from a seeded torch generator.
/// </summary>
internal sealed class MultilayerPerceptron : FlatModule
{
    /// <summary>Slope of <see cref="HiddenActivation.LeakyRelu"/>.</summary>
    public const double LeakySlope = 0.2;

    private readonly Sequential layers;

    /// <summary>Builds the layers; <paramref name="dropout"/> &gt; 0 adds a <see cref="SeededDropout"/> (seeded from
    /// <paramref name="dropoutSeed"/>) after each hidden activation.</summary>
    public MultilayerPerceptron(
        int inputs, IReadOnlyList<int> hidden, int outputs, HiddenActivation activation, OutputActivation output, Generator generator, Device device,
        double dropout = 0, ulong dropoutSeed = 0)
        : base(nameof(MultilayerPerceptron))
    {
        int[] sizes = [inputs, .. hidden, outputs];
        foreach (int size in sizes)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, "layer size");
        }

        long count = 0;
        for (int i = 1; i < sizes.Length; i++)
        {
            count += ((long)sizes[i - 1] + 1) * sizes[i];
        }

        Flat = new FlatParameters(count, device);
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 1; i < sizes.Length; i++)
        {
            Linear linear = nn.Linear(sizes[i - 1], sizes[i], hasBias: true, device: device);
            double bound = 1 / Math.Sqrt(sizes[i - 1]);
            linear.weight = Flat.Take([sizes[i], sizes[i - 1]], bound, generator);
            linear.bias = Flat.Take([sizes[i]], bound, generator);
            modules.Add(($"linear{i - 1}", linear));
            if (i < sizes.Length - 1)
            {
                modules.Add(($"act{i - 1}", activation == HiddenActivation.Relu ? nn.ReLU() : new LeakyRelu(LeakySlope)));
                if (dropout > 0)
                {
                    modules.Add(($"dropout{i - 1}", new SeededDropout(dropout, dropoutSeed + (ulong)i, device)));
                }
            }
        }

        if (output == OutputActivation.Sigmoid)
        {
            modules.Add(("sigmoid", nn.Sigmoid()));
        }

        Flat.RequireFilled();
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override FlatParameters Flat { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => layers.forward(input);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layers.Dispose();
            Flat.Dispose();
        }

        base.Dispose(disposing);
    }
}
