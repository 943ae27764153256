using Robotics.Control.Loop;
using Robotics.Core.Numerics;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Snn;

/// <summary>
/// Runs an altitude controller in closed loop on a plant over an <see cref="AltitudeProfile"/> and computes
/// overshoot, settling time, steady-state error, oscillation and spike rate.
/// </summary>
/// <remarks>
/// <para>Loop per tick k (period h): y = z + n_k (n_k ~ N(0, sigma^2) from the seeded stream, the same for every
/// controller given the seed), command = controller(y, r), plant RK4 step of h with the command clipped to the
/// thrust limits, floor at 0. Metrics use the true state.</para>
/// <para>Per hold i with set-point r_i and change dr = r_i - r_(i-1) (holds with dr = 0 count only for the
/// steady-state error): band = max(5 % |dr|, minimum band (default 2 cm)); settling time = time from the hold
/// start to the last tick with |z - r_i| &gt; band, plus h; oscillation = RMS of the altitude rate from the settling
/// time to the hold end; steady-state error = mean |z - r_i| over the last quarter of the hold.</para>
/// </remarks>
public static class AltitudeBenchmark
{
    /// <summary>Runs one controller on one profile.</summary>
    /// <param name="controller">The controller (reset first); state [altitude, velocity] with noise on the altitude only.</param>
    /// <param name="plant">The plant (state [altitude, velocity], input [thrust]).</param>
    /// <param name="profile">The reference.</param>
    /// <param name="settings">Loop settings.</param>
    /// <param name="seed">Seed of the sensor noise.</param>
    /// <param name="minimumBandM">Smallest settling band, m (default 0.02).</param>
    /// <param name="altitudeTrace">Optional output of the true altitude per tick (length = ticks).</param>
    public static AltitudeMetrics Run(IController controller, IOdeSystem plant, AltitudeProfile profile, AltitudeLoopSettings settings,
        ulong seed, double minimumBandM = 0.02, double[]? altitudeTrace = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        double h = settings.PeriodS;
        int steps = (int)Math.Round(profile.DurationS / h);
        var z = new double[steps];
        var w = new double[steps];
        var r = new double[steps];
        var noise = new Rng(seed).Fork("sensor_noise");
        var integrator = new Rk4Integrator(2);
        double[] state = [settings.InitialAltitudeM, 0.0], measurement = new double[controller.StateSize], reference = new double[controller.ReferenceSize], command = new double[controller.CommandSize], input = new double[1];
        var period = SimTime.FromSeconds(h);
        controller.Reset();
        double thrustSq = 0.0, errSq = 0.0;
        for (int k = 0; k < steps; k++)
        {
            double t = k * h;
            r[k] = profile.Evaluate(t);
            measurement[0] = state[0] + settings.SensorNoiseStdM * noise.NextGaussian();
            if (measurement.Length > 1) measurement[1] = state[1];
            reference[0] = r[k];
            var status = controller.Update(SimTime.FromSeconds(t), period, measurement, reference, command);
            double u = status == ControllerStatus.Failed ? 0.0 : Math.Clamp(command[0], settings.ThrustMinN, settings.ThrustMaxN);
            thrustSq += u * u;
            input[0] = u;
            integrator.Step(plant, t, h, state, input);
            if (settings.Floor && state[0] < 0)
            {
                state[0] = 0.0;
                if (state[1] < 0) state[1] = 0.0;
            }

            z[k] = state[0];
            w[k] = state[1];
            double e = z[k] - r[k];
            errSq += e * e;
        }

        if (altitudeTrace is not null) Array.Copy(z, altitudeTrace, Math.Min(z.Length, altitudeTrace.Length));
        double overshootSum = 0.0, settlingSum = 0.0, sseSum = 0.0, oscSq = 0.0;
        int changes = 0, unsettled = 0, holds = 0;
        long oscCount = 0;
        for (int i = 0; i < profile.HoldCount; i++)
        {
            int k0 = (int)Math.Round(profile.HoldStart(i) / h), k1 = Math.Min(steps, (int)Math.Round(profile.HoldEnd(i) / h));
            if (k1 - k0 < 4) continue;
            double ri = profile.Setpoint(i);
            double previous = i == 0 ? settings.InitialAltitudeM : profile.Setpoint(i - 1);
            double dr = ri - previous;
            holds++;
            int q = k1 - (k1 - k0) / 4;
            double sse = 0.0;
            for (int k = q; k < k1; k++) sse += Math.Abs(z[k] - ri);
            sseSum += sse / (k1 - q);
            if (dr == 0.0) continue;
            changes++;
            double band = Math.Max(0.05 * Math.Abs(dr), minimumBandM);
            double worst = 0.0;
            int last = -1;
            for (int k = k0; k < k1; k++)
            {
                worst = Math.Max(worst, Math.Sign(dr) * (z[k] - ri));
                if (Math.Abs(z[k] - ri) > band) last = k;
            }

            overshootSum += worst / Math.Abs(dr) * 100.0;
            int settledFrom;
            if (last == k1 - 1)
            {
                unsettled++;
                settlingSum += (k1 - k0) * h;
                settledFrom = k0 + (k1 - k0) / 2;
            }
            else
            {
                settlingSum += last < k0 ? 0.0 : (last + 1 - k0) * h;
                settledFrom = last < k0 ? k0 : last + 1;
            }

            for (int k = settledFrom; k < k1; k++)
            {
                oscSq += w[k] * w[k];
                oscCount++;
            }
        }

        double spikesPerSecond = controller is SnnAltitudeController snn ? snn.TotalSpikes / (steps * h) : 0.0;
        return new AltitudeMetrics(controller.Name, profile.Name,
            changes > 0 ? overshootSum / changes : 0.0,
            changes > 0 ? settlingSum / changes : 0.0,
            unsettled,
            holds > 0 ? sseSum / holds : 0.0,
            oscCount > 0 ? Math.Sqrt(oscSq / oscCount) : 0.0,
            Math.Sqrt(errSq / steps),
            Math.Sqrt(thrustSq / steps),
            spikesPerSecond);
    }
}
