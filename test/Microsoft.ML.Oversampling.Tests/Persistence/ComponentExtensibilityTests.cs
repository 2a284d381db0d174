using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.Persistence;

/// <summary>Components defined outside the library's table plug in by implementing <see cref="IPersistableComponent"/>
/// and registering a loader; a sampler with learned state is saved whole and can generate after loading.</summary>
public class ComponentExtensibilityTests
{
    /// <summary>A transformer of a "component library": adds a learned offset to each slot.</summary>
    private sealed class ShiftTransformer(string column, float[] shift) : ITransformer, IPersistableComponent
    {
        public const string TypeName = "Tests.Shift";

        static ShiftTransformer() => ModelComponentCatalog.Register(TypeName, r => new ShiftTransformer(r.ReadString("column"), r.ReadSingleArray("shift")));

        public float[] Shift { get; } = shift;

        public string ComponentType => TypeName;

        public DataView Transform(DataView input)
        {
            DenseMatrix m = input.GetVectorColumn(column).ToMatrix();
            for (int r = 0; r < m.Rows; r++)
            {
                for (int j = 0; j < m.Columns; j++)
                {
                    m[r, j] += Shift[j];
                }
            }

            return input.WithColumn(new VectorColumn(column, m));
        }

        public void WriteState(ModelWriter writer)
        {
            writer.WriteString("column", column);
            writer.WriteArray("shift", Shift);
        }
    }

    private sealed class CentroidOptions : OversamplerOptions
    {
        public double Spread { get; set; } = 0.1;
    }

    /// <summary>A stand-in for a deep generator: it learns state while fitting (each class's centroid) and can
    /// generate more rows from that state alone, after a save and load.</summary>
    private sealed class CentroidSampler(CentroidOptions options) : Oversampler(options), IPersistableComponent
    {
        public const string TypeName = "Tests.CentroidSampler";

        static CentroidSampler() => ModelComponentCatalog.Register(TypeName, r =>
        {
            var o = new CentroidOptions();
            r.ReadOptions("options", o);
            var loaded = new CentroidSampler(o);
            int[] shape = [.. r.ReadShape("centroids")];
            float[] values = r.ReadSingleArray("centroids");
            int[] labels = r.ReadInt32Array("labels");
            for (int i = 0; i < labels.Length; i++)
            {
                loaded.Centroids[labels[i]] = values.AsSpan(i * shape[1], shape[1]).ToArray();
            }

            return loaded;
        });

        public SortedDictionary<int, float[]> Centroids { get; } = [];

        public override string Name => "centroid";

        public string ComponentType => TypeName;

        /// <summary>Generates rows of a class from the learned state only.</summary>
        public DenseMatrix Generate(int label, int count, int seed)
        {
            var random = new DeterministicRandom(seed);
            float[] center = Centroids[label];
            var rows = new DenseMatrix(count, center.Length);
            for (int i = 0; i < count; i++)
            {
                for (int j = 0; j < center.Length; j++)
                {
                    rows[i, j] = center[j] + (float)(((CentroidOptions)Options).Spread * random.NextGaussian());
                }
            }

            return rows;
        }

        public void WriteState(ModelWriter writer)
        {
            writer.WriteOptions("options", Options);
            writer.WriteArray("labels", Centroids.Keys.ToArray());
            int width = Centroids.Values.First().Length;
            writer.WriteArray("centroids", Centroids.Values.SelectMany(c => c).ToArray(), Centroids.Count, width);
        }

        protected override DenseMatrix Generate(SamplingProblem problem, int label, int count, DeterministicRandom random)
        {
            DenseMatrix rows = problem.FeaturesOf(label);
            var center = new float[problem.FeatureCount];
            for (int r = 0; r < rows.Rows; r++)
            {
                for (int j = 0; j < center.Length; j++)
                {
                    center[j] += rows[r, j] / rows.Rows;
                }
            }

            Centroids[label] = center;
            return Generate(label, count, random.NextSeed());
        }
    }

    [Fact]
    public void RegisteredComponent_RoundTripsInAChain()
    {
        var ctx = new OversamplingContext(seed: 1);
        DataView data = ctx.Data.LoadEmbedded("haberman");
        var normalizer = ctx.Transforms.NormalizeMeanVariance().Fit(data);
        var trainer = ctx.BinaryClassification.Trainers.LogisticRegression();
        var shift = new ShiftTransformer("Features", [0.5f, -1f, 2f]);
        var model = new TransformerChain<ITransformer>([normalizer, shift, trainer.Fit(shift.Transform(normalizer.Transform(data)))]);

        var loaded = Assert.IsType<TransformerChain<ITransformer>>(ModelFiles.RoundTrip(ctx, model));

        Assert.Equal(shift.Shift, Assert.IsType<ShiftTransformer>(loaded.Transformers[1]).Shift);
        ModelFiles.AssertSamePredictions(model, loaded, data);
    }

    [Fact]
    public void SamplerWithLearnedState_IsSavedWhole_AndGeneratesTheSameRowsAfterLoading()
    {
        var ctx = new OversamplingContext(seed: 2);
        DataView data = ctx.Data.LoadEmbedded("glass2");
        var sampler = new CentroidSampler(new CentroidOptions { Spread = 0.25 });
        OversamplingTransformer fitted = ctx.Transforms.Oversampling.Create(sampler).Fit(data);

        var loaded = Assert.IsType<OversamplingTransformer>(ModelFiles.RoundTrip(ctx, fitted));

        var restored = Assert.IsType<CentroidSampler>(loaded.Sampler);
        Assert.Equal(0.25, ((CentroidOptions)restored.Options).Spread);
        Assert.Equal(sampler.Generate(1, 40, seed: 9).Values, restored.Generate(1, 40, seed: 9).Values);
        Assert.Same(data, loaded.Transform(data));
    }

    [Fact]
    public void ComponentWithoutARegisteredLoader_CannotBeSaved()
    {
        var ctx = new OversamplingContext(seed: 3);
        var error = Assert.Throws<NotSupportedException>(() => ModelFiles.SaveToBytes(ctx, new UnregisteredTransformer()));
        Assert.Contains("no loader is registered for its component type 'Tests.Unregistered'", error.Message);
    }

    private sealed class UnregisteredTransformer : ITransformer, IPersistableComponent
    {
        public string ComponentType => "Tests.Unregistered";

        public DataView Transform(DataView input) => input;

        public void WriteState(ModelWriter writer)
        {
        }
    }
}
