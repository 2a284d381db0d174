using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Neural;

[Collection(ParallelismCollection.Name)]
public class SgemmTests
{
    public static TheoryData<int, int, int, bool, bool, string> Shapes()
    {
        var data = new TheoryData<int, int, int, bool, bool, string>();
        (int M, int N, int K)[] sizes = [(1, 1, 1), (7, 17, 63), (65, 130, 17), (130, 65, 7), (63, 1, 65), (17, 33, 300), (1, 130, 65), (9, 31, 257)];
        foreach (var kernel in new[] { GemmKernel.Vector512, GemmKernel.Vector256, GemmKernel.Vector128, GemmKernel.Scalar })
        {
            if (!IsSupported(kernel))
            {
                continue;
            }

            foreach (var (m, n, k) in sizes)
            {
                foreach (bool ta in new[] { false, true })
                {
                    foreach (bool tb in new[] { false, true })
                    {
                        data.Add(m, n, k, ta, tb, kernel.ToString());
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesNaiveProduct(int m, int n, int k, bool transA, bool transB, string kernelName)
    {
        var kernel = Enum.Parse<GemmKernel>(kernelName);
        var random = new DeterministicRandom(m * 1000 + n * 10 + k);

        // Leading dimensions wider than the rows they hold, to check strided access.
        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 2, ldc = n + 5;
        var a = RandomArray(random, ((transA ? k : m) * lda) + 1);
        var b = RandomArray(random, ((transB ? n : k) * ldb) + 1);
        var bias = RandomArray(random, n);
        var initial = RandomArray(random, m * ldc);

        var overwrite = (float[])initial.Clone();
        Sgemm.Multiply(m, n, k, a, lda, transA, b, ldb, transB, overwrite, ldc, accumulate: false, kernel: kernel);
        var accumulated = (float[])initial.Clone();
        Sgemm.Multiply(m, n, k, a, lda, transA, b, ldb, transB, accumulated, ldc, accumulate: true, bias, GemmActivation.Relu, kernel);

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double av = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    double bv = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += av * bv;
                    magnitude += Math.Abs(av * bv);
                }

                // float32 accumulation of k products: |error| ≤ k·2⁻²⁴·Σ|aᵢbᵢ| (a loose but valid bound); 1e-6 k per unit.
                double tolerance = (1e-6 * k * (magnitude + 1)) + 1e-6;
                Assert.True(Math.Abs(overwrite[(i * ldc) + j] - sum) <= tolerance, $"C[{i},{j}] = {overwrite[(i * ldc) + j]}, expected {sum}");
                double expected = Math.Max(0, initial[(i * ldc) + j] + sum + bias[j]);
                Assert.True(Math.Abs(accumulated[(i * ldc) + j] - expected) <= tolerance + 1e-6, $"accumulated C[{i},{j}] = {accumulated[(i * ldc) + j]}, expected {expected}");
            }

            // Padding between rows of C is never written.
            for (int j = n; j < ldc && (i * ldc) + j < initial.Length; j++)
            {
                Assert.Equal(initial[(i * ldc) + j], overwrite[(i * ldc) + j]);
            }
        }
    }

    [Fact]
    public void EmptyDepthGivesBiasOnly()
    {
        var c = new float[] { 5, -5, 5, -5 };
        Sgemm.Multiply(2, 2, 0, [], 1, false, [], 2, false, c, 2, accumulate: false, bias: new float[] { 1, -1 }, activation: GemmActivation.Relu);
        Assert.Equal(new float[] { 1, 0, 1, 0 }, c);
    }

    [Fact]
    public void ResultIsBitIdenticalForAnyThreadCount()
    {
        int previous = Parallelism.MaxDegreeOfParallelism;
        try
        {
            var random = new DeterministicRandom(5);
            int m = 190, n = 170, k = 600; // large enough for the threaded path and several depth blocks
            var a = RandomArray(random, m * k);
            var b = RandomArray(random, k * n);
            float[] Run(int threads)
            {
                Parallelism.MaxDegreeOfParallelism = threads;
                var c = new float[m * n];
                Sgemm.Multiply(m, n, k, a, k, false, b, n, false, c, n, accumulate: false);
                return c;
            }

            var one = Run(1);
            Assert.Equal(one, Run(2));
            Assert.Equal(one, Run(3));
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = previous;
        }
    }

    [Fact]
    public void LargeThreadedProductWithParallelPackingIsCorrectAndThreadIndependent()
    {
        int previous = Parallelism.MaxDegreeOfParallelism;
        try
        {
            // Operands large enough that packing also runs in parallel; both transposed.
            var random = new DeterministicRandom(6);
            int m = 300, n = 260, k = 700;
            var a = RandomArray(random, k * m);
            var b = RandomArray(random, n * k);
            float[] Run(int threads)
            {
                Parallelism.MaxDegreeOfParallelism = threads;
                var c = new float[m * n];
                Sgemm.Multiply(m, n, k, a, m, true, b, k, true, c, n, accumulate: false);
                return c;
            }

            var two = Run(2);
            Assert.Equal(Run(1), two);
            for (int sample = 0; sample < 200; sample++)
            {
                int i = random.NextInt(m), j = random.NextInt(n);
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double product = (double)a[(p * m) + i] * b[(j * k) + p];
                    sum += product;
                    magnitude += Math.Abs(product);
                }

                Assert.True(Math.Abs(two[(i * n) + j] - sum) <= 1e-6 * k * (magnitude + 1), $"C[{i},{j}] = {two[(i * n) + j]}, expected {sum}");
            }
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = previous;
        }
    }

    [Fact]
    public void ShapeMismatchNamesBothShapes()
    {
        var a = Tensor.Zeros(3, 4);
        var b = Tensor.Zeros(5, 2);
        var error = Assert.Throws<ArgumentException>(() => Functional.MatMul(a, b));
        Assert.Contains("[3, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[5, 2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooShortOperandIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Sgemm.Multiply(4, 4, 4, new float[15], 4, false, new float[16], 4, false, new float[16], 4, accumulate: false));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    private static bool IsSupported(GemmKernel kernel) => kernel switch
    {
        GemmKernel.Vector512 => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated,
        GemmKernel.Vector256 => System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated,
        GemmKernel.Vector128 => System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated,
        _ => true,
    };

    private static float[] RandomArray(DeterministicRandom random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
