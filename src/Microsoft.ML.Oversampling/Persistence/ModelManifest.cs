using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>The <c>manifest.json</c> of a model zip: what the zip holds and how to rebuild it.</summary>
internal sealed class ModelManifest
{
    /// <summary>JSON settings of the manifest: camelCase, indented, nulls left out.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always <see cref="ModelFormat.FormatName"/>.</summary>
    public string Format { get; set; } = ModelFormat.FormatName;

    /// <summary>The format version the file was written with.</summary>
    public int FormatVersion { get; set; }

    /// <summary>The version of the library that wrote the file.</summary>
    public string LibraryVersion { get; set; } = string.Empty;

    /// <summary>The table the model expects, when known.</summary>
    public ModelInputSchema? InputSchema { get; set; }

    /// <summary>The components in pre-order: the model itself first, each parent before its children.</summary>
    public List<ComponentRecord> Components { get; set; } = [];
}

/// <summary>One component of a saved model.</summary>
internal sealed class ComponentRecord
{
    /// <summary>The component type, the key of its loader in <see cref="ModelComponentCatalog"/>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Options and small settings, as JSON.</summary>
    public JsonObject Options { get; set; } = [];

    /// <summary>Indices of the child components, in order.</summary>
    public List<int> Children { get; set; } = [];

    /// <summary>The zip entry holding the component's arrays, or null when it has none.</summary>
    public string? Entry { get; set; }
}
