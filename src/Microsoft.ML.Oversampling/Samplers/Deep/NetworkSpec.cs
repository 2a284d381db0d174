using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>The architecture of a <see cref="MultilayerPerceptron"/>: enough to rebuild it before loading its weights.</summary>
/// <param name="Inputs">Input width.</param>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="Output">Output activation.</param>
/// <param name="ResidualMidpoint">The MLP predicts the offset from the midpoint of the first two d-wide input blocks
/// (<see cref="MidpointResidual"/>).</param>
internal sealed record NetworkSpec(int Inputs, int[] Hidden, int Outputs, HiddenActivation Activation, OutputActivation Output, bool ResidualMidpoint = false)
{
    public Module<Tensor, Tensor> Build(DeterministicRandom random)
    {
        Sequential mlp = MultilayerPerceptron.Create(Inputs, Hidden, Outputs, Activation, Output, random);
        return ResidualMidpoint ? new MidpointResidual(mlp, Outputs) : mlp;
    }

}
