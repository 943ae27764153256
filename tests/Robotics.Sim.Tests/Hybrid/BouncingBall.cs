using Robotics.Sim.Hybrid;

namespace Robotics.Sim.Tests.Hybrid;

/// <summary>Test system: a ball under gravity bouncing on y = 0 with restitution e (mode 0 flying, mode 1 at rest).</summary>
internal sealed class BouncingBall(double gravity, double restitution) : IHybridSystem
{
    public int StateSize => 2;

    public int InputSize => 0;

    public int ModeCount => 2;

    public int GuardCount => 1;

    public string ModeName(int mode) => mode == 0 ? "flying" : "rest";

    public bool IsTerminal(int mode) => mode == 1;

    public void Derivatives(int mode, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        derivative[0] = state[1];
        derivative[1] = -gravity;
    }

    public double Guard(int mode, int guard, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input) => state[0];

    public bool AcceptsEvent(int mode, int guard, ReadOnlySpan<double> state) => true;

    public int Reset(int mode, int guard, double time, Span<double> state, ReadOnlySpan<double> input)
    {
        state[0] = 0.0;
        state[1] = -restitution * state[1];
        return state[1] < 1e-3 ? 1 : 0;
    }
}
