using Microsoft.ML.Oversampling.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Single-precision matrix multiply <c>C (=|+=) op(A)·op(B) [+ bias] [then ReLU]</c> on row-major storage, where
/// <c>op</c> optionally transposes. Both operands are packed into micro-panels (transposes are absorbed by the
/// packing), then register-tiled kernels sweep cache-sized tiles of C.
/// </summary>
/// <remarks>
/// Determinism: every element of C is produced by one kernel call per <see cref="DepthBlock"/>-long slice of k, in
/// increasing k order, whatever the tiling or thread count; tiles are distributed over threads but never split, so
/// the result is bit-identical for any <see cref="Parallelism.MaxDegreeOfParallelism"/>.
/// </remarks>
internal static unsafe class Sgemm
{
    /// <summary>The k-slice length kept hot in cache (the B micro-panel slice is DepthBlock × NR floats, sized for L1).</summary>
    internal const int DepthBlock = 256;

    /// <summary>Multiply-adds below which threads cost more than they save.</summary>
    private const long ParallelThreshold = 1L << 22;

    /// <summary>Packed elements below which packing on one thread beats a second parallel region.</summary>
    private const long ParallelPackThreshold = 1L << 18;

    private const int RowBlock = 128;
    private const int ColumnBlock = 256;

    [ThreadStatic]
    private static float[]? t_packA;

    [ThreadStatic]
    private static float[]? t_packB;

    [ThreadStatic]
    private static Job? t_job;

    private static readonly GemmKernel s_bestKernel =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmKernel.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmKernel.Vector256
        : Vector128.IsHardwareAccelerated && (Fma.IsSupported || AdvSimd.IsSupported) ? GemmKernel.Vector128
        : GemmKernel.Scalar;

    /// <summary>The kernel <see cref="GemmKernel.Auto"/> resolves to on this machine.</summary>
    internal static GemmKernel BestKernel => s_bestKernel;

    /// <summary>
    /// Computes <c>C = op(A)·op(B)</c> (or adds it to C when <paramref name="accumulate"/>), where op(A) is m×k and
    /// op(B) is k×n, then adds <paramref name="bias"/> (length n, may be empty) to every row and applies
    /// <paramref name="activation"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(
        int m, int n, int k,
        ReadOnlySpan<float> a, int lda, bool transA,
        ReadOnlySpan<float> b, int ldb, bool transB,
        Span<float> c, int ldc, bool accumulate,
        ReadOnlySpan<float> bias = default,
        GemmActivation activation = GemmActivation.None,
        GemmKernel kernel = GemmKernel.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckOperand(nameof(a), a.Length, transA ? k : m, transA ? m : k, lda);
        CheckOperand(nameof(b), b.Length, transB ? n : k, transB ? k : n, ldb);
        CheckOperand(nameof(c), c.Length, m, n, ldc);
        if (!bias.IsEmpty && bias.Length != n)
        {
            throw new ArgumentException($"The bias has {bias.Length} values but the product has {n} columns.", nameof(bias));
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            ApplyWithoutProduct(m, n, c, ldc, accumulate, bias, activation);
            return;
        }

        var spec = KernelSpec.For(kernel == GemmKernel.Auto ? s_bestKernel : kernel);
        int rowPanels = (m + spec.Rows - 1) / spec.Rows;
        int columnPanels = (n + spec.Columns - 1) / spec.Columns;
        float[] packA = Grow(ref t_packA, (long)rowPanels * spec.Rows * k);
        float[] packB = Grow(ref t_packB, (long)columnPanels * spec.Columns * k);

        int threads = Parallelism.EffectiveDegree;
        bool parallel = threads > 1 && (long)m * n * k >= ParallelThreshold;
        int rowBlock = RowBlock / spec.Rows * spec.Rows;
        int columnBlock = ColumnBlock / spec.Columns * spec.Columns;
        if (parallel)
        {
            // Several tiles per thread, so a preempted thread holds back little work; columns are split first so each
            // thread streams fewer B panels. Tiling never changes the arithmetic of an element.
            while (CeilDiv(m, rowBlock) * CeilDiv(n, columnBlock) < 4 * threads)
            {
                if (columnBlock >= 2 * spec.Columns && n > columnBlock / 2)
                {
                    columnBlock = columnBlock / 2 / spec.Columns * spec.Columns;
                }
                else if (rowBlock >= 2 * spec.Rows && m > rowBlock / 2)
                {
                    rowBlock = rowBlock / 2 / spec.Rows * spec.Rows;
                }
                else
                {
                    break;
                }
            }
        }

