using Robotics.Core.Numerics;

namespace Robotics.Sim.Hybrid;

/// <summary>Adapts one mode of an <see cref="IHybridSystem"/> to <see cref="IOdeSystem"/> for core's integrators.</summary>
internal sealed class ModeFlow : IOdeSystem
{
    private readonly IHybridSystem _system;

    public ModeFlow(IHybridSystem system) => _system = system;

    /// <summary>The mode whose flow is integrated.</summary>
    public int Mode { get; set; }

    public int StateSize => _system.StateSize;

    public int InputSize => _system.InputSize;

    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative) =>
        _system.Derivatives(Mode, time, state, input, derivative);
}
