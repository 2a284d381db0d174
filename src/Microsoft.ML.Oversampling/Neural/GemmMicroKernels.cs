using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// The register-tiled inner kernels of <see cref="Sgemm"/>. Each multiplies a packed A micro-panel (MR values per k)
/// by a packed B micro-panel (NR values per k) for <c>kc</c> steps, keeping the MR×NR tile of C in registers; it starts
/// from C when <c>load</c> is set and from zero otherwise, and can add a bias row and apply ReLU before storing.
/// </summary>
/// <remarks>Generated shape: unrolled by hand so the JIT keeps every accumulator in a register.</remarks>
internal static unsafe class GemmMicroKernels
{
    /// <summary>8×32 tile: C[8×32] (=|+=) A-panel·B-panel, then optional bias and ReLU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vector512x8x32(int kc, float* a, float* b, float* c, int ldc, bool load, float* bias, bool relu)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load)
        {
            c00 = Vector512.Load(c + 0 + 0);
            c01 = Vector512.Load(c + 0 + 16);
            c10 = Vector512.Load(c + (1 * ldc) + 0);
            c11 = Vector512.Load(c + (1 * ldc) + 16);
            c20 = Vector512.Load(c + (2 * ldc) + 0);
            c21 = Vector512.Load(c + (2 * ldc) + 16);
            c30 = Vector512.Load(c + (3 * ldc) + 0);
            c31 = Vector512.Load(c + (3 * ldc) + 16);
            c40 = Vector512.Load(c + (4 * ldc) + 0);
            c41 = Vector512.Load(c + (4 * ldc) + 16);
            c50 = Vector512.Load(c + (5 * ldc) + 0);
            c51 = Vector512.Load(c + (5 * ldc) + 16);
            c60 = Vector512.Load(c + (6 * ldc) + 0);
            c61 = Vector512.Load(c + (6 * ldc) + 16);
            c70 = Vector512.Load(c + (7 * ldc) + 0);
            c71 = Vector512.Load(c + (7 * ldc) + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector512<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b + 0);
            var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            a += 8;
            b += 32;
        }

        if (bias != null)
        {
            var bias0 = Vector512.Load(bias + 0);
            var bias1 = Vector512.Load(bias + 16);
            c00 += bias0;
            c01 += bias1;
            c10 += bias0;
            c11 += bias1;
            c20 += bias0;
            c21 += bias1;
            c30 += bias0;
            c31 += bias1;
            c40 += bias0;
            c41 += bias1;
            c50 += bias0;
            c51 += bias1;
            c60 += bias0;
            c61 += bias1;
            c70 += bias0;
            c71 += bias1;
        }

        if (relu)
        {
            c00 = Vector512.Max(c00, Vector512<float>.Zero);
            c01 = Vector512.Max(c01, Vector512<float>.Zero);
            c10 = Vector512.Max(c10, Vector512<float>.Zero);
            c11 = Vector512.Max(c11, Vector512<float>.Zero);
            c20 = Vector512.Max(c20, Vector512<float>.Zero);
            c21 = Vector512.Max(c21, Vector512<float>.Zero);
            c30 = Vector512.Max(c30, Vector512<float>.Zero);
            c31 = Vector512.Max(c31, Vector512<float>.Zero);
            c40 = Vector512.Max(c40, Vector512<float>.Zero);
            c41 = Vector512.Max(c41, Vector512<float>.Zero);
            c50 = Vector512.Max(c50, Vector512<float>.Zero);
            c51 = Vector512.Max(c51, Vector512<float>.Zero);
            c60 = Vector512.Max(c60, Vector512<float>.Zero);
            c61 = Vector512.Max(c61, Vector512<float>.Zero);
            c70 = Vector512.Max(c70, Vector512<float>.Zero);
            c71 = Vector512.Max(c71, Vector512<float>.Zero);
        }

