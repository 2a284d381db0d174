using System.Reflection;
using TorchSharp;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>Where TorchSharp's linux-x64 native shim lies: as published in the NuGet cache, and as copied into this test's bin.</summary>
internal static class PackagedNative
{
    /// <summary>The package cache's file (the build passes the cache root in as assembly metadata).</summary>
    public static string Cached
    {
        get
        {
            string root = typeof(PackagedNative).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
            string version = typeof(torch).Assembly.GetName().Version!.ToString(3);
            return Path.Combine(root, "torchsharp", version, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    /// <summary>The copy in this test project's output folder (patched by the build where needed).</summary>
    public static string Copied => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
}
