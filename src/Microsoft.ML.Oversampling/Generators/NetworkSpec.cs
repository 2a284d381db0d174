using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>The architecture of a generator's network: enough to rebuild it before loading its weights.</summary>
/// <param name="Inputs">Input width.</param>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="Output">Output activation.</param>
/// <param name="ResidualMidpoint">The network predicts the offset from the midpoint of the first two d-wide input blocks
/// (<see cref="MidpointResidual"/>).</param>
internal sealed record NetworkSpec(int Inputs, int[] Hidden, int Outputs, HiddenActivation Activation, OutputActivation Output, bool ResidualMidpoint = false)
{
    /// <summary>Builds the network with weights drawn from a torch generator seeded by <paramref name="random"/>.</summary>
    public Network Build(DeterministicRandom random, Device device)
    {
        using var generator = new Generator(random.NextUInt64(), CPU);
        var mlp = new MultilayerPerceptron(Inputs, Hidden, Outputs, Activation, Output, generator, device);
        return new Network(ResidualMidpoint ? new MidpointResidual(mlp, Outputs) : mlp, mlp.Flat);
    }

    /// <summary>Equal architectures (the record's default equality compares the hidden sizes by reference).</summary>
    public bool SameAs(NetworkSpec other) =>
        Inputs == other.Inputs && Outputs == other.Outputs && Activation == other.Activation && Output == other.Output
        && ResidualMidpoint == other.ResidualMidpoint && Hidden.AsSpan().SequenceEqual(other.Hidden);
}
