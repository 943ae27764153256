using System.Globalization;
using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Nodes.Foxglove;
using Robotics.Ros.Interfaces.RoboticsMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;
using Robotics.Ros.Recording;
using Robotics.Ros.Transport;
using Robotics.Sim.Scenarios;

namespace Robotics.Cli.Bag;

/// <summary>
/// Turns the ticks of a scenario run into ROS 2 messages for <c>sim run --record</c> / <c>--foxglove</c> and <c>demo</c>.
/// It wraps the run's <see cref="ILoopPacer"/>: before each tick it reads the previous tick's data from the
/// <see cref="ControlLoop"/> (state, reference, command, timing) and writes it to a bag and/or a Foxglove server.
/// All stamps are loop time (simulated time unless <c>--realtime</c>), so a seeded run gives a byte-identical bag.
/// </summary>
/// <remarks>
/// Topics (all <see cref="QosProfile.Default"/>):
/// <list type="bullet">
/// <item><c>/state</c> sensor_msgs/JointState: <c>name</c> = the plant's state names, <c>position</c> = the state the controller saw (measured, with sensor noise and faults).</item>
/// <item><c>/reference</c> sensor_msgs/JointState: <c>name</c> = the tracked state's name for tracked entries (e.g. <c>position_m</c>), else <c>reference_i</c>; <c>position</c> = the reference.</item>
/// <item><c>/command</c> sensor_msgs/JointState: <c>name</c> = the plant's input names, <c>position</c> = the command written.</item>
/// <item><c>/loop_statistics</c> robotics_msgs/ControllerCycleStatistics every 0.1 s of loop time: period/jitter/compute statistics since start, ticks and overruns in the window.</item>
/// </list>
/// </remarks>
public sealed class ScenarioTopicStream : ILoopPacer
{
    /// <summary>Topic of the measured state.</summary>
    public const string StateTopic = "/state";

    /// <summary>Topic of the reference.</summary>
    public const string ReferenceTopic = "/reference";

    /// <summary>Topic of the command.</summary>
    public const string CommandTopic = "/command";

    /// <summary>Topic of the loop timing statistics.</summary>
    public const string StatisticsTopic = "/loop_statistics";

    private readonly ILoopPacer _inner;
    private readonly RosBagWriter? _bag;
    private readonly FoxgloveServer? _foxglove;
    private readonly JointState _state, _reference, _command;
    private readonly ControllerCycleStatistics _statistics;
    private readonly RosBagTopic? _bagState, _bagReference, _bagCommand, _bagStatistics;
    private readonly FoxgloveChannel? _fgState, _fgReference, _fgCommand, _fgStatistics;
    private readonly long _statisticsEveryTicks;
    private ControlLoop? _loop;
    private long _emitted, _windowStartTick, _windowStartOverruns;

    /// <summary>Creates the stream for <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario being run (names of states, inputs and tracked references).</param>
    /// <param name="inner">The pacer that really paces the loop (the runner's default manual-clock pacer when null).</param>
    /// <param name="bag">Bag to record into, or null.</param>
    /// <param name="foxglove">Foxglove server to stream to, or null.</param>
    public ScenarioTopicStream(Scenario scenario, ILoopPacer? inner, RosBagWriter? bag, FoxgloveServer? foxglove)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _inner = inner ?? new ManualClockPacer();
        _bag = bag;
        _foxglove = foxglove;
        var plantEntry = ScenarioCatalog.FindPlant(scenario.Plant.Type)
            ?? throw new ArgumentException($"Unknown plant type '{scenario.Plant.Type}'.", nameof(scenario));
        var plant = plantEntry.Create(scenario.Plant.Parameters);
        var referenceEntry = ScenarioCatalog.FindReference(scenario.Reference.Type)
            ?? throw new ArgumentException($"Unknown reference type '{scenario.Reference.Type}'.", nameof(scenario));
        int referenceSize = referenceEntry.Create(scenario.Reference.Parameters).Size;
        var referenceNames = new string[referenceSize];
        for (int i = 0; i < referenceSize; i++) referenceNames[i] = "reference_" + i.ToString(CultureInfo.InvariantCulture);
        foreach (var pair in scenario.Tracking)
        {
            if (pair.ReferenceIndex >= 0 && pair.ReferenceIndex < referenceSize) referenceNames[pair.ReferenceIndex] = pair.State;
        }

