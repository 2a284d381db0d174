using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>Reads a model zip: checks the manifest, then rebuilds the components from the root down. Every problem
/// with the file is an <see cref="InvalidDataException"/> that says what is wrong and where.</summary>
internal sealed class ModelLoader
{
    private readonly ZipArchive _zip;
    private readonly ModelManifest _manifest;
    private readonly bool[] _loaded;

    private ModelLoader(ZipArchive zip, ModelManifest manifest)
    {
        _zip = zip;
        _manifest = manifest;
        _loaded = new bool[manifest.Components.Count];
    }

    /// <summary>Loads a model from a stream (not closed; a stream that cannot seek is copied to memory first).</summary>
    /// <param name="stream">The zip.</param>
    /// <param name="source">The file or stream's name, for messages.</param>
    /// <param name="inputSchema">The schema recorded with the model, if any.</param>
    public static ITransformer Load(Stream stream, string source, out ModelInputSchema? inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using MemoryStream? copy = stream.CanSeek ? null : new MemoryStream();
        if (copy is not null)
        {
            stream.CopyTo(copy);
            copy.Position = 0;
        }

        Stream seekable = copy ?? stream;

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"'{source}' is not a model file: it is not a zip archive, or it is truncated ({e.Message.TrimEnd('.')}).", e);
        }

        using (zip)
        {
            ModelManifest manifest = ReadManifest(zip, source);
            inputSchema = manifest.InputSchema;
            var loader = new ModelLoader(zip, manifest);
            object root = loader.LoadComponent(0, parent: -1);
            return root as ITransformer
                ?? throw new InvalidDataException($"'{source}' holds a {manifest.Components[0].Type} component, which is not a transformer.");
        }
    }

    /// <summary>Loads component <paramref name="index"/>, a child of <paramref name="parent"/> (-1 for the root).</summary>
    internal object LoadComponent(int index, int parent)
    {
        if (index <= parent || index >= _manifest.Components.Count)
        {
            throw new InvalidDataException($"The manifest is corrupt: component {parent} lists child {index}, which is not a later component.");
        }

        if (_loaded[index])
        {
            throw new InvalidDataException($"The manifest is corrupt: component {index} is listed as a child twice.");
        }

        _loaded[index] = true;
        ComponentRecord record = _manifest.Components[index];
        ComponentLoader load = ModelComponentCatalog.Find(record.Type)!; // checked for every component in ReadManifest
        var reader = new ModelReader(this, index, record, record.Entry is null ? [] : ReadArrays(record.Entry, index, record.Type));
        try
        {
            return load(reader);
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidCastException or NotSupportedException)
        {
            throw reader.Invalid(e.Message.TrimEnd('.'));
        }
    }

    private IReadOnlyList<ModelArray> ReadArrays(string entryName, int index, string type)
    {
        ZipArchiveEntry entry = _zip.GetEntry(entryName)
            ?? throw new InvalidDataException($"Model entry '{entryName}' of component {index} ({type}) is missing from the zip.");
        var data = new MemoryStream();
        try
        {
            using Stream stream = entry.Open();
            stream.CopyTo(data);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Model entry '{entryName}' is corrupt: {e.Message}", e);
        }

        return ModelArrayEntryFormat.Read(data.ToArray(), entryName);
    }

    private static ModelManifest ReadManifest(ZipArchive zip, string source)
    {
        ZipArchiveEntry entry = zip.GetEntry(ModelFormat.ManifestEntryName)
            ?? throw new InvalidDataException($"'{source}' is not a model file: the zip has no {ModelFormat.ManifestEntryName} entry.");
        string where = $"{ModelFormat.ManifestEntryName} of '{source}'";
        JsonNode? node;
        try
        {
            using Stream stream = entry.Open();
            node = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where} is not valid JSON: {e.Message}", e);
        }

        if (node is not JsonObject json || !json.TryGetPropertyValue("formatVersion", out JsonNode? versionNode)
            || versionNode is not JsonValue versionValue || !versionValue.TryGetValue(out int version))
        {
            throw new InvalidDataException($"{where} has no formatVersion: this is not a Microsoft.ML.Oversampling model.");
        }

        if (version > ModelFormat.Version)
        {
            throw new InvalidDataException(
                $"'{source}': model format {version} is newer than this library's {ModelFormat.Version}; upgrade Microsoft.ML.Oversampling.");
        }

        if (version < 1)
        {
            throw new InvalidDataException($"{where} has the invalid formatVersion {version}.");
        }

        ModelManifest manifest;
        try
        {
            manifest = json.Deserialize<ModelManifest>(ModelManifest.JsonOptions)
                ?? throw new InvalidDataException($"{where} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where} is malformed: {e.Message}", e);
        }

        if (manifest.Components is null || manifest.Components.Count == 0)
        {
            throw new InvalidDataException($"{where} lists no components.");
        }

        manifest.InputSchema?.Validate();
        for (int i = 0; i < manifest.Components.Count; i++)
        {
            string type = manifest.Components[i].Type;
            if (ModelComponentCatalog.Find(type) is null)
            {
                throw new InvalidDataException(
                    $"'{source}': model component {i} has unknown type '{type}'. Known types: {string.Join(", ", ModelComponentCatalog.ComponentTypes)}. "
                    + "It may come from a newer version of Microsoft.ML.Oversampling, or from a component whose loader was not registered.");
            }
        }

        return manifest;
    }
}
