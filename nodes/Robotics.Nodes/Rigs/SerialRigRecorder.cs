using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Control.Loop;
using Robotics.Control.Npc.Rigs;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Drivers.Hasel;
using Robotics.Drivers.Serial;
using Robotics.Drivers.Tendon;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// Records identification data through the real serial stack: rig_emu on a pseudo-terminal, <see cref="TendonRig"/> or
/// <see cref="HaselRig"/> over the termios link, the shared <see cref="ControlLoop"/> paced on the monotonic clock, and a
/// seeded open-loop excitation (random steps: each actuator holds a uniform level within its command limits for a
/// uniform 0.05..0.8 s). Writes one CSV row per tick: <c>t_s</c>, the commands applied at that tick (<c>u:</c> columns) and
/// the measured tip/platform outputs read at that tick (<c>y:</c> columns); row k's command acts between row k and k+1.
/// </summary>
public static class SerialRigRecorder
{
    /// <summary>Hold time range of the random steps, seconds.</summary>
    public const double MinHoldSeconds = 0.05, MaxHoldSeconds = 0.8;

    /// <summary>Runs the recording and writes the CSV to <paramref name="outputPath"/>; returns the number of rows written.</summary>
    /// <param name="options">Rig, rate, duration (<see cref="SerialRigFigureEightOptions.DurationSeconds"/>), seed (excitation and emulator), emulator path.</param>
    /// <param name="outputPath">The CSV file to write.</param>
    /// <param name="progress">Called about every 5 s with a progress line (may be null).</param>
    /// <param name="cancellationToken">Stops the run early.</param>
    /// <exception cref="InvalidOperationException">The rig did not connect.</exception>
    public static long Record(SerialRigFigureEightOptions options, string outputPath, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connection = SerialRigFigureEight.ConnectEmulated(options, "Record", cancellationToken);
        using var emulator = connection.Emulator;
        using var rig = connection.Rig;

        var kinematics = SerialRigFigureEight.KinematicsFor(options.Rig);
        int stateSize = rig.Interfaces.StateInterfaces.Count;
        int outputs = kinematics.OutputCount;
        long rows = (long)Math.Round(options.DurationSeconds * options.RateHz);
        var excitation = new StepExcitation(kinematics, stateSize, options.RateHz, new Rng(options.Seed).Fork("rig-record"));
        var recorder = new Recorder(outputs, kinematics.ActuatorCount, rows);
        var loop = new ControlLoop(rig, excitation, new ZeroReference(), TimeProvider.System,
            new ControlLoopOptions { Period = SimTime.FromRate(options.RateHz), ReadFaultToleranceTicks = 5 }, recorder);
        rig.Write(SimTime.Zero, SimTime.Zero, rig.Interfaces.SafeCommand.ToArray());
        var runner = new FixedRateRunner(loop, TimeProvider.System);
        var task = runner.RunAsync(rows, cancellationToken);
        var watch = Stopwatch.StartNew();
        while (!task.Wait(TimeSpan.FromSeconds(5)))
        {
            progress?.Invoke($"  {watch.Elapsed.TotalSeconds:F0} s: {loop.TickCount}/{rows} ticks, overruns {loop.Overruns}");
        }

        rig.Deactivate();
        var names = rig.Interfaces.StateInterfaces;
        var commands = rig.Interfaces.CommandInterfaces;
        var sb = new StringBuilder();
        sb.Append("t_s");
        for (int j = 0; j < kinematics.ActuatorCount; j++) sb.Append(",u:").Append(commands[j]);
        for (int i = 0; i < outputs; i++) sb.Append(",y:").Append(names[i]);
        sb.Append('\n');
        double period = 1.0 / options.RateHz;
        for (long k = 0; k < recorder.Count; k++)
        {
            sb.Append((k * period).ToString("R", CultureInfo.InvariantCulture));
            for (int j = 0; j < kinematics.ActuatorCount; j++) sb.Append(',').Append(recorder.U[k * kinematics.ActuatorCount + j].ToString("R", CultureInfo.InvariantCulture));
            for (int i = 0; i < outputs; i++) sb.Append(',').Append(recorder.Y[k * outputs + i].ToString("R", CultureInfo.InvariantCulture));
            sb.Append('\n');
        }

        File.WriteAllText(outputPath, sb.ToString());
        return recorder.Count;
    }

    private sealed class ZeroReference : IReferenceSource
    {
        public int Size => 1;

        public void Evaluate(SimTime time, Span<double> reference) => reference.Clear();
    }

    /// <summary>Seeded random steps within the command limits (no allocation per tick).</summary>
    private sealed class StepExcitation(IRigKinematics kinematics, int stateSize, double rateHz, Rng rng) : IController
    {
        private readonly double[] _min = kinematics.CommandMin.ToArray(), _max = kinematics.CommandMax.ToArray();
        private readonly double[] _level = new double[kinematics.ActuatorCount];
        private readonly int[] _hold = new int[kinematics.ActuatorCount];

        public string Name => "step_excitation";

        public int StateSize => stateSize;

        public int ReferenceSize => 1;

        public int CommandSize => _level.Length;

        public void Reset()
        {
        }

        public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
        {
            for (int j = 0; j < _level.Length; j++)
            {
                if (_hold[j]-- <= 0)
                {
                    _level[j] = rng.NextUniform(_min[j], _max[j]);
                    _hold[j] = (int)Math.Round(rng.NextUniform(MinHoldSeconds, MaxHoldSeconds) * rateHz) - 1;
                }

                command[j] = _level[j];
            }

            return ControllerStatus.Ok;
        }
    }

    private sealed class Recorder(int outputs, int inputs, long capacity) : IControlLoopObserver
    {
        public double[] Y { get; } = new double[capacity * outputs];

        public double[] U { get; } = new double[capacity * inputs];

        public long Count { get; private set; }

        public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
        {
            if (Count >= capacity) return;
            state[..outputs].CopyTo(Y.AsSpan((int)(Count * outputs), outputs));
            command[..inputs].CopyTo(U.AsSpan((int)(Count * inputs), inputs));
            Count++;
        }
    }
}
