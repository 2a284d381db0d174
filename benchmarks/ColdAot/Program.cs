using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Benchmarks;
using Microsoft.ML.Oversampling.Samplers;

// cold-call for a Native AOT build: loads FILE.bin (written by `cold`), times the process's first FitResample and prints
// SECONDS ROWS_OUT, like the JIT build's `cold-call` (which also prints the JIT's work, none here).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ColdAot FILE.bin smote|borderline|adasyn");
    return 2;
}

var (x, y) = BlobFile.Read(args[0]);
Oversampler sampler = args[1] switch
{
    "smote" => new Smote(),
    "borderline" => new BorderlineSmote(),
    "adasyn" => new Adasyn(),
    _ => throw new ArgumentException($"Unknown method '{args[1]}': use smote, borderline or adasyn."),
};
var stopwatch = Stopwatch.StartNew();
ResampleResult result = sampler.FitResample(x, y, seed: 0);
double seconds = stopwatch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:F6} {result.Labels.Count}"));
return 0;
