using System.Reflection;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>Constants of the model zip format (documented in docs/model-format.md).</summary>
internal static class ModelFormat
{
    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int Version = 1;

    /// <summary>The zip entry holding the manifest.</summary>
    public const string ManifestEntryName = "manifest.json";

    /// <summary>The value of the manifest's <c>format</c> field.</summary>
    public const string FormatName = "Microsoft.ML.Oversampling model";

    /// <summary>Fixed timestamp of every zip entry, so that saving the same model twice gives the same bytes.</summary>
    public static readonly DateTimeOffset EntryTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The library's version, as recorded in manifests.</summary>
    public static string LibraryVersion { get; } =
        typeof(ModelFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ModelFormat).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The entry holding component <paramref name="index"/>'s arrays.</summary>
    public static string ComponentEntryName(int index, string componentType) => $"components/{index:D3}-{componentType}.bin";
}
