using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// The criterion network: a ReLU MLP (the classifier's network type, <see cref="DeepMlpNetwork"/>) from
/// <c>[h; one-hot of the class]</c> to <c>2 + K_max + |𝒜|</c> logits, read as three heads side by side (participation,
/// k-NN, aggregation; <see cref="Heads"/>); and the learned
/// interpolation's <c>2d → 1</c> linear map, built the same way.
/// </summary>
internal static class CriterionNetwork
{
    /// <summary>The network's logit count.</summary>
    public static int Outputs(int maxNeighbors, int aggregations) => 2 + maxNeighbors + aggregations;

    /// <summary>The widths of the three heads, in order.</summary>
    public static int[] Heads(int maxNeighbors, int aggregations) => [2, maxNeighbors, aggregations];

    /// <summary>A new network (PyTorch's <c>nn.Linear</c> initialisation from <paramref name="random"/>).</summary>
    public static MultilayerPerceptron Create(int inputs, IReadOnlyList<int> hidden, int outputs, DeterministicRandom random, Device device) =>
        DeepMlpNetwork.Create(inputs, hidden, AsClasses(outputs), 0, random, device);

    /// <summary>Its layers (weights copied out).</summary>
    public static DenseLayer[] Layers(MultilayerPerceptron network, int inputs, IReadOnlyList<int> hidden, int outputs) =>
        DeepMlpNetwork.Layers(network, inputs, hidden, AsClasses(outputs));

    /// <summary><see cref="DeepMlpNetwork"/> sizes its output by class count (one logit for two classes); this is the
    /// class count that gives <paramref name="outputs"/> logits (never 2, as the criterion network has at least 4).</summary>
    private static int AsClasses(int outputs) => outputs switch
    {
        1 => 2,
        2 => throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A network of exactly two logits is not built here."),
        _ => outputs,
    };
}
