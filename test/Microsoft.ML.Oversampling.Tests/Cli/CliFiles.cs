using System.Globalization;
using System.Text;

namespace Microsoft.ML.Oversampling.Tests.Cli;

/// <summary>A temporary folder with small CSV files for the command-line tests; deleted on dispose.</summary>
internal sealed class CliFiles : IDisposable
{
    public CliFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "oversample-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>A binary file: features a, b, c and label column <paramref name="label"/> with values <paramref name="negative"/>/<paramref name="positive"/> (1 in 6 positive).</summary>
    public string Binary(string name = "bin.csv", int rows = 120, string label = "target", string negative = "no", string positive = "yes", int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder($"a,b,c,{label}\n");
        for (int i = 0; i < rows; i++)
        {
            bool pos = i % 6 == 0;
            double off = pos ? 1.5 : 0;
            text.Append(CultureInfo.InvariantCulture, $"{Gauss(random) + off:F4},{Gauss(random) - off:F4},{Gauss(random):F4},{(pos ? positive : negative)}\n");
        }

        return Write(name, text.ToString());
    }

    /// <summary>A three-class file: x1, x2 and label 'class' with cat (60%), dog (30%), bird (10%).</summary>
    public string Multiclass(string name = "multi.csv", int rows = 150, int seed = 2)
    {
        var random = new Random(seed);
        var text = new StringBuilder("x1,x2,class\n");
        for (int i = 0; i < rows; i++)
        {
            int k = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
            (double cx, double cy) = k switch { 0 => (0.0, 0.0), 1 => (2.0, 0.0), _ => (0.0, 2.0) };
            text.Append(CultureInfo.InvariantCulture, $"{cx + 0.7 * Gauss(random):F4},{cy + 0.7 * Gauss(random):F4},{(k == 0 ? "cat" : k == 1 ? "dog" : "bird")}\n");
        }

        return Write(name, text.ToString());
    }

    public string Write(string name, string text)
    {
        string path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The data lines of a CSV file (header excluded).</summary>
    public static string[] DataLines(string path) => File.ReadAllLines(path).Skip(1).ToArray();

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static double Gauss(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
