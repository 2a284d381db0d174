using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>One decision per row: participation, k-NN and aggregation, each a one-hot row (rows × options).</summary>
/// <param name="Participation">Rows × 2; column 1 is "participates".</param>
/// <param name="Neighbors">Rows × K_max; column k − 1 is k.</param>
/// <param name="Aggregation">Rows × |𝒜|.</param>
internal sealed record CriteriaChoice(Tensor Participation, Tensor Neighbors, Tensor Aggregation)
{
    /// <summary>The choices of the given rows (e.g. each sample's cohort).</summary>
    public CriteriaChoice Rows(Tensor index) =>
        new(Participation.index_select(0, index), Neighbors.index_select(0, index), Aggregation.index_select(0, index));
}

/// <summary>
/// The criterion network: a ReLU MLP (the classifier's network type, <see cref="DeepMlpNetwork"/>) from
/// <c>[h; one-hot of the class]</c> to <c>2 + K_max + |𝒜|</c> logits, read as three heads; and the learned
/// interpolation's <c>2d → 1</c> linear map, built the same way.
/// </summary>
internal static class CriterionNetwork
{
    /// <summary>The network's logit count.</summary>
    public static int Outputs(int maxNeighbors, int aggregations) => 2 + maxNeighbors + aggregations;

    /// <summary>A new network (PyTorch's <c>nn.Linear</c> initialisation from <paramref name="random"/>).</summary>
    public static MultilayerPerceptron Create(int inputs, IReadOnlyList<int> hidden, int outputs, DeterministicRandom random, Device device) =>
        DeepMlpNetwork.Create(inputs, hidden, AsClasses(outputs), 0, random, device);

    /// <summary>Its layers (weights copied out).</summary>
    public static DenseLayer[] Layers(MultilayerPerceptron network, int inputs, IReadOnlyList<int> hidden, int outputs) =>
        DeepMlpNetwork.Layers(network, inputs, hidden, AsClasses(outputs));

    /// <summary>The three heads of <paramref name="logits"/> (views).</summary>
    public static (Tensor Participation, Tensor Neighbors, Tensor Aggregation) Split(Tensor logits, int maxNeighbors, int aggregations) =>
        (logits.narrow(1, 0, 2), logits.narrow(1, 2, maxNeighbors), logits.narrow(1, 2 + maxNeighbors, aggregations));

    /// <summary>Each head's argmax (no noise): the standalone sampler's deterministic choices.</summary>
    public static CriteriaChoice Argmax(Tensor logits, int maxNeighbors, int aggregations)
    {
        var (p, k, a) = Split(logits, maxNeighbors, aggregations);
        return new CriteriaChoice(GumbelSoftmax.OneHotArgmax(p), GumbelSoftmax.OneHotArgmax(k), GumbelSoftmax.OneHotArgmax(a));
    }

    /// <summary>The frozen SMOTE-equivalent choices for <paramref name="rows"/> rows: participate, k = K_max, interpolate.</summary>
    public static CriteriaChoice Frozen(int rows, int maxNeighbors, IReadOnlyList<AutoSmoteAggregation> aggregations, Device device) =>
        new(Constant(rows, 2, 1, device), Constant(rows, maxNeighbors, maxNeighbors - 1, device),
            Constant(rows, aggregations.Count, IndexOf(aggregations, AutoSmoteAggregation.Interpolate), device));

    /// <summary>The position of <paramref name="aggregation"/> in <paramref name="aggregations"/>.</summary>
    public static int IndexOf(IReadOnlyList<AutoSmoteAggregation> aggregations, AutoSmoteAggregation aggregation) =>
        aggregations.Select((a, i) => (a, i)).First(p => p.a == aggregation).i;

    /// <summary><see cref="DeepMlpNetwork"/> sizes its output by class count (one logit for two classes); this is the
    /// class count that gives <paramref name="outputs"/> logits (never 2, as the criterion network has at least 4).</summary>
    private static int AsClasses(int outputs) => outputs switch
    {
        1 => 2,
        2 => throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A network of exactly two logits is not built here."),
        _ => outputs,
    };

    private static Tensor Constant(int rows, int options, int hot, Device device)
    {
        using Tensor index = full(rows, (long)hot, ScalarType.Int64, device);
        using Tensor oneHot = nn.functional.one_hot(index, options);
        return oneHot.to_type(ScalarType.Float32);
    }
}
