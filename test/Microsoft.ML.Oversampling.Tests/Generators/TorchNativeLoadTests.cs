using System.Runtime.InteropServices;
using Microsoft.ML.Oversampling.Build;
using TorchSharp;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>
/// The build-time native-load fix (build/Microsoft.ML.Oversampling.targets, docs/torchsharp-native-load.md): this test
/// project's own bin holds a libLibTorchSharp.so that loads here, and the patcher weakens only what is missing and unused.
/// </summary>
public class TorchNativeLoadTests
{
    [Fact]
    public void TorchSharpLoadsAndComputesWithoutAnyLibraryCode()
    {
        // Only TorchSharp is touched here: no run-time workaround of the library can have run first in this test.
        using var ones = torch.ones(3, 4);
        using var sum = ones.sum();

        Assert.Equal(12f, sum.item<float>());
    }

    [Fact]
    public void CopiedLibraryNeedsNothingTheMachinesLibStdCxxLacks_AndThePackageCacheIsUntouched()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return; // the patch only concerns linux-x64
        }

        string libStdCxx = ElfVersionNeedPatcher.FindLibStdCxx()!;
        var provided = ElfVersionNeedPatcher.DefinedVersions(File.ReadAllBytes(libStdCxx));
        Assert.Contains("GLIBCXX_3.4", provided);

        // Re-patching the copy against this machine's libstdc++ finds nothing left to weaken.
        byte[] copied = File.ReadAllBytes(PackagedNative.Copied);
        Assert.Empty(ElfVersionNeedPatcher.Patch(copied, "libstdc++.so.6", provided).Weakened);

        // The cache keeps the file as published: if this machine lacks a version, the cached copy still needs it.
        byte[] cached = File.ReadAllBytes(PackagedNative.Cached);
        var pristine = ElfVersionNeedPatcher.Patch((byte[])cached.Clone(), "libstdc++.so.6", provided);
        Assert.Null(pristine.Refusal);
        Assert.Equal(cached.Length, copied.Length);
        int differing = Enumerable.Range(0, cached.Length).Count(i => cached[i] != copied[i]);
        Assert.Equal(pristine.Weakened.Count, differing); // one flag byte per weakened entry
    }
}
