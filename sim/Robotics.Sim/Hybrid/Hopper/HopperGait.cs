namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>
/// One periodic hopping gait: a fixed point of the apex-to-apex map (apex height, forward speed) with its nominal
/// inputs and the map's linearization there, x_{k+1} - x* = A (x_k - x*) + B (u_k - u*), x = (y, vx), u = (theta, P).
/// </summary>
/// <param name="ApexHeightM">Fixed-point apex height y* in m.</param>
/// <param name="SpeedMS">Fixed-point forward speed vx* in m/s (the mode parameter p).</param>
/// <param name="TouchdownAngleRad">Nominal touchdown angle theta* in rad.</param>
/// <param name="ThrustN">Nominal thrust P* in N (0: passive SLIP gait).</param>
/// <param name="A">Row-major 2x2 state Jacobian (central differences).</param>
/// <param name="B">Row-major 2x2 input Jacobian (columns: theta, P).</param>
public sealed record HopperGait(double ApexHeightM, double SpeedMS, double TouchdownAngleRad, double ThrustN,
    IReadOnlyList<double> A, IReadOnlyList<double> B);
