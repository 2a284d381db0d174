namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// One side-by-side benchmark command (<c>dotnet run -c Release --project benchmarks -- NAME [options]</c>).
/// Each command lives in its own file and is discovered by reflection, so adding one touches nothing else.
/// </summary>
public interface IBenchmarkCommand
{
    /// <summary>The command's name on the command line.</summary>
    string Name { get; }

    /// <summary>One line of help.</summary>
    string Description { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(BenchmarkArguments arguments);
}
