namespace Robotics.Ros.Recording;

/// <summary>Options of <see cref="RosTopicRecorder"/>.</summary>
public sealed record RosTopicRecorderOptions
{
    /// <summary>Topics to record (fully qualified); empty records every topic discovered (like <c>ros2 bag record -a</c>).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Also record hidden topics and the ROS infrastructure topics (<c>/rosout</c>, <c>/parameter_events</c>). Default false.</summary>
    public bool IncludeHidden { get; init; }

    /// <summary>How often the recorder's timer looks for new topics and drains its subscriptions (default 10 ms).</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Name of the recorder's (hidden) node.</summary>
    public string NodeName { get; init; } = "_robotics_recorder";
}