        _state = new JointState { Name = plant.StateNames.ToArray(), Position = new double[plant.StateNames.Count] };
        _reference = new JointState { Name = referenceNames, Position = new double[referenceSize] };
        _command = new JointState { Name = plant.InputNames.ToArray(), Position = new double[plant.InputNames.Count] };
        _statistics = new ControllerCycleStatistics { ControllerName = Truncate(scenario.Controller.Type, 64) };
        var period = scenario.Period;
        _statistics.Period.Sec = (int)(period.Nanoseconds / 1_000_000_000);
        _statistics.Period.Nanosec = (uint)(period.Nanoseconds % 1_000_000_000);
        _statisticsEveryTicks = Math.Max(1, (long)Math.Round(0.1 / period.Seconds));

        if (bag is not null)
        {
            _bagState = bag.AddTopic(StateTopic, JointState.Support, QosProfile.Default);
            _bagReference = bag.AddTopic(ReferenceTopic, JointState.Support, QosProfile.Default);
            _bagCommand = bag.AddTopic(CommandTopic, JointState.Support, QosProfile.Default);
            _bagStatistics = bag.AddTopic(StatisticsTopic, ControllerCycleStatistics.Support, QosProfile.Default);
        }

        if (foxglove is not null)
        {
            _fgState = foxglove.AddChannel(StateTopic, JointState.Support);
            _fgReference = foxglove.AddChannel(ReferenceTopic, JointState.Support);
            _fgCommand = foxglove.AddChannel(CommandTopic, JointState.Support);
            _fgStatistics = foxglove.AddChannel(StatisticsTopic, ControllerCycleStatistics.Support);
        }
    }

    /// <inheritdoc />
    public TimeProvider Clock => _inner.Clock;

    /// <summary>Ticks turned into messages so far.</summary>
    public long TicksEmitted => _emitted;

    /// <inheritdoc />
    public void WaitForNextDeadline(ControlLoop loop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loop);
        _loop = loop;
        Flush();
        _inner.WaitForNextDeadline(loop, cancellationToken);
    }

    /// <summary>Emits the ticks the loop ran since the last call (call once after the run for the last tick).</summary>
    public void Flush()
    {
        var loop = _loop;
        if (loop is null || loop.TickCount <= _emitted) return;
        // The loop just ran tick TickCount - 1 at its deadline: NextDeadline - Period (exact under the manual clock).
        SimTime time = loop.NextDeadline - loop.Period;
        _emitted = loop.TickCount;
        Stamp(_state, time);
        Stamp(_reference, time);
        Stamp(_command, time);
        loop.State.CopyTo(_state.Position);
        loop.Reference.CopyTo(_reference.Position);
        loop.Command.CopyTo(_command.Position);
        Emit(_bagState, _fgState, _state, time);
        Emit(_bagReference, _fgReference, _reference, time);
        Emit(_bagCommand, _fgCommand, _command, time);
        if (loop.TickCount - _windowStartTick >= _statisticsEveryTicks)
        {
            var t = loop.Timing;
            var s = _statistics;
            s.Header.Stamp.Sec = (int)(time.Nanoseconds / 1_000_000_000);
            s.Header.Stamp.Nanosec = (uint)(time.Nanoseconds % 1_000_000_000);
            s.MeanPeriodS = t.MeanPeriodSeconds;
            s.MinPeriodS = t.MinPeriodSeconds;
            s.MaxPeriodS = t.MaxPeriodSeconds;
            s.JitterRmsS = t.RmsJitterSeconds;
            s.JitterMaxS = t.MaxAbsJitterSeconds;
            s.MeanComputeS = t.MeanComputeSeconds;
            s.MaxComputeS = t.MaxComputeSeconds;
            s.Overruns = (uint)(loop.Overruns - _windowStartOverruns);
            s.TotalOverruns = (ulong)loop.Overruns;
            s.Ticks = (uint)(loop.TickCount - _windowStartTick);
            s.TickCount = (ulong)loop.TickCount;
            _windowStartTick = loop.TickCount;
            _windowStartOverruns = loop.Overruns;
            Emit(_bagStatistics, _fgStatistics, s, time);
        }
    }

    private void Emit(RosBagTopic? bagTopic, FoxgloveChannel? channel, IRosMessage message, SimTime time)
    {
        if (bagTopic is not null) _bag!.Write(bagTopic, message, time);
        if (channel is not null) _foxglove!.Publish(channel, message, time.Nanoseconds);
    }

    private static void Stamp(JointState message, SimTime time)
    {
        message.Header.Stamp.Sec = (int)(time.Nanoseconds / 1_000_000_000);
        message.Header.Stamp.Nanosec = (uint)(time.Nanoseconds % 1_000_000_000);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
