using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// The Mixup-family study on Fashion-MNIST-LT (benchmarks/results/mixup-family.md): the multiclass DeepMlp trainer with
/// the imbalanced-DL recipe (papers.md §4.7: SGD 0.1, momentum 0.9, weight decay 2e-4, batch 128, warm-up and step decay,
/// DRW from 80 % of the epochs), on a long-tailed subset of the 60,000 training images (§4.8, fixed shuffle of seed 0),
/// evaluated on the balanced 10,000-image test set after every epoch. One CSV line per run: last- and best-epoch accuracy,
/// tail accuracy (the three smallest classes), per-class accuracy, per-class training margins and the fit's wall time.
/// Same recipe as <c>mixup_pytorch.py</c>. <c>--backbone cnn</c> trains the small CNN (<see cref="DeepBackbone.SmallCnn"/>
/// on 1 × 28 × 28) instead of the MLP of <c>--hidden</c>; its rows' setting then ends in <c>-cnn</c>.
/// </summary>
public sealed class MixupFamilyCommand : IBenchmarkCommand
{
    private const float Mean = 0.2860f, Std = 0.3530f;

    public string Name => "mixup-family";

    public string Description => "Fashion-MNIST-LT Mixup family (--rho 100 --profile exp|step --methods erm,drw,mixup-drw,mamix-drw --seeds 1,2,3 --epochs 30 --hidden 512,256 --backbone mlp|cnn --out FILE.csv)";

    public int Run(BenchmarkArguments arguments)
    {
        double rho = arguments.Double("rho", 100);
        var profile = arguments.String("profile", "exp") == "step" ? LongTailProfile.Step : LongTailProfile.Exponential;
        string[] methods = arguments.String("methods", "erm,drw,mixup-drw,mamix-drw").Split(',', StringSplitOptions.RemoveEmptyEntries);
        int[] seeds = arguments.IntList("seeds", 1, 2, 3);
        int epochs = arguments.Int("epochs", 30);
        int[] hidden = arguments.IntList("hidden", 512, 256);
        DeepBackbone backbone = arguments.String("backbone", "mlp") switch
        {
            "mlp" => DeepBackbone.Mlp,
            "cnn" => DeepBackbone.SmallCnn,
            string other => throw new ArgumentException($"Unknown backbone '{other}': mlp or cnn."),
        };
        string directory = arguments.String("data", IdxImageSet.FashionMnistDirectory);
        string? output = arguments.Flag("out") ? arguments.String("out", "") : null;

        IdxImageSet pool = IdxImageSet.LoadFashionMnist(train: true, directory);
        IdxImageSet test = IdxImageSet.LoadFashionMnist(train: false, directory);
        int classes = pool.ClassCount;
        int[] counts = LongTail.Counts(pool.Count / classes, classes, rho, profile);
        // --subset FILE: the training rows (pool indices, one per line) another draw chose, e.g. mixup_pytorch.py
        // --save-subset, which draws as imbalanced-DL does; the counts must be the profile's.
        string subsetFile = arguments.String("subset", "");
        int[] rows = subsetFile.Length > 0 ? ReadSubset(subsetFile, pool, counts) : LongTail.Subsample(pool.Labels, counts);
        IdxImageSet train = pool.Subset(rows);
        var ml = new MLContext(seed: 1);
        IDataView trainView = train.ToDataView(ml, Mean, Std, classes);
        DenseMatrix trainMatrix = Matrix(train);
        DenseMatrix testMatrix = Matrix(test);
        string setting = (profile == LongTailProfile.Step ? $"step-{rho}" : $"exp-{rho}") + (backbone == DeepBackbone.SmallCnn ? "-cnn" : "");
        var c = CultureInfo.InvariantCulture;
        Console.Error.WriteLine($"{setting}: {train.Count} training rows, counts [{string.Join(", ", counts)}]; test {test.Count}; {(backbone == DeepBackbone.SmallCnn ? "small CNN" : $"hidden [{string.Join(",", hidden)}]")}, {epochs} epochs, LibTorch threads {TorchThreads.IntraOp}");
        if (output is not null && !File.Exists(output))
        {
            File.WriteAllText(output, "setting,method,seed,last_acc,best_acc,best_epoch,tail_acc,fit_seconds,eval_seconds,class_acc,class_margin,counts\n");
        }

        foreach (int seed in seeds)
        {
            foreach (string method in methods)
            {
                var accuracy = new List<double>();
                double[] classAccuracy = [];
                double[] margins = [];
                double evalSeconds = 0;
                var options = Options(method, epochs, hidden, seed);
                options.Backbone = backbone;
                options.ImageShape = new ImageShape(1, train.Height, train.Width);
                options.AfterEpoch = (epoch, network) =>
                {
                    var watch = Stopwatch.StartNew();
                    double[] perClass = ClassAccuracy(network, testMatrix, test.Labels, classes);
                    accuracy.Add(perClass.Average());
                    if (epoch == epochs - 1)
                    {
                        classAccuracy = perClass;
                        margins = LogitMargins.PerClassMean(network, trainMatrix, train.Labels, classes);
                    }

                    evalSeconds += watch.Elapsed.TotalSeconds;
                };

                var fitWatch = Stopwatch.StartNew();
                using (DeepMlpTransformer model = ml.MulticlassClassification.Trainers.DeepMlp(options).Fit(trainView))
                {
                }

                double fit = fitWatch.Elapsed.TotalSeconds;
                int best = accuracy.IndexOf(accuracy.Max());
                double tail = classAccuracy.Skip(classes - 3).Average();
                string line = string.Join(",",
                    setting, method, seed.ToString(c), (100 * accuracy[^1]).ToString("F2", c), (100 * accuracy[best]).ToString("F2", c), (best + 1).ToString(c),
                    (100 * tail).ToString("F2", c), fit.ToString("F2", c), evalSeconds.ToString("F2", c),
                    string.Join(" ", classAccuracy.Select(a => (100 * a).ToString("F1", c))),
                    string.Join(" ", margins.Select(m => m.ToString("F2", c))),
                    string.Join(" ", counts));
                Console.WriteLine(line);
                if (output is not null)
                {
                    File.AppendAllText(output, line + "\n");
                }
            }
        }

        return 0;
    }

