namespace Robotics.Control.Snn;

/// <summary>Closed-loop altitude metrics of one controller on one profile (see <see cref="AltitudeBenchmark"/>).</summary>
/// <param name="Controller">Controller name.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="OvershootPercent">Mean over the set-point changes of max(0, max sign(dr) (z - r)) / |dr| x 100.</param>
/// <param name="SettlingTimeS">Mean over the set-point changes of the time until |z - r| stays inside the band.</param>
/// <param name="UnsettledHolds">Holds whose error never stayed inside the band (their settling time counts as the hold length).</param>
/// <param name="SteadyStateErrorM">Mean over all holds of mean |z - r| over the last quarter of the hold.</param>
/// <param name="OscillationRmsMS">RMS of the true altitude rate after settling (last half of unsettled holds), m/s.</param>
/// <param name="RmseM">RMS altitude error over the whole run, m.</param>
/// <param name="ThrustRmsN">RMS of the applied thrust command, N.</param>
/// <param name="SpikesPerSecond">Spikes per second of an SNN controller (0 for others).</param>
public sealed record AltitudeMetrics(string Controller, string Profile, double OvershootPercent, double SettlingTimeS, int UnsettledHolds,
    double SteadyStateErrorM, double OscillationRmsMS, double RmseM, double ThrustRmsN, double SpikesPerSecond);
