namespace Robotics.Control.Hybrid;

/// <summary>
/// A hybrid system of the benchmark (<c>robotics hybrid bench</c>): runs one seeded trial with one method and
/// reports success. Implementations live next to their plants (Sim) and must be deterministic: the same method,
/// trial and seed give a bit-identical result.
/// </summary>
public interface IHybridBenchmarkSystem
{
    /// <summary>The system name (<c>car</c>, <c>hopper</c>, <c>walker</c>).</summary>
    string Name { get; }

    /// <summary>The methods this system supports (see <see cref="HybridMethods"/>).</summary>
    IReadOnlyList<string> Methods { get; }

    /// <summary>Runs one trial.</summary>
    /// <param name="method">One of <see cref="Methods"/>.</param>
    /// <param name="trialIndex">Trial number (0-based).</param>
    /// <param name="seed">The benchmark seed (combine with the trial index for the trial's randomness).</param>
    /// <param name="meter">Call BeginStep/EndStep around every controller computation (including planning).</param>
    HybridTrialResult RunTrial(string method, int trialIndex, ulong seed, IControlStepMeter meter);
}