    /// <summary>The recipe of papers.md §4.7 (scaled to <paramref name="epochs"/>) with a method's strategy.</summary>
    internal static DeepMlpOptions Options(string method, int epochs, int[] hidden, int seed)
    {
        bool drw = method.EndsWith("drw", StringComparison.Ordinal);
        string strategy = method == "drw" ? "erm" : drw ? method[..^4] : method;
        return new DeepMlpOptions
        {
            HiddenLayerSizes = hidden,
            MaxEpoch = epochs,
            BatchSize = 128,
            Optimizer = DeepOptimizer.Sgd,
            LearningRate = 0.1,
            Momentum = 0.9,
            WeightDecay = 2e-4,
            LearningRateSchedule = DeepLearningRateSchedule.WarmupStepDecay,
            Seed = seed,
            Imbalance = new DeepImbalanceOptions
            {
                DeferredReweighting = drw,
                Strategy = strategy switch
                {
                    "erm" => DeepImbalanceStrategy.Erm,
                    "smote" => DeepImbalanceStrategy.Smote,
                    "soft-smote" => DeepImbalanceStrategy.SoftSmote,
                    "mixup" => DeepImbalanceStrategy.Mixup,
                    "remix" => DeepImbalanceStrategy.Remix,
                    "mamix" => DeepImbalanceStrategy.MarginAwareMixup,
                    _ => throw new ArgumentException($"Unknown method '{method}': erm, drw, or smote, soft-smote, mixup, remix, mamix with an optional -drw."),
                },
            },
        };
    }

    /// <summary>Reads a subset file and checks that it holds <paramref name="counts"/> rows of each class.</summary>
    private static int[] ReadSubset(string path, IdxImageSet pool, int[] counts)
    {
        int[] rows = [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out int row)
            ? row : throw new InvalidDataException($"{path}: '{l}' is not a row index."))];
        if (rows.Distinct().Count() != rows.Length)
        {
            throw new InvalidDataException($"{path}: a row index appears twice.");
        }

        int[] found = new int[counts.Length];
        foreach (int row in rows)
        {
            if ((uint)row >= (uint)pool.Count)
            {
                throw new InvalidDataException($"{path}: row {row} is outside the {pool.Count} training images.");
            }

            found[pool.Labels[row]]++;
        }

        return found.SequenceEqual(counts)
            ? [.. rows.Order()]
            : throw new InvalidDataException($"{path}: class counts [{string.Join(", ", found)}], where the profile has [{string.Join(", ", counts)}].");
    }

    private static DenseMatrix Matrix(IdxImageSet images)
    {
        var matrix = new DenseMatrix(images.Count, images.PixelCount);
        for (int i = 0; i < images.Count; i++)
        {
            images.Pixels(i, matrix.Values.AsSpan(i * images.PixelCount, images.PixelCount), Mean, Std);
        }

        return matrix;
    }

    private static double[] ClassAccuracy(nn.Module<Tensor, Tensor> network, DenseMatrix x, IReadOnlyList<int> labels, int classes)
    {
        DenseMatrix logits = NetworkInference.Predict(network, x, classes, CPU);
        var right = new int[classes];
        var total = new int[classes];
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<float> z = logits.Values.AsSpan(i * classes, classes);
            int argmax = 0;
            for (int j = 1; j < classes; j++)
            {
                argmax = z[j] > z[argmax] ? j : argmax;
            }

            total[labels[i]]++;
            right[labels[i]] += argmax == labels[i] ? 1 : 0;
        }

        return [.. right.Select((r, k) => r / (double)total[k])];
    }
}
