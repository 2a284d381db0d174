using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// The classifier's image network (<see cref="DeepBackbone.SmallCnn"/>): it reads flat rows of C·H·W pixels (so the
/// imbalance hooks mix rows as for the MLP), reshapes them to N × C × H × W, and runs
/// <c>conv(C→16, 3×3, pad 1) – ReLU – max-pool 2</c>, <c>conv(16→32, 3×3, pad 1) – ReLU – max-pool 2</c>, flatten,
/// <c>linear(→128) – ReLU</c> (then seeded dropout when asked), <c>linear(→outputs)</c> with linear outputs (one
/// logit for two classes). Its parameters live in one <see cref="FlatParameters"/> buffer in that order (per layer:
/// weight, then bias), registered with the module, initialised as PyTorch initialises <c>nn.Conv2d</c> and
/// <c>nn.Linear</c> (uniform in ±1/√fan-in) from a seeded torch generator.
/// </summary>
internal sealed class SmallCnn : FlatModule
{
    /// <summary>The convolutions' kernel size (stride 1, padding 1: "same" size).</summary>
    public const int Kernel = 3;

    /// <summary>Units of the hidden fully connected layer.</summary>
    public const int HiddenUnits = 128;

    /// <summary>Output channels of the two convolutions.</summary>
    public static readonly IReadOnlyList<int> Channels = [16, 32];

    private static readonly long[] Stride = [1, 1], Padding = [Kernel / 2, Kernel / 2];

    private readonly long[] _imageShape;
    private readonly (Parameter Weight, Parameter Bias)[] _convolutions;
    private readonly (Parameter Weight, Parameter Bias)[] _dense;
    private readonly SeededDropout? _dropout;

    /// <summary>The network of <see cref="Channels"/> and <see cref="HiddenUnits"/> for <paramref name="shape"/>.</summary>
    public SmallCnn(ImageShape shape, int outputs, Generator generator, Device device, double dropout = 0, ulong dropoutSeed = 0)
        : this(shape, [.. Channels], HiddenUnits, outputs, generator, device, dropout, dropoutSeed)
    {
    }

    private SmallCnn(ImageShape shape, int[] channels, int hidden, int outputs, Generator generator, Device device, double dropout, ulong dropoutSeed)
        : base(nameof(SmallCnn))
    {
        Shape = shape;
        var stack = new ConvolutionStack(shape, [.. channels.Select((c, i) => new ConvLayer(i == 0 ? shape.Channels : channels[i - 1], c, Kernel, [], []))]);
        if (shape.Channels < 1 || shape.Height < 1 << channels.Length || shape.Width < 1 << channels.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"The small CNN needs at least 1 channel and {1 << channels.Length} × {1 << channels.Length} pixels.");
        }

        int flattened = stack.FlattenedSize;
        int[] dense = [flattened, hidden, outputs];
        long count = stack.Layers.Sum(l => ((long)l.InChannels * Kernel * Kernel + 1) * l.OutChannels)
            + Enumerable.Range(1, dense.Length - 1).Sum(i => ((long)dense[i - 1] + 1) * dense[i]);
        Flat = new FlatParameters(count, device);
        _convolutions = new (Parameter, Parameter)[stack.Layers.Count];
        for (int i = 0; i < stack.Layers.Count; i++)
        {
            ConvLayer layer = stack.Layers[i];
            double bound = 1 / Math.Sqrt(layer.InChannels * Kernel * Kernel);
            _convolutions[i] = (Flat.Take([layer.OutChannels, layer.InChannels, Kernel, Kernel], bound, generator), Flat.Take([layer.OutChannels], bound, generator));
            register_parameter($"conv{i}_weight", _convolutions[i].Weight);
            register_parameter($"conv{i}_bias", _convolutions[i].Bias);
        }

        _dense = new (Parameter, Parameter)[dense.Length - 1];
        for (int i = 1; i < dense.Length; i++)
        {
            double bound = 1 / Math.Sqrt(dense[i - 1]);
            _dense[i - 1] = (Flat.Take([dense[i], dense[i - 1]], bound, generator), Flat.Take([dense[i]], bound, generator));
            register_parameter($"linear{i - 1}_weight", _dense[i - 1].Weight);
            register_parameter($"linear{i - 1}_bias", _dense[i - 1].Bias);
        }

