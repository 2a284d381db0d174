namespace Microsoft.ML.Oversampling.Cli.Infrastructure;

/// <summary>
/// Output files of the tool: checked before any work (the folder exists, the path is not one of the inputs) and
/// written atomically (a unique temporary file in the target folder, renamed into place), so a failed run leaves
/// neither a half-written output nor a clobbered neighbour.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Checks that <paramref name="path"/> can be written: its folder exists and it is none of <paramref name="inputs"/>.</summary>
    /// <param name="path">The output path.</param>
    /// <param name="flag">The option that named it, for messages (e.g. <c>--output</c>).</param>
    /// <param name="inputs">The input files of the command, with the option naming each.</param>
    public static string Check(string path, string flag, params (string? Path, string Flag)[] inputs)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new CliException($"{flag} '{path}' is a folder; give a file path.");
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CliException($"The folder of {flag} '{path}' does not exist: create '{folder}' first.");
        }

        foreach (var (input, inputFlag) in inputs)
        {
            if (input is not null && string.Equals(Path.GetFullPath(input), full, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                throw new CliException($"{flag} '{path}' is the same file as {inputFlag}; write the output to another file so the input is not overwritten.");
            }
        }

        return full;
    }

    /// <summary>Writes <paramref name="path"/> through a unique temporary file in its folder, then renames it into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes text atomically (UTF-8 without a byte-order mark).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            write(writer);
        });
}
