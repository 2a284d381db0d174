using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.AutoSmote;

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
        return new CriteriaChoice(cat([GumbelSoftmax.OneHotArgmax(p), GumbelSoftmax.OneHotArgmax(k), GumbelSoftmax.OneHotArgmax(a)], 1), maxNeighbors, aggregations);
    }

    /// <summary>The frozen SMOTE-equivalent choices for <paramref name="rows"/> rows: participate, k = K_max (the only
    /// k-NN option built), interpolate (the only aggregation built).</summary>
    public static CriteriaChoice Frozen(int rows, Device device)
    {
        using Tensor row = tensor(new float[] { 0, 1, 1, 1 }, device: device);
        return new CriteriaChoice(row.view(1, 4).expand(rows, 4).contiguous(), 1, 1);
    }

    /// <summary>
    /// Straight-through Gumbel-Softmax choices for every row of <paramref name="logits"/> with one noise draw for all
    /// heads: the three heads of <c>(ℓ + g)/τ</c> are laid side by side in a rows × 3 × W block padded with −∞
    /// (W the widest head), so one softmax and one argmax serve all three, and the block is read back in head order.
    /// </summary>
    public static CriteriaChoice Sample(Tensor logits, Tensor noise, double temperature, int maxNeighbors, int aggregations)
    {
        int width = Math.Max(2, Math.Max(maxNeighbors, aggregations)), outputs = Outputs(maxNeighbors, aggregations);
        long rows = logits.shape[0];
        var pad = new long[3 * width];
        var unpad = new long[outputs];
        int[] sizes = [2, maxNeighbors, aggregations];
        for (int head = 0, offset = 0; head < 3; offset += sizes[head++])
        {
            for (int j = 0; j < width; j++)
            {
                pad[(head * width) + j] = j < sizes[head] ? offset + j : outputs;
            }

            for (int j = 0; j < sizes[head]; j++)
            {
                unpad[offset + j] = (head * width) + j;
            }
        }

        Tensor scaled = logits.Plus(noise).DividedBy(temperature);
        Tensor padded = cat([scaled, full(rows, 1, double.NegativeInfinity, ScalarType.Float32, logits.device)], 1)
            .index_select(1, tensor(pad, device: logits.device)).view(rows, 3, width);
        Tensor straight = GumbelSoftmax.StraightThrough(padded, 2);
        return new CriteriaChoice(straight.view(rows, 3 * width).index_select(1, tensor(unpad, device: logits.device)), maxNeighbors, aggregations);
    }

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
