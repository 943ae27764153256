using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Robotics.Sim.Scenarios;

/// <summary>Wraps a YAML parser and remembers where the last successfully parsed event ended, for error positions.</summary>
internal sealed class PositionTrackingParser : IParser
{
    private readonly IParser _inner;

    public PositionTrackingParser(IParser inner) => _inner = inner;

    /// <summary>End mark of the last event parsed (line 1, column 1 before the first).</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        bool moved = _inner.MoveNext();
        if (moved && _inner.Current is { } e) LastEnd = e.End;
        return moved;
    }
}
