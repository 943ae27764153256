using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Stl.Tasks;

/// <summary>
/// A signal-temporal-logic control task (after the STL-NPC benchmark tasks): differentiable dynamics, the signals the
/// specifications read (functions of the state with their Jacobians), the receding-horizon specification a planner
/// maximises, the whole-episode specification a closed-loop run is judged by, and the initial-state distribution.
/// </summary>
public interface IStlTask
{
    /// <summary>Catalog name, e.g. <c>car</c>.</summary>
    string Name { get; }

    /// <summary>One-line description.</summary>
    string Description { get; }

    /// <summary>The discrete-time dynamics (one step = one planning/control period).</summary>
    IDifferentiableDynamicsModel Dynamics { get; }

    /// <summary>Planning horizon in control steps (the predicted trace has <c>Horizon + 1</c> samples).</summary>
    int Horizon { get; }

    /// <summary>Closed-loop episode length in control steps.</summary>
    int EpisodeSteps { get; }

    /// <summary>The specification over one planning horizon (its time 0 is the current state).</summary>
    StlSpecification PlanningSpecification { get; }

    /// <summary>The specification a whole closed-loop episode (<c>EpisodeSteps + 1</c> samples) must satisfy at time 0.</summary>
    StlSpecification EpisodeSpecification { get; }

    /// <summary>Names of the signals <see cref="Signals"/> computes, in order.</summary>
    IReadOnlyList<string> SignalNames { get; }

    /// <summary>Lower control bounds (one per input).</summary>
    IReadOnlyList<double> ControlMin { get; }

    /// <summary>Upper control bounds (one per input).</summary>
    IReadOnlyList<double> ControlMax { get; }

    /// <summary>The fallback action applied when no candidate satisfies the specification (e.g. full braking).</summary>
    IReadOnlyList<double> SafeControl { get; }

    /// <summary>The nominal goal state a plain tracking MPC baseline drives to (same length as the state).</summary>
    IReadOnlyList<double> NominalGoal { get; }

    /// <summary>Weights of the goal-state error for the tracking baseline (0 = ignored).</summary>
    IReadOnlyList<double> NominalGoalWeights { get; }

    /// <summary>Writes every signal of <paramref name="state"/> into <paramref name="values"/>. Allocation-free.</summary>
    void Signals(ReadOnlySpan<double> state, Span<double> values);

    /// <summary>Writes d signal_i / d state_j (row-major, signals x state) into <paramref name="jacobian"/>. Allocation-free.</summary>
    void SignalJacobian(ReadOnlySpan<double> state, Span<double> jacobian);

    /// <summary>Draws an initial state from the task's distribution.</summary>
    void SampleInitialState(Rng rng, Span<double> state);
}