        fixed (float* pa = a, pb = b, pc = c, pbias = bias, ppA = packA, ppB = packB)
        {
            var job = t_job ??= new Job();
            job.Set(spec, m, n, k, pa, lda, transA, pb, ldb, transB, pc, ldc, accumulate,
                bias.IsEmpty ? null : pbias, activation, ppA, ppB, rowBlock, columnBlock);
            int tiles = job.RowTiles * job.ColumnTiles;
            var options = parallel ? new ParallelOptions { MaxDegreeOfParallelism = threads } : null;
            if (options is not null && ((long)m * k) + ((long)k * n) >= ParallelPackThreshold)
            {
                Parallel.For(0, rowPanels + columnPanels, options, job.Pack);
            }
            else
            {
                for (int p = 0; p < rowPanels + columnPanels; p++)
                {
                    job.Pack(p);
                }
            }

            if (options is not null && tiles > 1)
            {
                Parallel.For(0, tiles, options, job.ComputeTile);
            }
            else
            {
                for (int t = 0; t < tiles; t++)
                {
                    job.ComputeTile(t);
                }
            }

            job.Clear();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckOperand(string name, int length, int rows, int columns, int leading)
    {
        if (leading < Math.Max(1, columns))
        {
            throw new ArgumentException($"Leading dimension {leading} of '{name}' is smaller than its {columns} columns.", name);
        }

        long needed = rows == 0 || columns == 0 ? 0 : ((long)(rows - 1) * leading) + columns;
        if (length < needed)
        {
            throw new ArgumentException($"'{name}' is {rows}×{columns} with leading dimension {leading}, so it needs {needed} values, but has {length}.", name);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyWithoutProduct(int m, int n, Span<float> c, int ldc, bool accumulate, ReadOnlySpan<float> bias, GemmActivation activation)
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            for (int j = 0; j < n; j++)
            {
                float v = (accumulate ? row[j] : 0f) + (bias.IsEmpty ? 0f : bias[j]);
                row[j] = activation == GemmActivation.Relu ? MathF.Max(v, 0f) : v;
            }
        }
    }

    private static int CeilDiv(int x, int y) => (x + y - 1) / y;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float[] Grow(ref float[]? buffer, long length)
    {
        if (length > Array.MaxLength)
        {
            throw new ArgumentException($"The packed operand would need {length} values, more than an array can hold.");
        }

        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>((int)Math.Max(length, 1024));
        }

        return buffer;
    }

