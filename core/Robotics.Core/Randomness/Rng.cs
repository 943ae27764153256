namespace Robotics.Core.Randomness;

/// <summary>
/// A seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64) with named, forkable child
/// streams. Not thread-safe: give each consumer its own fork.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Fork(string)"/> derives a child from this stream's <em>key</em> (its seed and path), never
/// from how many numbers were drawn so far. Adding a draw in one component therefore does not shift the
/// numbers another component sees, and <c>new Rng(7).Fork("sensor_noise")</c> is the same stream
/// wherever it is created.
/// </para>
/// <para>System.Random is deliberately not used: its algorithm is not specified across .NET versions,
/// and its shared instance is global state.</para>
/// </remarks>
public sealed class Rng
{
    private readonly ulong _key;
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpareGaussian;

    /// <summary>Creates the root stream for <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
        : this(SplitMix64(seed ^ 0x243F6A8885A308D3UL), "")
    {
        Seed = seed;
    }

    private Rng(ulong key, string path)
    {
        _key = key;
        Path = path;
        ulong sm = key;
        _s0 = NextSplitMix64(ref sm);
        _s1 = NextSplitMix64(ref sm);
        _s2 = NextSplitMix64(ref sm);
        _s3 = NextSplitMix64(ref sm);
    }

    /// <summary>The seed of the root stream this one descends from.</summary>
    public ulong Seed { get; private init; }

    /// <summary>The slash-separated fork names from the root, e.g. <c>/sim/sensor_noise</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>
    /// A child stream identified by <paramref name="name"/>. The same parent key and name always give the
    /// same child, independent of draws made on the parent.
    /// </summary>
    public Rng Fork(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ulong childKey = SplitMix64(_key ^ Fnv1a64(name));
        return new Rng(childKey, Path + "/" + name) { Seed = Seed };
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextUniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "Must be > 0.");
        }

        // Lemire's multiply-shift with rejection.
        ulong range = (ulong)exclusiveMax;
        while (true)
        {
            ulong x = NextUInt64() >> 32;
            ulong m = x * range;
            if ((uint)m >= (uint)((0x1_0000_0000UL - range) % range))
            {
                return (int)(m >> 32);
            }
        }
    }

    /// <summary>A standard normal sample (mean 0, variance 1), by the Box-Muller transform.</summary>
    public double NextGaussian()
    {
        if (_hasSpareGaussian)
        {
            _hasSpareGaussian = false;
            return _spareGaussian;
        }

        // 1 - U lies in (0, 1], so the logarithm is finite.
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        double theta = 2.0 * Math.PI * u2;
        _spareGaussian = r * Math.Sin(theta);
        _hasSpareGaussian = true;
        return r * Math.Cos(theta);
    }

    /// <summary>A normal sample with the given mean and standard deviation.</summary>
    public double NextGaussian(double mean, double standardDeviation) => mean + standardDeviation * NextGaussian();

    /// <summary>Fills <paramref name="destination"/> with standard normal samples.</summary>
    public void FillGaussian(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextGaussian();
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong NextSplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return SplitMix64Finalize(state);
    }

    private static ulong SplitMix64(ulong x) => SplitMix64Finalize(x + 0x9E3779B97F4A7C15UL);

    private static ulong SplitMix64Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a64(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }

        return hash;
    }
}
