using System.Diagnostics;
using System.Reflection;

namespace Microsoft.ML.Oversampling.Tests.Support;

/// <summary>
/// Runs a console app of this repository that the test project builds without referencing it (the model-load probe,
/// the README example), found through the paths the project file records as assembly metadata.
/// </summary>
internal static class BuiltApp
{
    /// <summary>The path recorded under <paramref name="key"/> (e.g. <c>ModelLoadProbe</c>, <c>QuickStart</c>, <c>RepositoryRoot</c>).</summary>
    public static string Path(string key) =>
        typeof(BuiltApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Runs <c>dotnet APP.dll args</c> in <paramref name="workingDirectory"/>; fails the test unless it exits with 0.</summary>
    /// <returns>The app's standard output lines.</returns>
    public static string[] Run(string key, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path(key));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"{key} did not finish");
        Assert.True(process.ExitCode == 0, $"{key} failed with exit code {process.ExitCode}: {error.Result}");
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