        c00.Store(c + 0 + 0);
        c01.Store(c + 0 + 16);
        c10.Store(c + (1 * ldc) + 0);
        c11.Store(c + (1 * ldc) + 16);
        c20.Store(c + (2 * ldc) + 0);
        c21.Store(c + (2 * ldc) + 16);
        c30.Store(c + (3 * ldc) + 0);
        c31.Store(c + (3 * ldc) + 16);
        c40.Store(c + (4 * ldc) + 0);
        c41.Store(c + (4 * ldc) + 16);
        c50.Store(c + (5 * ldc) + 0);
        c51.Store(c + (5 * ldc) + 16);
        c60.Store(c + (6 * ldc) + 0);
        c61.Store(c + (6 * ldc) + 16);
        c70.Store(c + (7 * ldc) + 0);
        c71.Store(c + (7 * ldc) + 16);
    }

    /// <summary>6×16 tile: C[6×16] (=|+=) A-panel·B-panel, then optional bias and ReLU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vector256x6x16(int kc, float* a, float* b, float* c, int ldc, bool load, float* bias, bool relu)
    {
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load)
        {
            c00 = Vector256.Load(c + 0 + 0);
            c01 = Vector256.Load(c + 0 + 8);
            c10 = Vector256.Load(c + (1 * ldc) + 0);
            c11 = Vector256.Load(c + (1 * ldc) + 8);
            c20 = Vector256.Load(c + (2 * ldc) + 0);
            c21 = Vector256.Load(c + (2 * ldc) + 8);
            c30 = Vector256.Load(c + (3 * ldc) + 0);
            c31 = Vector256.Load(c + (3 * ldc) + 8);
            c40 = Vector256.Load(c + (4 * ldc) + 0);
            c41 = Vector256.Load(c + (4 * ldc) + 8);
            c50 = Vector256.Load(c + (5 * ldc) + 0);
            c51 = Vector256.Load(c + (5 * ldc) + 8);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b + 0);
            var b1 = Vector256.Load(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a += 6;
            b += 16;
        }

        if (bias != null)
        {
            var bias0 = Vector256.Load(bias + 0);
            var bias1 = Vector256.Load(bias + 8);
            c00 += bias0;
            c01 += bias1;
            c10 += bias0;
            c11 += bias1;
            c20 += bias0;
            c21 += bias1;
            c30 += bias0;
            c31 += bias1;
            c40 += bias0;
            c41 += bias1;
            c50 += bias0;
            c51 += bias1;
        }

        if (relu)
        {
            c00 = Vector256.Max(c00, Vector256<float>.Zero);
            c01 = Vector256.Max(c01, Vector256<float>.Zero);
            c10 = Vector256.Max(c10, Vector256<float>.Zero);
            c11 = Vector256.Max(c11, Vector256<float>.Zero);
            c20 = Vector256.Max(c20, Vector256<float>.Zero);
            c21 = Vector256.Max(c21, Vector256<float>.Zero);
            c30 = Vector256.Max(c30, Vector256<float>.Zero);
            c31 = Vector256.Max(c31, Vector256<float>.Zero);
            c40 = Vector256.Max(c40, Vector256<float>.Zero);
            c41 = Vector256.Max(c41, Vector256<float>.Zero);
            c50 = Vector256.Max(c50, Vector256<float>.Zero);
            c51 = Vector256.Max(c51, Vector256<float>.Zero);
        }

        c00.Store(c + 0 + 0);
        c01.Store(c + 0 + 8);
        c10.Store(c + (1 * ldc) + 0);
        c11.Store(c + (1 * ldc) + 8);
        c20.Store(c + (2 * ldc) + 0);
        c21.Store(c + (2 * ldc) + 8);
        c30.Store(c + (3 * ldc) + 0);
        c31.Store(c + (3 * ldc) + 8);
        c40.Store(c + (4 * ldc) + 0);
        c41.Store(c + (4 * ldc) + 8);
        c50.Store(c + (5 * ldc) + 0);
        c51.Store(c + (5 * ldc) + 8);
    }

    /// <summary>8×8 tile: C[8×8] (=|+=) A-panel·B-panel, then optional bias and ReLU.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vector128x8x8(int kc, float* a, float* b, float* c, int ldc, bool load, float* bias, bool relu)
    {
        Vector128<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load)
        {
            c00 = Vector128.Load(c + 0 + 0);
            c01 = Vector128.Load(c + 0 + 4);
            c10 = Vector128.Load(c + (1 * ldc) + 0);
            c11 = Vector128.Load(c + (1 * ldc) + 4);
            c20 = Vector128.Load(c + (2 * ldc) + 0);
            c21 = Vector128.Load(c + (2 * ldc) + 4);
            c30 = Vector128.Load(c + (3 * ldc) + 0);
            c31 = Vector128.Load(c + (3 * ldc) + 4);
            c40 = Vector128.Load(c + (4 * ldc) + 0);
            c41 = Vector128.Load(c + (4 * ldc) + 4);
            c50 = Vector128.Load(c + (5 * ldc) + 0);
            c51 = Vector128.Load(c + (5 * ldc) + 4);
            c60 = Vector128.Load(c + (6 * ldc) + 0);
            c61 = Vector128.Load(c + (6 * ldc) + 4);
            c70 = Vector128.Load(c + (7 * ldc) + 0);
            c71 = Vector128.Load(c + (7 * ldc) + 4);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector128<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector128.Load(b + 0);
            var b1 = Vector128.Load(b + 4);
            var a0 = Vector128.Create(a[0]);
            c00 = Vector128.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector128.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector128.Create(a[1]);
            c10 = Vector128.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector128.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector128.Create(a[2]);
            c20 = Vector128.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector128.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector128.Create(a[3]);
            c30 = Vector128.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector128.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector128.Create(a[4]);
            c40 = Vector128.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector128.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector128.Create(a[5]);
            c50 = Vector128.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector128.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector128.Create(a[6]);
            c60 = Vector128.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector128.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector128.Create(a[7]);
            c70 = Vector128.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector128.FusedMultiplyAdd(a7, b1, c71);
            a += 8;
            b += 8;
        }

        if (bias != null)
        {
            var bias0 = Vector128.Load(bias + 0);
            var bias1 = Vector128.Load(bias + 4);
            c00 += bias0;
            c01 += bias1;
            c10 += bias0;
            c11 += bias1;
            c20 += bias0;
            c21 += bias1;
            c30 += bias0;
            c31 += bias1;
            c40 += bias0;
            c41 += bias1;
            c50 += bias0;
            c51 += bias1;
            c60 += bias0;
            c61 += bias1;
            c70 += bias0;
            c71 += bias1;
        }

        if (relu)
        {
            c00 = Vector128.Max(c00, Vector128<float>.Zero);
            c01 = Vector128.Max(c01, Vector128<float>.Zero);
            c10 = Vector128.Max(c10, Vector128<float>.Zero);
            c11 = Vector128.Max(c11, Vector128<float>.Zero);
            c20 = Vector128.Max(c20, Vector128<float>.Zero);
            c21 = Vector128.Max(c21, Vector128<float>.Zero);
            c30 = Vector128.Max(c30, Vector128<float>.Zero);
            c31 = Vector128.Max(c31, Vector128<float>.Zero);
            c40 = Vector128.Max(c40, Vector128<float>.Zero);
            c41 = Vector128.Max(c41, Vector128<float>.Zero);
            c50 = Vector128.Max(c50, Vector128<float>.Zero);
            c51 = Vector128.Max(c51, Vector128<float>.Zero);
            c60 = Vector128.Max(c60, Vector128<float>.Zero);
            c61 = Vector128.Max(c61, Vector128<float>.Zero);
            c70 = Vector128.Max(c70, Vector128<float>.Zero);
            c71 = Vector128.Max(c71, Vector128<float>.Zero);
        }

        c00.Store(c + 0 + 0);
        c01.Store(c + 0 + 4);
        c10.Store(c + (1 * ldc) + 0);
        c11.Store(c + (1 * ldc) + 4);
        c20.Store(c + (2 * ldc) + 0);
        c21.Store(c + (2 * ldc) + 4);
        c30.Store(c + (3 * ldc) + 0);
        c31.Store(c + (3 * ldc) + 4);
        c40.Store(c + (4 * ldc) + 0);
        c41.Store(c + (4 * ldc) + 4);
        c50.Store(c + (5 * ldc) + 0);
        c51.Store(c + (5 * ldc) + 4);
        c60.Store(c + (6 * ldc) + 0);
        c61.Store(c + (6 * ldc) + 4);
        c70.Store(c + (7 * ldc) + 0);
        c71.Store(c + (7 * ldc) + 4);
    }

    /// <summary>4×4 tile of scalars, same contract as the vector kernels.</summary>
    public static void Scalar4x4(int kc, float* a, float* b, float* c, int ldc, bool load, float* bias, bool relu)
    {
        float* acc = stackalloc float[16];
        for (int r = 0; r < 4; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                acc[(r * 4) + j] = load ? c[(r * ldc) + j] : 0f;
            }
        }

        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < 4; r++)
            {
                float ar = a[r];
                for (int j = 0; j < 4; j++)
                {
                    acc[(r * 4) + j] = MathF.FusedMultiplyAdd(ar, b[j], acc[(r * 4) + j]);
                }
            }

            a += 4;
            b += 4;
        }

        for (int r = 0; r < 4; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                float v = acc[(r * 4) + j] + (bias != null ? bias[j] : 0f);
                c[(r * ldc) + j] = relu ? MathF.Max(v, 0f) : v;
            }
        }
    }
}
