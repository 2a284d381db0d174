using System.Numerics;

namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>
/// A small, fast, seedable pseudo-random generator (xoshiro256** seeded through SplitMix64) whose output is
/// defined by this library, not by the runtime, so the same seed gives the same bits on every platform and
/// .NET version.
/// </summary>
/// <remarks>
/// Parallel code must never share one instance between threads. Instead it derives an independent stream per
/// unit of work with <see cref="Derive(ulong, ulong)"/> (for example one stream per class, per row block or
/// per epoch), which keeps results identical whatever the thread count.
/// </remarks>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>Creates a generator from a seed.</summary>
    public DeterministicRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates a generator from a signed seed (as given by users and options).</summary>
    public DeterministicRandom(int seed)
        : this(unchecked((ulong)(long)seed))
    {
    }

    /// <summary>
    /// Creates the generator of an independent stream, identified by <paramref name="stream"/>, of a seed.
    /// Equal arguments give equal generators; different streams are statistically independent.
    /// </summary>
    public static DeterministicRandom Derive(ulong seed, ulong stream)
    {
        ulong x = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        ulong mixed = SplitMix64(ref x);
        return new DeterministicRandom(mixed ^ SplitMix64(ref x));
    }

    /// <summary>Derives a child generator from this one's next output (like ML.NET's host registration).</summary>
    public DeterministicRandom Fork() => new(NextUInt64());

    /// <summary>Returns 64 uniformly distributed random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a non-negative 31-bit integer, usable as a seed for another component.</summary>
    public int NextSeed() => (int)(NextUInt64() >> 33);

    /// <summary>Returns a uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Lemire's multiply-and-reject method.
        ulong range = (ulong)maxExclusive;
        ulong product = (NextUInt64() >> 32) * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = (uint)((0x1_0000_0000UL - range) % range);
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * range;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a uniform float in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <summary>Returns a standard normal variate (Marsaglia's polar method).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>Fills <paramref name="values"/> with standard normal variates, in order.</summary>
    public void FillGaussian(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)NextGaussian();
        }
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
