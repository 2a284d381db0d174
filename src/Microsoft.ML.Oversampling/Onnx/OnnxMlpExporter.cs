using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>
/// Writes a trained ReLU MLP classifier as an ONNX model (IR version 8, opset 13) that ML.NET's ONNX transformer
/// scores one row at a time: input <c>[1, d]</c> named after the feature column; <c>Gemm</c> (weights transposed, as
/// <c>nn.Linear</c> stores them) and <c>Relu</c> per hidden layer; then the head. Every output is a <c>[1]</c> or
/// <c>[K]</c> tensor, because ML.NET 5.0.1's ONNX transformer fails on rank-0 (scalar) outputs; ML.NET steps after it
/// turn them into scalars (<see cref="Classifiers.DeepMlpScorer"/>).
/// <list type="bullet">
/// <item>Binary (one output unit): <see cref="DoubledLogit"/> = 2·logit, shape <c>[1]</c> (doubling and the later
/// halving are exact in binary floating point).</item>
/// <item>Multiclass: <see cref="Probabilities"/> = <c>Softmax</c> of the logits, shape <c>[K]</c>, and
/// <see cref="DoubledClass"/> = 2·(1 + the index of the largest probability, first on ties), shape <c>[1]</c>.</item>
/// </list>
/// The ONNX protobuf schema (onnx.proto) field numbers are written by <see cref="ProtobufWriter"/>.
/// </summary>
internal static class OnnxMlpExporter
{
    /// <summary>The ONNX graph's output names (also the ML.NET columns the scorer reads, then drops).</summary>
    public const string DoubledLogit = "DeepMlp.DoubledLogit", Probabilities = "DeepMlp.Probabilities", DoubledClass = "DeepMlp.DoubledClass";

    private const int FloatType = 1, Int64Type = 7;
    private const int AttributeInt = 2;

    /// <summary>The ONNX model bytes.</summary>
    /// <param name="layers">The layers, input first; ReLU between them, none after the last.</param>
    /// <param name="inputName">The graph input's name (the ML.NET feature column).</param>
    public static byte[] Export(IReadOnlyList<DenseLayer> layers, string inputName)
    {
        ArgumentOutOfRangeException.ThrowIfZero(layers.Count);
        int d = layers[0].Inputs;
        int outputs = layers[^1].Outputs;
        var graph = new ProtobufWriter().String(2, "deep_mlp");
        string current = inputName;
        for (int i = 0; i < layers.Count; i++)
        {
            DenseLayer layer = layers[i];
            graph.Message(5, FloatTensor($"W{i}", [layer.Outputs, layer.Inputs], layer.Weight));
            graph.Message(5, FloatTensor($"B{i}", [layer.Outputs], layer.Bias));
            string linear = $"linear{i}";
            graph.Message(1, Node("Gemm", [current, $"W{i}", $"B{i}"], [linear], IntAttribute("transB", 1)));
            current = linear;
            if (i < layers.Count - 1)
            {
                string relu = $"relu{i}";
                graph.Message(1, Node("Relu", [current], [relu]));
                current = relu;
            }
        }

        graph.Message(11, ValueInfo(inputName, FloatType, [1, d]));
        graph.Message(5, FloatTensor("two", [], [2f]));
        if (outputs == 1)
        {
            graph.Message(5, Int64Tensor("vector_shape", [1], [1]));
            graph.Message(1, Node("Reshape", [current, "vector_shape"], ["logit"]));
            graph.Message(1, Node("Mul", ["logit", "two"], [DoubledLogit]));
            graph.Message(12, ValueInfo(DoubledLogit, FloatType, [1]));
        }
        else
        {
            graph.Message(5, Int64Tensor("vector_shape", [1], [outputs]));
            graph.Message(5, Int64Tensor("one", [], [1]));
            graph.Message(1, Node("Softmax", [current], ["softmax"], IntAttribute("axis", 1)));
            graph.Message(1, Node("Reshape", ["softmax", "vector_shape"], [Probabilities]));
            graph.Message(1, Node("ArgMax", ["softmax"], ["argmax"], IntAttribute("axis", 1), IntAttribute("keepdims", 0)));
            graph.Message(1, Node("Add", ["argmax", "one"], ["key"]));
            graph.Message(1, Node("Cast", ["key"], ["class"], IntAttribute("to", FloatType)));
            graph.Message(1, Node("Mul", ["class", "two"], [DoubledClass]));
            graph.Message(12, ValueInfo(Probabilities, FloatType, [outputs]));
            graph.Message(12, ValueInfo(DoubledClass, FloatType, [1]));
        }

        return new ProtobufWriter()
            .Int64(1, 8) // ir_version
            .String(2, "Microsoft.ML.Oversampling")
            .Message(7, graph)
            .Message(8, new ProtobufWriter().String(1, "").Int64(2, 13)) // opset_import: the default domain, opset 13
            .ToArray();
    }

    private static ProtobufWriter Node(string op, string[] inputs, string[] outputs, params ProtobufWriter[] attributes)
    {
        var node = new ProtobufWriter();
        foreach (string input in inputs)
        {
            node.String(1, input);
        }

        foreach (string output in outputs)
        {
            node.String(2, output);
        }

        node.String(3, outputs[0] + "_" + op).String(4, op);
        foreach (ProtobufWriter attribute in attributes)
        {
            node.Message(5, attribute);
        }

        return node;
    }

    private static ProtobufWriter IntAttribute(string name, long value) =>
        new ProtobufWriter().String(1, name).Int64(3, value).Int64(20, AttributeInt);

    private static ProtobufWriter FloatTensor(string name, long[] dims, float[] values) =>
        Tensor(name, dims, FloatType, MemoryMarshal.AsBytes(values.AsSpan()));

    private static ProtobufWriter Int64Tensor(string name, long[] dims, long[] values) =>
        Tensor(name, dims, Int64Type, MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>A TensorProto with little-endian <c>raw_data</c> (this library runs on little-endian machines only,
    /// as LibTorch's CPU builds do).</summary>
    private static ProtobufWriter Tensor(string name, long[] dims, int type, ReadOnlySpan<byte> raw)
    {
        var tensor = new ProtobufWriter();
        foreach (long dim in dims)
        {
            tensor.Int64(1, dim);
        }

        return tensor.Int64(2, type).String(8, name).Bytes(9, raw);
    }

    private static ProtobufWriter ValueInfo(string name, int elementType, long[] dims)
    {
        var shape = new ProtobufWriter();
        foreach (long dim in dims)
        {
            shape.Message(1, new ProtobufWriter().Int64(1, dim));
        }

        var tensorType = new ProtobufWriter().Int64(1, elementType).Message(2, shape);
        return new ProtobufWriter().String(1, name).Message(2, new ProtobufWriter().Message(1, tensorType));
    }
}
