using Robotics.Core.Parameters;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Rcl = Robotics.Ros.Interfaces.RclInterfaces;
using Builtin = Robotics.Ros.Interfaces.BuiltinInterfaces;

namespace Robotics.Nodes.Parameters;

/// <summary>
/// The six rcl_interfaces parameter services of a node (<c>~/describe_parameters</c>, <c>~/get_parameter_types</c>,
/// <c>~/get_parameters</c>, <c>~/list_parameters</c>, <c>~/set_parameters</c>, <c>~/set_parameters_atomically</c>) and the
/// <c>/parameter_events</c> publisher, so <c>ros2 param</c> and <c>robotics param</c> work against the node.
/// </summary>
/// <remarks>
/// Sets are validated here (type, range, read-only, unknown name; the reason goes back in <c>SetParametersResult</c>)
/// and queued; the node applies them at its next tick boundary, then <c>/parameter_events</c> reports the change.
/// </remarks>
public sealed class ParameterServices : IDisposable
{
    private readonly Node _node;
    private readonly NodeParameters _parameters;
    private readonly Publisher<Rcl.ParameterEvent> _events;
    private readonly List<IDisposable> _services = [];
    private readonly Action? _afterProposal;

    /// <summary>Creates the services and the event publisher, and announces the declared parameters as new.</summary>
    /// <param name="node">The node.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="afterProposal">Called after a set request queued changes (the host applies them right away when no loop runs).</param>
    public ParameterServices(Node node, NodeParameters parameters, Action? afterProposal = null)
    {
        _afterProposal = afterProposal;
        _node = node ?? throw new ArgumentNullException(nameof(node));
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _events = node.CreatePublisher<Rcl.ParameterEvent>("/parameter_events", QosProfile.ParameterEvents);
        var q = QosProfile.Parameters;
        _services.Add(node.CreateService<Rcl.DescribeParametersRequest, Rcl.DescribeParametersResponse>("~/describe_parameters", Describe, q));
        _services.Add(node.CreateService<Rcl.GetParameterTypesRequest, Rcl.GetParameterTypesResponse>("~/get_parameter_types", GetTypes, q));
        _services.Add(node.CreateService<Rcl.GetParametersRequest, Rcl.GetParametersResponse>("~/get_parameters", Get, q));
        _services.Add(node.CreateService<Rcl.ListParametersRequest, Rcl.ListParametersResponse>("~/list_parameters", List, q));
        _services.Add(node.CreateService<Rcl.SetParametersRequest, Rcl.SetParametersResponse>("~/set_parameters", Set, q));
        _services.Add(node.CreateService<Rcl.SetParametersAtomicallyRequest, Rcl.SetParametersAtomicallyResponse>("~/set_parameters_atomically", SetAtomically, q));
        parameters.Changed += OnChanged;
        Publish(parameters.Snapshot(), isNew: true);
    }

    /// <summary>Removes the services and the publisher.</summary>
    public void Dispose()
    {
        _parameters.Changed -= OnChanged;
        foreach (var s in _services) s.Dispose();
        _events.Dispose();
    }

    private void OnChanged(IReadOnlyList<KeyValuePair<string, ParameterValue>> changes) => Publish(changes, isNew: false);