    /// <summary>A kernel and its register tile.</summary>
    private readonly struct KernelSpec
    {
        public readonly delegate*<int, float*, float*, float*, int, bool, float*, bool, void> Run;
        public readonly int Rows;
        public readonly int Columns;

        private KernelSpec(delegate*<int, float*, float*, float*, int, bool, float*, bool, void> run, int rows, int columns)
        {
            Run = run;
            Rows = rows;
            Columns = columns;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static KernelSpec For(GemmKernel kernel) => kernel switch
        {
            GemmKernel.Vector512 => new(&GemmMicroKernels.Vector512x8x32, 8, 32),
            GemmKernel.Vector256 => new(&GemmMicroKernels.Vector256x6x16, 6, 16),
            GemmKernel.Vector128 => new(&GemmMicroKernels.Vector128x8x8, 8, 8),
            GemmKernel.Scalar => new(&GemmMicroKernels.Scalar4x4, 4, 4),
            _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Unknown kernel."),
        };
    }

    /// <summary>One multiply's operands and tiling, shared read-only by the threads that pack and compute it.</summary>
    private sealed class Job
    {
        private KernelSpec _spec;
        private int _m, _n, _k, _lda, _ldb, _ldc, _rowBlock, _columnBlock, _rowPanels;
        private bool _transA, _transB, _accumulate, _relu;
        private float* _a, _b, _c, _bias, _packA, _packB;

        public int RowTiles { get; private set; }

        public int ColumnTiles { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Set(
            KernelSpec spec, int m, int n, int k, float* a, int lda, bool transA, float* b, int ldb, bool transB,
            float* c, int ldc, bool accumulate, float* bias, GemmActivation activation, float* packA, float* packB,
            int rowBlock, int columnBlock)
        {
            _spec = spec;
            (_m, _n, _k) = (m, n, k);
            _a = a;
            _b = b;
            _c = c;
            _bias = bias;
            (_lda, _ldb, _ldc) = (lda, ldb, ldc);
            (_transA, _transB, _accumulate) = (transA, transB, accumulate);
            _relu = activation == GemmActivation.Relu;
            _packA = packA;
            _packB = packB;
            (_rowBlock, _columnBlock) = (rowBlock, columnBlock);
            _rowPanels = CeilDiv(m, spec.Rows);
            RowTiles = CeilDiv(m, rowBlock);
            ColumnTiles = CeilDiv(n, columnBlock);
        }

        /// <summary>Drops the pointers so nothing outlives the pinning.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Clear()
        {
            _a = _b = _c = _bias = _packA = _packB = null;
        }

        /// <summary>Packs A micro-panel <paramref name="panel"/>, or B micro-panel <c>panel - rowPanels</c>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Pack(int panel)
        {
            if (panel < _rowPanels)
            {
                PackA(panel);
            }
            else
            {
                PackB(panel - _rowPanels);
            }
        }

        /// <summary>Layout: for each k, the MR values of rows panel·MR.. (zero past the last row).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void PackA(int panel)
        {
            int mr = _spec.Rows, k = _k, lda = _lda;
            int row0 = panel * mr;
            int rows = Math.Min(mr, _m - row0);
            float* dst = _packA + ((long)panel * mr * k);
            if (_transA)
            {
                // Rows of the stored matrix are columns of op(A): contiguous runs of MR values.
                float* src = _a + row0;
                for (int p = 0; p < k; p++)
                {
                    CopyPadded(src + ((long)p * lda), dst + ((long)p * mr), rows, mr);
                }
            }
            else
            {
                GatherColumns(_a + ((long)row0 * lda), lda, k, dst, rows, mr);
            }
        }

        /// <summary>Layout: for each k, the NR values of columns panel·NR.. (zero past the last column).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void PackB(int panel)
        {
            int nr = _spec.Columns, k = _k, ldb = _ldb;
            int col0 = panel * nr;
            int cols = Math.Min(nr, _n - col0);
            float* dst = _packB + ((long)panel * nr * k);
            if (_transB)
            {
                GatherColumns(_b + ((long)col0 * ldb), ldb, k, dst, cols, nr);
            }
            else
            {
                float* src = _b + col0;
                for (int p = 0; p < k; p++)
                {
                    CopyPadded(src + ((long)p * ldb), dst + ((long)p * nr), cols, nr);
                }
            }
        }

        /// <summary>Copies <paramref name="count"/> floats and zero-fills up to <paramref name="width"/>.</summary>
        /// <remarks>Hand-vectorised: these copies are only tens of floats long, where a general memmove call costs more than the copy.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void CopyPadded(float* src, float* dst, int count, int width)
        {
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= count; j += 8)
                {
                    Vector256.Store(Vector256.Load(src + j), dst + j);
                }
            }

            for (; j < count; j++)
            {
                dst[j] = src[j];
            }

            for (; j < width; j++)
            {
                dst[j] = 0f;
            }
        }

        /// <summary>
        /// Transposing copy: <c>dst[p·width + j] = src[j·stride + p]</c> for j &lt; count (zero for count ≤ j &lt; width),
        /// in 8×8 blocks transposed in AVX registers where possible.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void GatherColumns(float* src, int stride, int k, float* dst, int count, int width)
        {
            int j = 0;
            if (Avx.IsSupported)
            {
                for (; j + 8 <= count; j += 8)
                {
                    float* lines = src + ((long)j * stride);
                    int p = 0;
                    for (; p + 8 <= k; p += 8)
                    {
                        Transpose8x8(lines + p, stride, dst + ((long)p * width) + j, width);
                    }

                    for (; p < k; p++)
                    {
                        float* d = dst + ((long)p * width) + j;
                        for (int i = 0; i < 8; i++)
                        {
                            d[i] = lines[((long)i * stride) + p];
                        }
                    }
                }
            }

            for (; j < width; j++)
            {
                float* d = dst + j;
                if (j < count)
                {
                    float* line = src + ((long)j * stride);
                    for (int p = 0; p < k; p++)
                    {
                        d[(long)p * width] = line[p];
                    }
                }
                else
                {
                    for (int p = 0; p < k; p++)
                    {
                        d[(long)p * width] = 0f;
                    }
                }
            }
        }

        /// <summary>Writes the transpose of the 8×8 block at <paramref name="src"/> (row stride <paramref name="srcStride"/>) to <paramref name="dst"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Transpose8x8(float* src, int srcStride, float* dst, int dstStride)
        {
            var r0 = Avx.LoadVector256(src);
            var r1 = Avx.LoadVector256(src + srcStride);
            var r2 = Avx.LoadVector256(src + (2L * srcStride));
            var r3 = Avx.LoadVector256(src + (3L * srcStride));
            var r4 = Avx.LoadVector256(src + (4L * srcStride));
            var r5 = Avx.LoadVector256(src + (5L * srcStride));
            var r6 = Avx.LoadVector256(src + (6L * srcStride));
            var r7 = Avx.LoadVector256(src + (7L * srcStride));

            var t0 = Avx.UnpackLow(r0, r1);
            var t1 = Avx.UnpackHigh(r0, r1);
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            var t4 = Avx.UnpackLow(r4, r5);
            var t5 = Avx.UnpackHigh(r4, r5);
            var t6 = Avx.UnpackLow(r6, r7);
            var t7 = Avx.UnpackHigh(r6, r7);

            var u0 = Avx.Shuffle(t0, t2, 0x44);
            var u1 = Avx.Shuffle(t0, t2, 0xEE);
            var u2 = Avx.Shuffle(t1, t3, 0x44);
            var u3 = Avx.Shuffle(t1, t3, 0xEE);
            var u4 = Avx.Shuffle(t4, t6, 0x44);
            var u5 = Avx.Shuffle(t4, t6, 0xEE);
            var u6 = Avx.Shuffle(t5, t7, 0x44);
            var u7 = Avx.Shuffle(t5, t7, 0xEE);

            Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
            Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
            Avx.Store(dst + (2L * dstStride), Avx.Permute2x128(u2, u6, 0x20));
            Avx.Store(dst + (3L * dstStride), Avx.Permute2x128(u3, u7, 0x20));
            Avx.Store(dst + (4L * dstStride), Avx.Permute2x128(u0, u4, 0x31));
            Avx.Store(dst + (5L * dstStride), Avx.Permute2x128(u1, u5, 0x31));
            Avx.Store(dst + (6L * dstStride), Avx.Permute2x128(u2, u6, 0x31));
            Avx.Store(dst + (7L * dstStride), Avx.Permute2x128(u3, u7, 0x31));
        }

        /// <summary>Computes one RowBlock × ColumnBlock tile of C over the whole depth.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void ComputeTile(int tile)
        {
            int mr = _spec.Rows, nr = _spec.Columns;
            int i0 = tile / ColumnTiles * _rowBlock, j0 = tile % ColumnTiles * _columnBlock;
            int i1 = Math.Min(_m, i0 + _rowBlock), j1 = Math.Min(_n, j0 + _columnBlock);
            float* edge = stackalloc float[mr * nr];
            float* edgeBias = stackalloc float[nr];
            var run = _spec.Run;

            for (int pc = 0; pc < _k; pc += DepthBlock)
            {
                int kc = Math.Min(DepthBlock, _k - pc);
                bool load = _accumulate || pc > 0;
                bool last = pc + kc == _k;
                bool relu = last && _relu;
                for (int j = j0; j < j1; j += nr)
                {
                    int cols = Math.Min(nr, j1 - j);
                    float* bPanel = _packB + ((long)(j / nr) * nr * _k) + ((long)pc * nr);
                    float* bias = null;
                    if (last && _bias != null)
                    {
                        if (cols == nr)
                        {
                            bias = _bias + j;
                        }
                        else
                        {
                            new Span<float>(edgeBias, nr).Clear();
                            new ReadOnlySpan<float>(_bias + j, cols).CopyTo(new Span<float>(edgeBias, nr));
                            bias = edgeBias;
                        }
                    }

                    for (int i = i0; i < i1; i += mr)
                    {
                        int rows = Math.Min(mr, i1 - i);
                        float* aPanel = _packA + ((long)(i / mr) * mr * _k) + ((long)pc * mr);
                        float* cTile = _c + ((long)i * _ldc) + j;
                        if (rows == mr && cols == nr)
                        {
                            run(kc, aPanel, bPanel, cTile, _ldc, load, bias, relu);
                            continue;
                        }

                        // Edge tile: run the same kernel on a padded copy so the arithmetic matches full tiles.
                        if (load)
                        {
                            for (int r = 0; r < rows; r++)
                            {
                                new ReadOnlySpan<float>(cTile + ((long)r * _ldc), cols).CopyTo(new Span<float>(edge + (r * nr), nr));
                            }
                        }

                        run(kc, aPanel, bPanel, edge, nr, load, bias, relu);
                        for (int r = 0; r < rows; r++)
                        {
                            new ReadOnlySpan<float>(edge + (r * nr), cols).CopyTo(new Span<float>(cTile + ((long)r * _ldc), cols));
                        }
                    }
                }
            }
        }
    }
}
