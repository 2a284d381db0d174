using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// All parameters of a network as views into one contiguous buffer, and all their gradients as views into another.
/// So an optimiser updates the whole network with a handful of vector operations (<see cref="FusedAdam"/>), zeroing
/// the gradients is one operation, and the best weights of early stopping are one copy.
/// </summary>
internal sealed class FlatParameters : IDisposable
{
    private readonly List<Parameter> _parameters = [];
    private long _filled;

    /// <summary>Creates buffers of <paramref name="count"/> values on <paramref name="device"/>.</summary>
    public FlatParameters(long count, Device device)
    {
        Values = zeros(count, ScalarType.Float32, device);
        Gradients = zeros(count, ScalarType.Float32, device);
    }

    /// <summary>The parameter values, one after another.</summary>
    public Tensor Values { get; }

    /// <summary>The gradients, in the same layout; autograd accumulates into them in place.</summary>
    public Tensor Gradients { get; }

    /// <summary>Number of values.</summary>
    public long Count => Values.shape[0];

    /// <summary>Takes the next <c>∏shape</c> values as a parameter of that shape, initialised uniform in ±<paramref name="bound"/> from <paramref name="generator"/> (a CPU generator).</summary>
    public Parameter Take(long[] shape, double bound, Generator generator)
    {
        long size = shape.Aggregate(1L, (a, b) => a * b);
        if (_filled + size > Count)
        {
            throw new InvalidOperationException($"The flat buffer holds {Count} values; {_filled + size} were requested.");
        }

        Tensor view = Values.narrow(0, _filled, size).view(shape);
        using (no_grad())
        using (Tensor initial = empty(shape, ScalarType.Float32, CPU))
        {
            // Drawn on the CPU whatever the device, so a seed gives the same initial weights everywhere.
            initial.uniform_(-bound, bound, generator);
            view.copy_(initial);
        }

        var parameter = new Parameter(view, requires_grad: true);
        parameter.grad = Gradients.narrow(0, _filled, size).view(shape);
        _filled += size;
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Turns gradient recording of every parameter on or off (off: a loss back-propagates through the network
    /// to its input without computing the weights' gradients).</summary>
    public void RequireGradients(bool required)
    {
        foreach (Parameter parameter in _parameters)
        {
            parameter.requires_grad = required;
        }
    }

    /// <summary>Sets every gradient to zero (one operation).</summary>
    public void ZeroGradients() => Gradients.zero_();

    /// <summary>A copy of the values (for keeping the best weights).</summary>
    public Tensor Snapshot()
    {
        using (no_grad())
        {
            return Values.clone();
        }
    }

    /// <summary>Overwrites the values with <paramref name="snapshot"/>.</summary>
    public void Restore(Tensor snapshot)
    {
        using (no_grad())
        {
            Values.copy_(snapshot);
        }
    }

    /// <summary>Overwrites the values with <paramref name="values"/> (e.g. trained weights read back), in buffer order.</summary>
    /// <exception cref="ArgumentException">Not exactly <see cref="Count"/> values.</exception>
    public void Load(float[] values)
    {
        if (values.Length != Count)
        {
            throw new ArgumentException($"{values.Length} values given; the flat buffer holds {Count}.", nameof(values));
        }

        using (no_grad())
        using (Tensor source = TensorRows.Upload(values, 1, values.Length, Values.device))
        using (Tensor flat = source.view(values.Length))
        {
            Values.copy_(flat);
        }
    }

    /// <summary>Throws unless every value has been handed out as a parameter.</summary>
    public void RequireFilled()
    {
        if (_filled != Count)
        {
            throw new InvalidOperationException($"The flat buffer holds {Count} values but only {_filled} belong to parameters.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Values.Dispose();
        Gradients.Dispose();
    }
}
