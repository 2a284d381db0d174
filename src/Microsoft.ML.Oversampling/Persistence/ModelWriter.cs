using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// What a component writes when it is saved (see <see cref="IPersistableComponent.WriteState"/>): named settings
/// that go to the manifest as JSON, named arrays that go to the component's binary entry with their shape and a
/// checksum, and child components saved in order.
/// </summary>
public sealed class ModelWriter
{
    private readonly ModelSaver _saver;
    private readonly ComponentRecord _record;
    private readonly List<ModelArray> _arrays = [];

    internal ModelWriter(ModelSaver saver, ComponentRecord record)
    {
        _saver = saver;
        _record = record;
    }

    /// <summary>The arrays written so far.</summary>
    internal IReadOnlyList<ModelArray> Arrays => _arrays;

    /// <summary>Writes a text setting.</summary>
    public void WriteString(string name, string value) => Set(name, JsonValue.Create(value ?? throw new ArgumentNullException(nameof(value))));

    /// <summary>Writes a list of texts.</summary>
    public void WriteStrings(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Set(name, new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()));
    }

    /// <summary>Writes an integer setting.</summary>
    public void WriteInt32(string name, int value) => Set(name, JsonValue.Create(value));

    /// <summary>Writes a boolean setting.</summary>
    public void WriteBoolean(string name, bool value) => Set(name, JsonValue.Create(value));

    /// <summary>Writes a float setting, exactly (round-trip text, so NaN and infinities survive too).</summary>
    public void WriteSingle(string name, float value) => Set(name, JsonValue.Create(value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Writes a double setting, exactly.</summary>
    public void WriteDouble(string name, double value) => Set(name, JsonValue.Create(value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Writes an options object (a sampler's or trainer's options class) as a JSON object of its settable
    /// properties' text values (<see cref="OptionsBinder.Describe"/>), with null for properties that are null.
    /// </summary>
    public void WriteOptions(string name, object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyDictionary<string, string> described = OptionsBinder.Describe(options);
        var json = new JsonObject();
        foreach (var property in OptionsBinder.SettableProperties(options.GetType()).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            json[property.Name] = described.TryGetValue(property.Name, out string? text) ? JsonValue.Create(text) : null;
        }

        Set(name, json);
    }

    /// <summary>Writes a float array with its shape (default: one dimension of its length), bit-exactly.</summary>
    public void WriteArray(string name, ReadOnlySpan<float> values, params int[] shape) => AddArray(ModelArray.Create(name, values, shape));

    /// <summary>Writes a double array with its shape, bit-exactly.</summary>
    public void WriteArray(string name, ReadOnlySpan<double> values, params int[] shape) => AddArray(ModelArray.Create(name, values, shape));

    /// <summary>Writes an integer array with its shape.</summary>
    public void WriteArray(string name, ReadOnlySpan<int> values, params int[] shape) => AddArray(ModelArray.Create(name, values, shape));

    /// <summary>Saves <paramref name="component"/> as the next child of this component.</summary>
    /// <exception cref="NotSupportedException">The child cannot be saved.</exception>
    public void WriteComponent(object component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _record.Children.Add(_saver.Add(component));
    }

    private void Set(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_record.Options.ContainsKey(name))
        {
            throw new ArgumentException($"Setting '{name}' of component {_record.Type} is written twice.", nameof(name));
        }

        _record.Options[name] = value;
    }

    private void AddArray(ModelArray array)
    {
        if (_arrays.Any(a => a.Name == array.Name))
        {
            throw new ArgumentException($"Array '{array.Name}' of component {_record.Type} is written twice.", nameof(array));
        }

        _arrays.Add(array);
    }
}
