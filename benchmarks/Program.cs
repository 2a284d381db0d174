using System.Reflection;
using BenchmarkDotNet.Running;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// Entry point: <c>NAME [--options]</c> runs one side-by-side command (see <see cref="IBenchmarkCommand"/>);
/// <c>bdn [BenchmarkDotNet arguments]</c> runs the BenchmarkDotNet micro-benchmarks.
/// </summary>
public static class Program
{
    /// <summary>Dispatches to a command.</summary>
    public static int Main(string[] args)
    {
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        if (args.Length > 0 && args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }

        var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
        if (command is null)
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks -- COMMAND [--option value ...]");
            Console.Error.WriteLine("  bdn           BenchmarkDotNet micro-benchmarks (arguments passed through)");
            foreach (var c in commands)
            {
                Console.Error.WriteLine($"  {c.Name,-13} {c.Description}");
            }

            return args.Length == 0 ? 0 : 2;
        }

        try
        {
            return command.Run(new BenchmarkArguments(args[1..]));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
