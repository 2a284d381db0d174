namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// The parameters and buffers of a module as named float arrays with their shapes, for saving into a model file and
/// loading back (TorchSharp's state dictionary).
/// </summary>
public sealed class ModuleState
{
    /// <summary>Creates a state from values and shapes with the same names.</summary>
    public ModuleState(IReadOnlyDictionary<string, float[]> values, IReadOnlyDictionary<string, int[]> shapes)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shapes);
        foreach (var (name, array) in values)
        {
            if (!shapes.TryGetValue(name, out var shape))
            {
                throw new ArgumentException($"'{name}' has values but no shape.", nameof(shapes));
            }

            long size = 1;
            foreach (int d in shape)
            {
                size *= d;
            }

            if (size != array.Length)
            {
                throw new ArgumentException($"'{name}' has shape {Tensor.FormatShape(shape)} ({size} values) but {array.Length} values.", nameof(values));
            }
        }

        if (shapes.Count != values.Count)
        {
            throw new ArgumentException("Every shape needs values of the same name.", nameof(shapes));
        }

        Values = values;
        Shapes = shapes;
    }

    /// <summary>The row-major values, by dotted name.</summary>
    public IReadOnlyDictionary<string, float[]> Values { get; }

    /// <summary>The shapes, by dotted name.</summary>
    public IReadOnlyDictionary<string, int[]> Shapes { get; }
}
