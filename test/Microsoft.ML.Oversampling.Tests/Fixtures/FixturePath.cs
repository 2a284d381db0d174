namespace Microsoft.ML.Oversampling.Tests.Fixtures;

/// <summary>Locates fixture files copied next to the test assembly.</summary>
internal static class FixturePath
{
    public static string Of(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
}
