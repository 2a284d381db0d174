using System.Runtime.InteropServices;
using Microsoft.ML.Oversampling.Build;

namespace Microsoft.ML.Oversampling.Tests.Generators;

/// <summary>The ELF logic of the native-load fix, on the published libLibTorchSharp.so from the package cache.</summary>
public partial class ElfVersionNeedPatcherTests
{
    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int HardLink(string existing, string created);

    private static byte[] Published() => File.ReadAllBytes(PackagedNative.Cached);

    /// <summary>A libstdc++ that provides every GLIBCXX_3.4.x and CXXABI_1.3.x up to x = 40.</summary>
    private static HashSet<string> EveryVersion()
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        for (int minor = 0; minor <= 40; minor++)
        {
            all.Add($"GLIBCXX_3.4.{minor}");
            all.Add($"CXXABI_1.3.{minor}");
        }

        all.Add("GLIBCXX_3.4");
        all.Add("CXXABI_1.3");
        return all;
    }

    [Fact]
    public void WeakensOnlyTheMissingUnusedVersion_OneFlagByte()
    {
        byte[] original = Published();
        byte[] patched = (byte[])original.Clone();
        var provided = EveryVersion();
        provided.Remove("GLIBCXX_3.4.32"); // a Debian 12 libstdc++ stops at 3.4.30

        ElfPatchOutcome outcome = ElfVersionNeedPatcher.Patch(patched, "libstdc++.so.6", provided);

        Assert.Null(outcome.Refusal);
        Assert.Equal(["GLIBCXX_3.4.32"], outcome.Weakened);
        int[] changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        Assert.Single(changed);
        Assert.Equal(2, patched[changed[0]] ^ original[changed[0]]); // VER_FLG_WEAK

        // Patching again changes nothing: the entry is weak already.
        Assert.Empty(ElfVersionNeedPatcher.Patch(patched, "libstdc++.so.6", provided).Weakened);
    }

    [Fact]
    public void DoesNothingWhenLibStdCxxIsNewEnough()
    {
        byte[] original = Published();
        byte[] patched = (byte[])original.Clone();

        ElfPatchOutcome outcome = ElfVersionNeedPatcher.Patch(patched, "libstdc++.so.6", EveryVersion());

        Assert.Empty(outcome.Weakened);
        Assert.Null(outcome.Refusal);
        Assert.Equal(original, patched);
    }

    [Fact]
    public void RefusesWhenAMissingVersionIsReallyUsedByARelocation()
    {
        byte[] original = Published();
        byte[] patched = (byte[])original.Clone();
        var provided = EveryVersion();
        provided.Remove("GLIBCXX_3.4.32");
        provided.Remove("GLIBCXX_3.4.9"); // std::string and stream symbols: bound through relocations

        ElfPatchOutcome outcome = ElfVersionNeedPatcher.Patch(patched, "libstdc++.so.6", provided);

        Assert.NotNull(outcome.Refusal);
        Assert.EndsWith("@GLIBCXX_3.4.9", outcome.Refusal);
        Assert.Empty(outcome.Weakened);
        Assert.Equal(original, patched);
    }

    [Fact]
    public void RejectsFilesThatAreNotElf64()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.Patch("not an ELF file at all, just some text....................."u8.ToArray(), "libstdc++.so.6", new HashSet<string>()));
        byte[] elf32 = Published()[..64];
        elf32[4] = 1;
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.Patch(elf32, "libstdc++.so.6", new HashSet<string>()));
    }

    [Fact]
    public void PatchFileReplacesTheFileAndKeepsItsTimestamp_LeavingHardLinkedOriginalsAlone()
    {
        string directory = Directory.CreateTempSubdirectory("elfpatch").FullName;
        try
        {
            string path = Path.Combine(directory, "libLibTorchSharp.so");
            string cacheCopy = Path.Combine(directory, "cache.so");
            File.WriteAllBytes(cacheCopy, Published());
            Assert.Equal(0, HardLink(cacheCopy, path)); // as a build that hard-links copy-local files from the package cache
            var stamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);
            string fakeLibStdCxx = Path.Combine(directory, "libstdc++.so.6");
            File.Copy(ElfVersionNeedPatcher.FindLibStdCxx()!, fakeLibStdCxx);

            ElfPatchOutcome outcome = ElfVersionNeedPatcher.PatchFile(path, fakeLibStdCxx);

            var provided = ElfVersionNeedPatcher.DefinedVersions(File.ReadAllBytes(fakeLibStdCxx));
            Assert.Equal(provided.Contains("GLIBCXX_3.4.32") ? [] : ["GLIBCXX_3.4.32"], outcome.Weakened);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Equal(["cache.so", "libLibTorchSharp.so", "libstdc++.so.6"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(Published(), File.ReadAllBytes(cacheCopy)); // the rename replaced the link, never wrote through it
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
