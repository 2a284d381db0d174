using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// What a component's loader reads back (see <see cref="ComponentLoader"/>): the settings, arrays and children its
/// <see cref="IPersistableComponent.WriteState"/> wrote. A missing or malformed item throws an
/// <see cref="InvalidDataException"/> naming the component and the item.
/// </summary>
public sealed class ModelReader
{
    private readonly ModelLoader _loader;
    private readonly int _index;
    private readonly ComponentRecord _record;
    private readonly IReadOnlyList<ModelArray> _arrays;

    internal ModelReader(ModelLoader loader, int index, ComponentRecord record, IReadOnlyList<ModelArray> arrays)
    {
        _loader = loader;
        _index = index;
        _record = record;
        _arrays = arrays;
    }

    /// <summary>The component type being loaded.</summary>
    public string ComponentType => _record.Type;

    /// <summary>The number of child components.</summary>
    public int ComponentCount => _record.Children.Count;

    /// <summary>Whether a setting or an array called <paramref name="name"/> was written (for optional items).</summary>
    public bool Contains(string name) => _record.Options.ContainsKey(name) || _arrays.Any(a => a.Name == name);

    /// <summary>Reads a text setting.</summary>
    public string ReadString(string name) => Value<string>(name);

    /// <summary>Reads a list of texts.</summary>
    public IReadOnlyList<string> ReadStrings(string name) => Convert(name, node => node.AsArray().Select(n => n?.GetValue<string>() ?? throw new FormatException()).ToArray());

    /// <summary>Reads an integer setting.</summary>
    public int ReadInt32(string name) => Value<int>(name);

    /// <summary>Reads a boolean setting.</summary>
    public bool ReadBoolean(string name) => Value<bool>(name);

    /// <summary>Reads a float setting.</summary>
    public float ReadSingle(string name) => Convert(name, node => float.Parse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Reads a double setting.</summary>
    public double ReadDouble(string name) => Convert(name, node => double.Parse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Sets the properties of <paramref name="options"/> to the values written by <see cref="ModelWriter.WriteOptions"/>.</summary>
    public void ReadOptions(string name, object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonObject saved = Convert(name, node => node.AsObject());
        foreach (var (key, value) in saved)
        {
            try
            {
                if (value is null)
                {
                    PropertyInfo property = OptionsBinder.SettableProperties(options.GetType()).FirstOrDefault(p => p.Name == key)
                        ?? throw new ArgumentException($"{options.GetType().Name} has no option '{key}'.");
                    property.SetValue(options, null);
                }
                else
                {
                    OptionsBinder.Set(options, key, value.GetValue<string>());
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                throw Invalid($"option '{key}' of '{name}' cannot be restored: {e.Message}");
            }
        }
    }

    /// <summary>Reads a float array.</summary>
    public float[] ReadSingleArray(string name) => Values<float>(name);

    /// <summary>Reads a double array.</summary>
    public double[] ReadDoubleArray(string name) => Values<double>(name);

    /// <summary>Reads an integer array.</summary>
    public int[] ReadInt32Array(string name) => Values<int>(name);

    /// <summary>The shape an array was written with.</summary>
    public IReadOnlyList<int> ReadShape(string name) => Array(name).Shape;

    /// <summary>Loads child component <paramref name="index"/>.</summary>
    public object ReadComponent(int index)
    {
        if ((uint)index >= (uint)_record.Children.Count)
        {
            throw Invalid($"child component {index} is missing (it has {_record.Children.Count})");
        }

        return _loader.LoadComponent(_record.Children[index], parent: _index);
    }

    /// <summary>Loads child component <paramref name="index"/>, which must be a <typeparamref name="T"/>.</summary>
    public T ReadComponent<T>(int index)
        where T : class
    {
        object component = ReadComponent(index);
        return component as T ?? throw Invalid($"child component {index} is a {component.GetType().Name}, not a {typeof(T).Name}");
    }

    /// <summary>An error about this component, for loaders' own checks.</summary>
    public InvalidDataException Invalid(string problem) => new($"Model component {_index} ({_record.Type}): {problem}.");

    private T Value<T>(string name) => Convert(name, node => node.GetValue<T>());

    private T Convert<T>(string name, Func<JsonNode, T> convert)
    {
        if (!_record.Options.TryGetPropertyValue(name, out JsonNode? node))
        {
            throw Invalid($"setting '{name}' is missing");
        }

        try
        {
            return node is null ? throw new FormatException() : convert(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or OverflowException)
        {
            throw Invalid($"setting '{name}' is malformed ({node?.ToJsonString() ?? "null"})");
        }
    }

    private ModelArray Array(string name) => _arrays.FirstOrDefault(a => a.Name == name) ?? throw Invalid($"array '{name}' is missing");

    private T[] Values<T>(string name)
        where T : unmanaged
    {
        ModelArray array = Array(name);
        ModelArrayElementType wanted = ModelArray.ElementTypeOf<T>();
        return array.ElementType == wanted
            ? array.GetValues<T>()
            : throw Invalid($"array '{name}' holds {array.ElementType} values, not {wanted}");
    }
}
