using System.Security.Cryptography;
using Robotics.Sim.Hybrid;

namespace Robotics.Sim.Tests.Hybrid;

/// <summary>SHA-256 over the bit patterns of a hybrid trajectory (time, mode, state, events) for replay tests.</summary>
internal sealed class TrajectoryHash
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public void Add(double value)
    {
        BitConverter.TryWriteBytes(_buffer, BitConverter.DoubleToInt64Bits(value));
        _hash.AppendData(_buffer);
    }

    public void Add(HybridSimulator sim)
    {
        Add(sim.Time);
        Add(sim.Mode);
        foreach (double x in sim.State)
        {
            Add(x);
        }

        for (int i = 0; i < sim.StepEventCount; i++)
        {
            var e = sim.GetStepEvent(i);
            Add(e.Time);
            Add(e.FromMode * 100 + e.Guard * 10 + e.ToMode);
            Add(e.Iterations);
        }
    }

    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());
}
