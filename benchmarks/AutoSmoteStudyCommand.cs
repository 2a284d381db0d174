using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Evaluation;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// The AutoSMOTE study of issue 13 (papers.md §3.5 protocol, §3.7 claims): for each dataset and seed 0 … n − 1, a
/// stratified 80/20 split scaled min–max on its training rows, then every method of <see cref="AutoSmoteStudyMethods"/>
/// with the same §3.4 MLP. One CSV line per run, appended as soon as it ends; runs already in the CSV are skipped, so a
/// study can be stopped and extended. The Markdown report is rendered from the whole CSV after each dataset.
/// </summary>
public sealed class AutoSmoteStudyCommand : IBenchmarkCommand
{
    /// <summary>The small datasets first: the order a time-boxed run covers them in.</summary>
    internal const string DefaultDatasets = "glass1,glass0,glass6,glass4,glass2,new-thyroid1,ecoli-0_vs_1,haberman,ecoli1,ecoli2,ecoli3,ecoli4,wisconsin,abalone9-18,pima,breast_cancer,vehicle1,vehicle0,yeast-1-2-8-9_vs_7,oil";

    public string Name => "autosmote-study";

    public string Description => "AutoSMOTE study, §3.5 protocol (--datasets a,b --data-dir ../shared/datasets --seeds 10 --epochs 200 --methods all --out benchmarks/results/autosmote.csv --report benchmarks/results/autosmote.md [--render-only])";

    public int Run(BenchmarkArguments arguments)
    {
        string[] datasets = arguments.String("datasets", DefaultDatasets).Split(',', StringSplitOptions.RemoveEmptyEntries);
        string directory = arguments.String("data-dir", "../shared/datasets");
        int seeds = arguments.Int("seeds", 10);
        int epochs = arguments.Int("epochs", 200);
        double testFraction = arguments.Double("test-fraction", 0.2);
        string methodList = arguments.String("methods", "all");
        IReadOnlyList<StudyMethod> methods = methodList == "all"
            ? AutoSmoteStudyMethods.All
            : [.. methodList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AutoSmoteStudyMethods.Get)];
        string output = arguments.String("out", "benchmarks/results/autosmote.csv");
        string report = arguments.String("report", "benchmarks/results/autosmote.md");
        string command = "dotnet benchmarks/bin/Release/net10.0/Microsoft.ML.Oversampling.Benchmarks.dll " + string.Join(" ", Environment.GetCommandLineArgs()[1..]);

        if (arguments.Flag("render-only"))
        {
            AutoSmoteStudyReport.Render(StudyRunRecord.ReadAll(output), report, command: null);
            return 0;
        }

        var done = StudyRunRecord.ReadAll(output).Select(r => r.Key).ToHashSet();
        if (!File.Exists(output))
        {
            File.WriteAllText(output, StudyRunRecord.Header + "\n");
        }

        bool warm = false;
        foreach (string name in datasets)
        {
            LabeledMatrix data = StudyData.Load(directory, name);
            for (int seed = 0; seed < seeds; seed++)
            {
                var pending = methods.Where(m => !done.Contains((name, m.Name, seed))).ToList();
                if (pending.Count == 0)
                {
                    continue;
                }

                var task = new StudyTask(StudyData.Split(data, testFraction, seed), seed, epochs);
                if (!warm)
                {
                    WarmUp(task);
                    warm = true;
                }

                foreach (StudyMethod method in pending)
                {
                    try
                    {
                        StudyRunRecord record = Record(name, method, task);
                        File.AppendAllText(output, record.ToCsv() + "\n");
                        Console.WriteLine(record.ToCsv());
                    }
                    catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                    {
                        // Not recorded: the dataset then stays out of the comparisons that need this method.
                        Console.Error.WriteLine($"{name} {method.Name} seed {seed}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }

            AutoSmoteStudyReport.Render(StudyRunRecord.ReadAll(output), report, command);
        }

        return 0;
    }

    /// <summary>Fits a method on a task and scores it.</summary>
    private static StudyRunRecord Record(string dataset, StudyMethod method, StudyTask task)
    {
        StudyFit fit = method.Fit(task);
        MacroScores test = MacroScores.Of(task.Split.TestY, fit.TestPredicted);
        MacroScores train = MacroScores.Of(task.Split.TrainY, fit.TrainPredicted);
        return new StudyRunRecord(dataset, method.Name, task.Seed, task.Epochs, task.Split.TrainY.Length, task.Split.TestY.Length, fit.Cohorts,
            test.Precision, test.Recall, test.F1, test.BalancedAccuracy, train.F1, fit.FitSeconds);
    }

    /// <summary>Untimed one-epoch fits first, so loading LibTorch and ONNX Runtime and JIT compilation are not charged to the first run.</summary>
    private static void WarmUp(StudyTask task)
    {
        var oneEpoch = new StudyTask(task.Split, task.Seed, epochs: 1);
        foreach (string name in new[] { "none", "autosmote-cohort", "fasttree-smote" })
        {
            AutoSmoteStudyMethods.Get(name).Fit(oneEpoch);
        }
    }
}
