using Robotics.Core.Numerics;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>
/// The single-track car in the frame of a straight reference segment: state [lateral_error_m, heading_error_rad,
/// vx_m_s, vy_m_s, yaw_rate_rad_s], input [acceleration_m_s2, steering_angle_rad].
/// </summary>
/// <remarks>
/// Because the car dynamics are invariant to translation and rotation, with the segment along +x the lateral error
/// is the world y and the heading error the yaw, so the derivatives are those of <see cref="SingleTrackCar"/> at
/// [0, e_y, e_psi, vx, vy, r] without the along-track coordinate: e_y' = vx sin e_psi + vy cos e_psi, e_psi' = r,
/// and the body-frame velocity equations unchanged. The operating point of a mode with reference speed v is
/// x* = [0, 0, v, 0, 0], u* = [0, 0] (an equilibrium: straight driving, zero slip).
/// </remarks>
public sealed class CarErrorModel : IOdeSystem
{
    private readonly SingleTrackCar _car;
    private readonly double[] _full = new double[6], _fullDerivative = new double[6];

    /// <summary>Wraps <paramref name="car"/> (its friction is the mode).</summary>
    public CarErrorModel(SingleTrackCar car)
    {
        ArgumentNullException.ThrowIfNull(car);
        _car = car;
    }

    /// <summary>The wrapped plant.</summary>
    public SingleTrackCar Car => _car;

    /// <inheritdoc />
    public int StateSize => 5;

    /// <inheritdoc />
    public int InputSize => 2;

    /// <inheritdoc />
    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        _full[0] = 0;
        _full[1] = state[0];
        _full[2] = state[1];
        _full[3] = state[2];
        _full[4] = state[3];
        _full[5] = state[4];
        _car.Derivatives(time, _full, input, _fullDerivative);
        derivative[0] = _fullDerivative[1];
        derivative[1] = _fullDerivative[2];
        derivative[2] = _fullDerivative[3];
        derivative[3] = _fullDerivative[4];
        derivative[4] = _fullDerivative[5];
    }
}
