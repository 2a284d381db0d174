using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>
/// Builds one ONNX <c>GraphProto</c> (nodes, initializers, inputs and outputs) and wraps it in a <c>ModelProto</c>
/// (IR version 8, opset 13 of the default domain), with the onnx.proto field numbers written by
/// <see cref="ProtobufWriter"/>. It also writes the two pieces every classifier export here shares: a chain of
/// fully connected layers (<see cref="Dense"/>) and the scoring head (<see cref="ClassifierHead"/>).
/// </summary>
internal sealed class OnnxGraph
{
    private const int FloatType = 1, Int64Type = 7;
    private const int AttributeInt = 2, AttributeInts = 7;
    private readonly ProtobufWriter _graph;

    /// <summary>An empty graph named <paramref name="name"/>.</summary>
    public OnnxGraph(string name) => _graph = new ProtobufWriter().String(2, name);

    /// <summary>A float32 constant (<c>initializer</c>), row-major.</summary>
    public OnnxGraph Initializer(string name, long[] dims, float[] values) =>
        Add(5, Tensor(name, dims, FloatType, MemoryMarshal.AsBytes(values.AsSpan())));

    /// <summary>An int64 constant (<c>initializer</c>), row-major.</summary>
    public OnnxGraph Initializer(string name, long[] dims, long[] values) =>
        Add(5, Tensor(name, dims, Int64Type, MemoryMarshal.AsBytes(values.AsSpan())));

    /// <summary>A node of operator <paramref name="op"/> (named after its first output).</summary>
    public OnnxGraph Node(string op, string[] inputs, string[] outputs, params ProtobufWriter[] attributes)
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

        return Add(1, node);
    }

    /// <summary>A float32 graph input of fixed shape.</summary>
    public OnnxGraph Input(string name, long[] dims) => Add(11, ValueInfo(name, dims));

    /// <summary>A float32 graph output of fixed shape.</summary>
    public OnnxGraph Output(string name, long[] dims) => Add(12, ValueInfo(name, dims));

    /// <summary>An integer attribute.</summary>
    public static ProtobufWriter IntAttribute(string name, long value) =>
        new ProtobufWriter().String(1, name).Int64(3, value).Int64(20, AttributeInt);

    /// <summary>A list-of-integers attribute (e.g. <c>kernel_shape</c>, <c>pads</c>).</summary>
    public static ProtobufWriter IntsAttribute(string name, params long[] values)
    {
        var attribute = new ProtobufWriter().String(1, name);
        foreach (long value in values)
        {
            attribute.Int64(8, value);
        }

        return attribute.Int64(20, AttributeInts);
    }

    /// <summary>
    /// <paramref name="layers"/> applied to the <c>[1, Inputs]</c> value <paramref name="input"/>: <c>Gemm</c> per layer
    /// (weights <c>W{i}</c> transposed, as <c>nn.Linear</c> stores them, biases <c>B{i}</c>) and a <c>Relu</c> after
    /// each but the last.
    /// </summary>
    /// <returns>The name of the last layer's output (the logits, <c>[1, Outputs]</c>).</returns>
    public string Dense(IReadOnlyList<DenseLayer> layers, string input)
    {
        string current = input;
        for (int i = 0; i < layers.Count; i++)
        {
            DenseLayer layer = layers[i];
            Initializer($"W{i}", [layer.Outputs, layer.Inputs], layer.Weight);
            Initializer($"B{i}", [layer.Outputs], layer.Bias);
            string linear = $"linear{i}";
            Node("Gemm", [current, $"W{i}", $"B{i}"], [linear], IntAttribute("transB", 1));
            current = linear;
            if (i < layers.Count - 1)
            {
                string relu = $"relu{i}";
                Node("Relu", [current], [relu]);
                current = relu;
            }
        }

        return current;
    }

    /// <summary>
    /// The scoring head on the <c>[1, outputs]</c> logits (see <see cref="OnnxMlpExporter"/>): for one output,
    /// <see cref="OnnxMlpExporter.DoubledLogit"/>; otherwise <see cref="OnnxMlpExporter.Probabilities"/> and
    /// <see cref="OnnxMlpExporter.DoubledClass"/>.
    /// </summary>
    public void ClassifierHead(string logits, int outputs)
    {
        Initializer("two", [], [2f]);
        if (outputs == 1)
        {
            Initializer("vector_shape", [1], [1L]);
            Node("Reshape", [logits, "vector_shape"], ["logit"]);
            Node("Mul", ["logit", "two"], [OnnxMlpExporter.DoubledLogit]);
            Output(OnnxMlpExporter.DoubledLogit, [1]);
            return;
        }

        Initializer("vector_shape", [1], [(long)outputs]);
        Initializer("one", [], [1L]);
        Node("Softmax", [logits], ["softmax"], IntAttribute("axis", 1));
        Node("Reshape", ["softmax", "vector_shape"], [OnnxMlpExporter.Probabilities]);
        Node("ArgMax", ["softmax"], ["argmax"], IntAttribute("axis", 1), IntAttribute("keepdims", 0));
        Node("Add", ["argmax", "one"], ["key"]);
        Node("Cast", ["key"], ["class"], IntAttribute("to", FloatType));
        Node("Mul", ["class", "two"], [OnnxMlpExporter.DoubledClass]);
        Output(OnnxMlpExporter.Probabilities, [outputs]);
        Output(OnnxMlpExporter.DoubledClass, [1]);
    }

    /// <summary>The <c>ModelProto</c> bytes holding the graph.</summary>
    public byte[] ToModel() =>
        new ProtobufWriter()
            .Int64(1, 8) // ir_version
            .String(2, "Microsoft.ML.Oversampling")
            .Message(7, _graph)
            .Message(8, new ProtobufWriter().String(1, "").Int64(2, 13)) // opset_import: the default domain, opset 13
            .ToArray();

    private OnnxGraph Add(int field, ProtobufWriter message)
    {
        _graph.Message(field, message);
        return this;
    }

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

    private static ProtobufWriter ValueInfo(string name, long[] dims)
    {
        var shape = new ProtobufWriter();
        foreach (long dim in dims)
        {
            shape.Message(1, new ProtobufWriter().Int64(1, dim));
        }

        var tensorType = new ProtobufWriter().Int64(1, FloatType).Message(2, shape);
        return new ProtobufWriter().String(1, name).Message(2, new ProtobufWriter().Message(1, tensorType));
    }
}