    private void Publish(IReadOnlyList<KeyValuePair<string, ParameterValue>> changes, bool isNew)
    {
        var list = new Rcl.Parameter[changes.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = new Rcl.Parameter { Name = changes[i].Key, Value = RosParameterConversions.ToRos(changes[i].Value) };
        }

        var now = _node.Clock.GetUtcNow();
        long ns = (now - DateTimeOffset.UnixEpoch).Ticks * 100;
        var e = new Rcl.ParameterEvent
        {
            Stamp = new Builtin.Time { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) },
            Node = _node.FullyQualifiedName,
        };
        if (isNew) e.NewParameters = list;
        else e.ChangedParameters = list;
        _events.Publish(e);
    }

    private void Describe(Rcl.DescribeParametersRequest request, Rcl.DescribeParametersResponse response)
    {
        var list = new List<Rcl.ParameterDescriptor>();
        foreach (string name in request.Names)
        {
            var d = _parameters.FindDescriptor(name);
            list.Add(d is null ? new Rcl.ParameterDescriptor { Name = name } : RosParameterConversions.ToRos(d));
        }

        response.Descriptors = [.. list];
    }

    private void GetTypes(Rcl.GetParameterTypesRequest request, Rcl.GetParameterTypesResponse response)
    {
        var types = new byte[request.Names.Length];
        for (int i = 0; i < types.Length; i++)
        {
            var d = _parameters.FindDescriptor(request.Names[i]);
            types[i] = d is null ? (byte)0 : RosParameterConversions.ToRosType(d.Type);
        }

        response.Types = types;
    }

    private void Get(Rcl.GetParametersRequest request, Rcl.GetParametersResponse response)
    {
        var values = new Rcl.ParameterValue[request.Names.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var v = _parameters.Find(request.Names[i]);
            values[i] = v is { } value ? RosParameterConversions.ToRos(value) : new Rcl.ParameterValue();
        }

        response.Values = values;
    }

    private void List(Rcl.ListParametersRequest request, Rcl.ListParametersResponse response)
    {
        var names = new List<string>();
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        ulong depth = request.Depth;
        foreach (var d in _parameters.Descriptors)
        {
            string name = d.Name;
            bool match;
            if (request.Prefixes.Length == 0)
            {
                match = depth == Rcl.ListParametersRequest.DEPTH_RECURSIVE || (ulong)name.Count(c => c == '.') < depth;
            }
            else
            {
                match = false;
                foreach (string p in request.Prefixes)
                {
                    if (name == p || name.StartsWith(p + ".", StringComparison.Ordinal))
                    {
                        string rest = name.Length > p.Length ? name[(p.Length + 1)..] : "";
                        if (depth == Rcl.ListParametersRequest.DEPTH_RECURSIVE || (ulong)rest.Count(c => c == '.') < depth)
                        {
                            match = true;
                            break;
                        }
                    }
                }
            }

            if (!match) continue;
            names.Add(name);
            int dot = name.LastIndexOf('.');
            if (dot > 0) prefixes.Add(name[..dot]);
        }

        response.Result = new Rcl.ListParametersResult { Names = [.. names], Prefixes = [.. prefixes] };
    }

    private void Set(Rcl.SetParametersRequest request, Rcl.SetParametersResponse response)
    {
        var results = new Rcl.SetParametersResult[request.Parameters.Length];
        for (int i = 0; i < results.Length; i++)
        {
            var p = request.Parameters[i];
            if (!RosParameterConversions.TryFromRos(p.Value, out var value, out string error))
            {
                results[i] = new Rcl.SetParametersResult { Successful = false, Reason = $"parameter '{p.Name}': {error}" };
                continue;
            }

            var check = _parameters.Propose(p.Name, value);
            results[i] = new Rcl.SetParametersResult { Successful = check.IsValid, Reason = check.Message };
        }

        response.Results = results;
        _afterProposal?.Invoke();
    }

    private void SetAtomically(Rcl.SetParametersAtomicallyRequest request, Rcl.SetParametersAtomicallyResponse response)
    {
        var changes = new List<KeyValuePair<string, ParameterValue>>();
        foreach (var p in request.Parameters)
        {
            if (!RosParameterConversions.TryFromRos(p.Value, out var value, out string error))
            {
                response.Result = new Rcl.SetParametersResult { Successful = false, Reason = $"parameter '{p.Name}': {error}" };
                return;
            }

            changes.Add(new(p.Name, value));
        }

        var results = _parameters.ProposeAll(changes, atomically: true);
        foreach (var r in results)
        {
            if (!r.IsValid)
            {
                response.Result = new Rcl.SetParametersResult { Successful = false, Reason = r.Message };
                return;
            }
        }

        response.Result = new Rcl.SetParametersResult { Successful = true };
        _afterProposal?.Invoke();
    }
}
