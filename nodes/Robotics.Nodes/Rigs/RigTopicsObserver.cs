using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Ros.Nodes;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;

namespace Robotics.Nodes.Rigs;

/// <summary>
/// Publishes every tick of a rig's loop: <c>~/state</c> (sensor_msgs/JointState, name = state names, position = the
/// measured state), <c>~/reference</c> and <c>~/command</c> (std_msgs/Float64MultiArray; the command is the safe
/// command while the node is inactive). Messages are preallocated and reused.
/// </summary>
public sealed class RigTopicsObserver : IControlLoopObserver, IDisposable
{
    private readonly TimeProvider _clock;
    private readonly Publisher<JointState> _state;
    private readonly Publisher<Float64MultiArray> _reference, _command;
    private readonly JointState _stateMsg;
    private readonly Float64MultiArray _referenceMsg, _commandMsg;

    /// <summary>Creates the publishers.</summary>
    /// <param name="node">The node.</param>
    /// <param name="clock">Stamps the state (wall time).</param>
    /// <param name="stateNames">Names of the state values.</param>
    /// <param name="referenceSize">Length of the reference.</param>
    /// <param name="commandSize">Length of the command.</param>
    public RigTopicsObserver(Node node, TimeProvider clock, IReadOnlyList<string> stateNames, int referenceSize, int commandSize)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(stateNames);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _state = node.CreatePublisher<JointState>("~/state", 10);
        _reference = node.CreatePublisher<Float64MultiArray>("~/reference", 10);
        _command = node.CreatePublisher<Float64MultiArray>("~/command", 10);
        _stateMsg = new JointState { Name = [.. stateNames], Position = new double[stateNames.Count] };
        _referenceMsg = new Float64MultiArray { Data = new double[referenceSize] };
        _commandMsg = new Float64MultiArray { Data = new double[commandSize] };
    }

    /// <inheritdoc/>
    public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
    {
        long ns = (_clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        var stamp = _stateMsg.Header.Stamp;
        stamp.Sec = (int)(ns / 1_000_000_000);
        stamp.Nanosec = (uint)(ns % 1_000_000_000);
        state.CopyTo(_stateMsg.Position);
        reference.CopyTo(_referenceMsg.Data);
        command.CopyTo(_commandMsg.Data);
        _state.Publish(_stateMsg);
        _reference.Publish(_referenceMsg);
        _command.Publish(_commandMsg);
    }

    /// <summary>Removes the publishers.</summary>
    public void Dispose()
    {
        _state.Dispose();
        _reference.Dispose();
        _command.Dispose();
    }
}
