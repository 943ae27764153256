using Robotics.Control.Risk;

namespace Robotics.Sim.Risk;

/// <summary>One control tick of a risk-scenario trial, for tracing and tests.</summary>
/// <param name="TimeS">Scenario time, s.</param>
/// <param name="X">True x, m.</param>
/// <param name="Y">True y, m.</param>
/// <param name="Yaw">True yaw, rad.</param>
/// <param name="Speed">True speed, m/s.</param>
/// <param name="Acceleration">Commanded acceleration, m/s².</param>
/// <param name="Steering">Commanded steering, rad.</param>
/// <param name="Decision">What the planner did.</param>
public readonly record struct RiskTrialTick(double TimeS, double X, double Y, double Yaw, double Speed, double Acceleration, double Steering,
    RiskGateDecision Decision);
