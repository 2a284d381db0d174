// Compiled twice: by MSBuild's RoslynCodeTaskFactory (build/Microsoft.ML.Oversampling.targets), as the
// PatchTorchSharpVersionNeeds task, and by the test project (with ELF_PATCHER_TESTS defined), which tests the ELF logic.
// See docs/torchsharp-native-load.md for why it exists.
#nullable disable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Microsoft.ML.Oversampling.Build
{
    /// <summary>The outcome of <see cref="ElfVersionNeedPatcher.Patch"/> for one file.</summary>
    public sealed class ElfPatchOutcome
    {
        /// <summary>Version needs that were weakened (empty when nothing had to change).</summary>
        public List<string> Weakened { get; } = new List<string>();

        /// <summary>Why the file was left alone although a version is missing (null when it was not refused).</summary>
        public string Refusal { get; set; }
    }

    /// <summary>
    /// Sets <c>VER_FLG_WEAK</c> on the version-need entries of an ELF64 little-endian shared object that name versions a
    /// given library (libstdc++) does not provide, provided no relocation uses a symbol of such a version. The loader
    /// then accepts the object on an older libstdc++; no code changes.
    /// </summary>
    public static class ElfVersionNeedPatcher
    {
        private const uint ShtDynsym = 11, ShtRela = 4, ShtRel = 9, ShtVerdef = 0x6ffffffd, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
        private const ushort VerFlgWeak = 2;

        /// <summary>The version names a shared object defines (its <c>.gnu.version_d</c>), e.g. GLIBCXX_3.4.30.</summary>
        public static HashSet<string> DefinedVersions(byte[] elf)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (Section section in Sections(elf))
            {
                if (section.Type != ShtVerdef)
                {
                    continue;
                }

                Section strings = Sections(elf)[(int)section.Link];
                long entry = section.Offset;
                for (int i = 0; i < (int)section.Info; i++)
                {
                    ushort auxCount = U16(elf, entry + 6);
                    long aux = entry + U32(elf, entry + 12);
                    if (auxCount > 0)
                    {
                        result.Add(Str(elf, strings.Offset + U32(elf, aux)));
                    }

                    uint next = U32(elf, entry + 16);
                    if (next == 0)
                    {
                        break;
                    }

                    entry += next;
                }
            }

            return result;
        }

        /// <summary>
        /// Weakens, in <paramref name="elf"/> (modified in place), the needs on <paramref name="library"/> that
        /// <paramref name="provided"/> lacks and no relocation uses. When any missing version is really used, nothing
        /// is changed and <see cref="ElfPatchOutcome.Refusal"/> says which symbol.
        /// </summary>
        public static ElfPatchOutcome Patch(byte[] elf, string library, ISet<string> provided)
        {
            var outcome = new ElfPatchOutcome();
            List<Section> sections = Sections(elf);
            Section verneed = sections.Find(s => s.Type == ShtVerneed);
            if (verneed == null)
            {
                return outcome;
            }

            Section strings = sections[(int)verneed.Link];
            var missing = new List<(long FlagsOffset, ushort Index, string Name)>();
            long entry = verneed.Offset;
            for (int i = 0; i < (int)verneed.Info; i++)
            {
                ushort count = U16(elf, entry + 2);
                string file = Str(elf, strings.Offset + U32(elf, entry + 4));
                long aux = entry + U32(elf, entry + 8);
                for (int j = 0; j < count; j++)
                {
                    ushort flags = U16(elf, aux + 4);
                    string name = Str(elf, strings.Offset + U32(elf, aux + 8));
                    if (file == library && !provided.Contains(name) && (flags & VerFlgWeak) == 0)
                    {
                        missing.Add((aux + 4, (ushort)(U16(elf, aux + 6) & 0x7fff), name));
                    }

                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                uint next = U32(elf, entry + 12);
                if (next == 0)
                {
                    break;
                }

                entry += next;
            }

            if (missing.Count == 0)
            {
                return outcome;
            }

            string used = UsedSymbol(elf, sections, missing);
            if (used != null)
            {
                outcome.Refusal = used;
                return outcome;
            }

            foreach (var need in missing)
            {
                ushort flags = U16(elf, need.FlagsOffset);
                flags |= VerFlgWeak;
                elf[need.FlagsOffset] = (byte)flags;
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                outcome.Weakened.Add(need.Name);
            }

            return outcome;
        }

        /// <summary>The first relocation target whose symbol has one of the missing versions, as "symbol@version".</summary>
        private static string UsedSymbol(byte[] elf, List<Section> sections, List<(long FlagsOffset, ushort Index, string Name)> missing)
        {
            Section versym = sections.Find(s => s.Type == ShtVersym);
            Section dynsym = sections.Find(s => s.Type == ShtDynsym);
            if (versym == null || dynsym == null)
            {
                return null;
            }

            Section names = sections[(int)dynsym.Link];
            foreach (Section rel in sections)
            {
                if ((rel.Type != ShtRela && rel.Type != ShtRel) || rel.EntrySize == 0 || sections[(int)rel.Link].Offset != dynsym.Offset)
                {
                    continue;
                }

                for (long at = rel.Offset; at + (long)rel.EntrySize <= rel.Offset + (long)rel.Size; at += (long)rel.EntrySize)
                {
                    uint symbol = (uint)(U64(elf, at + 8) >> 32);
                    if (symbol == 0)
                    {
                        continue;
                    }

                    ushort version = (ushort)(U16(elf, versym.Offset + (2L * symbol)) & 0x7fff);
                    foreach (var need in missing)
                    {
                        if (need.Index == version)
                        {
                            return Str(elf, names.Offset + U32(elf, dynsym.Offset + ((long)symbol * 24))) + "@" + need.Name;
                        }
                    }
                }
            }

            return null;
        }

        private sealed class Section
        {
            public uint Type;
            public long Offset;
            public ulong Size;
            public uint Link;
            public uint Info;
            public ulong EntrySize;
        }

        private static List<Section> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file");
            }

            if (elf[4] != 2 || elf[5] != 1)
            {
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            }

            long table = (long)U64(elf, 0x28);
            ushort entrySize = U16(elf, 0x3a), count = U16(elf, 0x3c);
            if (entrySize < 64 || table <= 0 || table + ((long)entrySize * count) > elf.Length)
            {
                throw new InvalidDataException("truncated ELF section table");
            }

            var result = new List<Section>(count);
            for (int i = 0; i < count; i++)
            {
                long at = table + ((long)i * entrySize);
                var section = new Section
                {
                    Type = U32(elf, at + 4),
                    Offset = (long)U64(elf, at + 24),
                    Size = U64(elf, at + 32),
                    Link = U32(elf, at + 40),
                    Info = U32(elf, at + 44),
                    EntrySize = U64(elf, at + 56),
                };
                if (section.Type != 8 && section.Offset + (long)section.Size > elf.Length)
                {
                    throw new InvalidDataException("an ELF section lies beyond the end of the file");
                }

                result.Add(section);
            }

            return result;
        }

        private static ushort U16(byte[] b, long at) => (ushort)(b[at] | (b[at + 1] << 8));

        private static uint U32(byte[] b, long at) => (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));

        private static ulong U64(byte[] b, long at) => U32(b, at) | ((ulong)U32(b, at + 4) << 32);

        private static string Str(byte[] b, long at)
        {
            long end = at;
            while (end < b.Length && b[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
        }

        /// <summary>
        /// The libstdc++ the running process loaded (from <c>/proc/self/maps</c>: the .NET runtime links it), else the
        /// first one found on the usual library paths; null when there is none.
        /// </summary>
        public static string FindLibStdCxx()
        {
            try
            {
                foreach (string line in File.ReadLines("/proc/self/maps"))
                {
                    int slash = line.IndexOf('/');
                    if (slash >= 0 && line.IndexOf("/libstdc++.so.6", StringComparison.Ordinal) >= 0)
                    {
                        return line.Substring(slash).Trim();
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            string[] directories = { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" };
            foreach (string directory in directories)
            {
                string candidate = Path.Combine(directory, "libstdc++.so.6");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>
        /// Patches <paramref name="path"/> against <paramref name="libStdCxx"/>: writes a unique temporary file beside it
        /// and renames it over the original (so a hard link into a package cache is never written through), keeping
        /// the original's timestamp so incremental copies stay up to date. Returns the outcome; does nothing when no
        /// version is missing.
        /// </summary>
        public static ElfPatchOutcome PatchFile(string path, string libStdCxx)
        {
            byte[] elf = File.ReadAllBytes(path);
            ElfPatchOutcome outcome = Patch(elf, "libstdc++.so.6", DefinedVersions(File.ReadAllBytes(libStdCxx)));
            if (outcome.Weakened.Count == 0)
            {
                return outcome;
            }

            DateTime stamp = File.GetLastWriteTimeUtc(path);
            string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllBytes(temporary, elf);
                File.SetLastWriteTimeUtc(temporary, stamp);
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            return outcome;
        }
    }

#if !ELF_PATCHER_TESTS
    /// <summary>MSBuild task: patches every file of <c>Files</c> (see <see cref="ElfVersionNeedPatcher"/>).</summary>
    public sealed class PatchTorchSharpVersionNeeds : Microsoft.Build.Utilities.Task
    {
        /// <summary>The copied native libraries to patch.</summary>
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            if (Files == null || Files.Length == 0)
            {
                return true;
            }

            string libStdCxx = ElfVersionNeedPatcher.FindLibStdCxx();
            if (libStdCxx == null)
            {
                Log.LogWarning("OVS0001: no libstdc++.so.6 found; TorchSharp's native library was left unpatched (docs/torchsharp-native-load.md).");
                return true;
            }

            foreach (var item in Files)
            {
                string path = item.GetMetadata("FullPath");
                try
                {
                    ElfPatchOutcome outcome = ElfVersionNeedPatcher.PatchFile(path, libStdCxx);
                    if (outcome.Refusal != null)
                    {
                        Log.LogWarning("OVS0002: {0} needs {1}, which {2} lacks and which a relocation really uses; left unpatched, it will not load here (docs/torchsharp-native-load.md).", path, outcome.Refusal, libStdCxx);
                    }
                    else if (outcome.Weakened.Count > 0)
                    {
                        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "Weakened the unused version need(s) {0} of {1} ({2} lacks them).", string.Join(", ", outcome.Weakened), path, libStdCxx);
                    }
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException || e is IndexOutOfRangeException)
                {
                    Log.LogWarning("OVS0003: could not patch {0}: {1}", path, e.Message);
                }
            }

            return true;
        }
    }
#endif
}