        Flat.RequireFilled();
        _imageShape = [-1, shape.Channels, shape.Height, shape.Width];
        if (dropout > 0)
        {
            _dropout = new SeededDropout(dropout, dropoutSeed + 1, device);
            register_module("dropout", _dropout);
        }
    }

    /// <summary>The image layout of an input row.</summary>
    public ImageShape Shape { get; }

    /// <inheritdoc />
    public override FlatParameters Flat { get; }

    /// <summary>A freshly initialised network for <paramref name="classes"/> classes (its initial weights and dropout
    /// seed drawn from <paramref name="random"/>, as <see cref="DeepMlpNetwork.Create(int, IReadOnlyList{int}, int, double, DeterministicRandom, Device)"/> draws them).</summary>
    public static SmallCnn Create(ImageShape shape, int classes, double dropout, DeterministicRandom random, Device device)
    {
        using var generator = new Generator(random.NextUInt64(), CPU);
        ulong dropoutSeed = random.NextUInt64();
        return new SmallCnn(shape, DeepMlpNetwork.Outputs(classes), generator, device, dropout, dropoutSeed);
    }

    /// <summary>A network holding <paramref name="convolutions"/>' and <paramref name="dense"/>' weights (in evaluation
    /// mode), e.g. to score with LibTorch.</summary>
    public static SmallCnn FromLayers(ConvolutionStack convolutions, IReadOnlyList<DenseLayer> dense, Device device)
    {
        if (convolutions.Layers.Any(l => l.Kernel != Kernel) || dense.Count != 2)
        {
            throw new ArgumentException($"A small CNN has {Kernel} × {Kernel} convolutions and two dense layers.", nameof(dense));
        }

        using var generator = new Generator(0, CPU);
        var network = new SmallCnn(convolutions.Shape, [.. convolutions.Layers.Select(l => l.OutChannels)], dense[0].Outputs, dense[1].Outputs, generator, device, 0, 0);
        network.Flat.Load([.. convolutions.Layers.SelectMany(l => l.Weight.Concat(l.Bias)).Concat(dense.SelectMany(l => l.Weight.Concat(l.Bias)))]);
        network.eval();
        return network;
    }

    /// <summary>The network's layers, copied out of its flat parameter buffer.</summary>
    public (ConvolutionStack Convolutions, DenseLayer[] Dense) Layers()
    {
        var values = new float[Flat.Count];
        TensorRows.Download(Flat.Values, values);
        int offset = 0;
        float[] Next(long size)
        {
            float[] part = values.AsSpan(offset, (int)size).ToArray();
            offset += part.Length;
            return part;
        }

        var convolutions = new ConvLayer[_convolutions.Length];
        for (int i = 0; i < convolutions.Length; i++)
        {
            long[] shape = _convolutions[i].Weight.shape;
            convolutions[i] = new ConvLayer((int)shape[1], (int)shape[0], Kernel, Next(_convolutions[i].Weight.numel()), Next(shape[0]));
        }

        var dense = new DenseLayer[_dense.Length];
        for (int i = 0; i < dense.Length; i++)
        {
            long[] shape = _dense[i].Weight.shape;
            dense[i] = new DenseLayer((int)shape[1], (int)shape[0], Next(_dense[i].Weight.numel()), Next(shape[0]));
        }

        return (new ConvolutionStack(Shape, convolutions), dense);
    }

    /// <summary>The logits (N × outputs) of the N × C·H·W rows of <paramref name="input"/>.</summary>
    public override Tensor forward(Tensor input)
    {
        Tensor current = input.reshape(_imageShape);
        foreach (var (weight, bias) in _convolutions)
        {
            using Tensor previous = current;
            using Tensor convolved = nn.functional.conv2d(previous, weight, bias, Stride, Padding);
            using Tensor activated = convolved.relu();
            current = nn.functional.max_pool2d(activated, ConvolutionStack.Pool, ConvolutionStack.Pool);
        }

        using (Tensor pooled = current)
        {
            current = pooled.flatten(1);
        }

        for (int i = 0; i < _dense.Length; i++)
        {
            using Tensor previous = current;
            current = nn.functional.linear(previous, _dense[i].Weight, _dense[i].Bias);
            if (i < _dense.Length - 1)
            {
                using Tensor linear = current;
                current = linear.relu();
                if (_dropout is not null)
                {
                    using Tensor kept = current;
                    current = _dropout.forward(kept);
                }
            }
        }

        return current;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dropout?.Dispose();
            Flat.Dispose();
        }

        base.Dispose(disposing);
    }
}
