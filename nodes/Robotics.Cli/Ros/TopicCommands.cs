using System.CommandLine;
using System.Globalization;
using Robotics.Ros.Graph;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Serialization;
using Robotics.Ros.Transport;

namespace Robotics.Cli.Ros;

/// <summary>
/// <c>robotics topic list|echo|pub|hz|info</c>: ros2cli's <c>ros2 topic</c> verbs with the same arguments and output,
/// over Cyclone DDS (ROS_DOMAIN_ID, ROS_DISTRO, ROS_AUTOMATIC_DISCOVERY_RANGE, CYCLONEDDS_URI from the environment),
/// for machines without ROS 2.
/// </summary>
public static class TopicCommands
{
    /// <summary>Creates the <c>topic</c> command group.</summary>
    public static Command Create()
    {
        var transport = RosCliSession.TransportOption();
        var spin = RosCliSession.SpinTimeOption();
        var command = new Command("topic", "Various topic related sub-commands (like ros2 topic): list, echo, pub, hz, info.")
        {
            transport,
            spin,
        };
        command.Subcommands.Add(CreateList(transport, spin));
        command.Subcommands.Add(CreateEcho(transport, spin));
        command.Subcommands.Add(CreatePub(transport));
        command.Subcommands.Add(CreateHz(transport, spin));
        command.Subcommands.Add(CreateInfo(transport, spin));
        return command;
    }

    private static Command CreateList(Option<string?> transport, Option<double> spin)
    {
        var showTypes = new Option<bool>("--show-types", "-t") { Description = "Additionally show the topic type." };
        var count = new Option<bool>("--count-topics", "-c") { Description = "Only display the number of topics discovered." };
        var hidden = new Option<bool>("--include-hidden-topics") { Description = "Consider hidden topics as well (a name token starting with '_')." };
        var command = new Command("list", "Output a list of available topics, one per line (with -t: '/chatter [std_msgs/msg/String]').")
        {
            showTypes, count, hidden,
        };
        command.SetAction(parse =>
        {
            using RosCliSession? s = RosCliSession.TryOpen(parse.GetValue(transport), "topic list");
            if (s is null)
            {
                return RosCliSession.ExitNotFound;
            }

            s.Spin(parse.GetValue(spin));
            var topics = s.Node.GetTopicNamesAndTypes().Where(t => parse.GetValue(hidden) || !IsHidden(t.Key)).ToList();
            if (parse.GetValue(count))
            {
                Console.WriteLine(topics.Count.ToString(CultureInfo.InvariantCulture));
                return 0;
            }

            foreach (KeyValuePair<string, IReadOnlyList<string>> t in topics)
            {
                Console.WriteLine(parse.GetValue(showTypes) ? $"{t.Key} [{string.Join(", ", t.Value)}]" : t.Key);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateEcho(Option<string?> transport, Option<double> spin)
    {
        var topic = new Argument<string>("topic_name") { Description = "Name of the ROS topic to listen to (e.g. '/chatter')." };
        var type = new Argument<string?>("message_type") { Description = "Type of the ROS message (e.g. 'std_msgs/msg/String'); discovered from the publishers when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var once = new Option<bool>("--once") { Description = "Print the first message received and then exit." };
        var field = new Option<string?>("--field") { Description = "Echo a selected field of a message; use '.' for nested fields (e.g. 'linear.x')." };
        var noArr = new Option<bool>("--no-arr") { Description = "Don't print array fields of messages." };
        var noStr = new Option<bool>("--no-str") { Description = "Don't print string fields of messages." };
        var flow = new Option<bool>("--flow-style") { Description = "Print collections in the YAML flow style." };
        var truncate = new Option<int>("--truncate-length", "-l") { Description = "Truncate strings and sequences longer than this (default 128).", DefaultValueFactory = _ => 128 };
        var full = new Option<bool>("--full-length", "-f") { Description = "Print arrays and strings in full (no truncation)." };
        var timeout = new Option<double?>("--timeout") { Description = "Give up (exit code 1) when nothing arrived within this many seconds.", Hidden = true };
        var qos = new RosQosOptions("subscribe");
        var command = new Command("echo", "Output messages from a topic as YAML documents separated by '---' (like ros2 topic echo).")
        {
            topic, type, once, field, noArr, noStr, flow, truncate, full, timeout,
        };
        qos.AddTo(command);
        command.SetAction((parse, ct) => Task.FromResult(Echo(parse, parse.GetValue(topic)!, parse.GetValue(type), parse.GetValue(once), parse.GetValue(field),
            parse.GetValue(noArr), parse.GetValue(noStr), parse.GetValue(flow), parse.GetValue(full) ? null : parse.GetValue(truncate), parse.GetValue(timeout),
            qos, parse.GetValue(transport), parse.GetValue(spin), ct)));
        return command;
    }

    private static int Echo(ParseResult parse, string topicName, string? typeName, bool once, string? field, bool noArr, bool noStr, bool flow,
        int? truncate, double? timeoutSeconds, RosQosOptions qos, string? transport, double spin, CancellationToken ct)
    {
        using RosCliSession? s = RosCliSession.TryOpen(transport, "topic echo");
        if (s is null)
        {
            return RosCliSession.ExitNotFound;
        }

        if (!TryResolve(s, topicName, "topic echo", out string topic))
        {
            return RosCliSession.ExitInvalidInput;
        }

        MessageTypeSupport? support = typeName is null ? DiscoverType(s, topic, spin, "topic echo", ct) : RosCliSession.FindMessageType(typeName, "topic echo");
        if (support is null)
        {
            return typeName is null ? RosCliSession.ExitNotFound : RosCliSession.ExitInvalidInput;
        }

        if (!qos.AnyGiven(parse) && typeName is not null)
        {
            s.Spin(Math.Min(spin, 0.5), ct); // let publishers be discovered so the QoS adapts to them
        }

        QosProfile profile = qos.AnyGiven(parse) ? qos.Resolve(parse, QosProfile.SensorData) : RosQosOptions.AdaptToPublishers(Publishers(s, topic));
        using var signal = new SemaphoreSlim(0);
        using GenericSubscription reader = s.Node.CreateGenericSubscription(topic, support, profile);
        reader.DataAvailable += () => signal.Release();
        long deadline = timeoutSeconds is { } t ? Environment.TickCount64 + (long)(t * 1000) : long.MaxValue;
        while (!ct.IsCancellationRequested)
        {
            IRosMessage message = support.CreateMessage();
            while (reader.TryTake(message, out _))
            {
                string text;
                if (field is not null)
                {
                    string? value = RosCliFormat.Field(message, field, out string? error);
                    if (value is null)
                    {
                        Console.Error.WriteLine($"robotics topic echo: {error}");
                        return RosCliSession.ExitInvalidInput;
                    }

                    text = value;
                }
                else
                {
                    text = MessageYaml.Write(Filter(message, noArr, noStr), truncate, flow);
                }

                Console.Out.Write(text);
                Console.Out.WriteLine("---");
                Console.Out.Flush();
                if (once)
                {
                    return 0;
                }

                message = support.CreateMessage();
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                Console.Error.WriteLine($"robotics topic echo: no message on '{topic}' within {timeoutSeconds!.Value.ToString(CultureInfo.InvariantCulture)} s.");
                return RosCliSession.ExitNotFound;
            }

            try
            {
                signal.Wait(TimeSpan.FromMilliseconds(Math.Min(left, 200)), ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return 0;
    }

    private static Command CreatePub(Option<string?> transport)
    {
        var topic = new Argument<string>("topic_name") { Description = "Name of the ROS topic to publish to (e.g. '/chatter')." };
        var type = new Argument<string>("message_type") { Description = "Type of the ROS message (e.g. 'std_msgs/msg/String')." };
        var values = new Argument<string>("values") { Description = "Values to fill the message with in YAML format (e.g. 'data: Hello World'); empty for the default message.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "{}" };
        var rate = new Option<double>("--rate", "-r") { Description = "Publishing rate in Hz (default: 1).", DefaultValueFactory = _ => 1.0 };
        var once = new Option<bool>("--once", "-1") { Description = "Publish one message and exit." };
        var times = new Option<int?>("--times", "-t") { Description = "Publish this number of times and then exit." };
        var wait = new Option<int?>("--wait-matching-subscriptions", "-w") { Description = "Wait until finding the specified number of matching subscriptions (default: 1 with --once or --times, else 0)." };
        var keepAlive = new Option<double>("--keep-alive") { Description = "Keep publishing node alive for N seconds after the last message (default: 0.1).", DefaultValueFactory = _ => 0.1 };
        var print = new Option<int>("--print", "-p") { Description = "Only print every N-th published message (0 prints nothing).", DefaultValueFactory = _ => 1 };
        var qos = new RosQosOptions("publish");
        var command = new Command("pub", "Publish a message to a topic (like ros2 topic pub), e.g. robotics topic pub /chatter std_msgs/msg/String \"{data: hi}\" --once.")
        {
            topic, type, values, rate, once, times, wait, keepAlive, print,
        };
        qos.AddTo(command);
        command.SetAction((parse, ct) => Pub(parse.GetValue(topic)!, parse.GetValue(type)!, parse.GetValue(values) ?? "{}", parse.GetValue(rate),
            parse.GetValue(once), parse.GetValue(times), parse.GetValue(wait), parse.GetValue(keepAlive), parse.GetValue(print),
            qos.Resolve(parse, QosProfile.Default), parse.GetValue(transport), ct));
        return command;
    }

    private static async Task<int> Pub(string topicName, string typeName, string values, double rate, bool once, int? times, int? wait,
        double keepAlive, int print, QosProfile qos, string? transport, CancellationToken ct)
    {
        if (!(rate > 0) || !double.IsFinite(rate))
        {
            Console.Error.WriteLine($"robotics topic pub: --rate must be a positive number of Hz, got {rate.ToString(CultureInfo.InvariantCulture)}.");
            return RosCliSession.ExitInvalidInput;
        }

        if (times is <= 0)
        {
            Console.Error.WriteLine($"robotics topic pub: --times must be at least 1, got {times}.");
            return RosCliSession.ExitInvalidInput;
        }

        MessageTypeSupport? support = RosCliSession.FindMessageType(typeName, "topic pub");
        if (support is null)
        {
            return RosCliSession.ExitInvalidInput;
        }

        if (!MessageYaml.TryParse(values, support, out IRosMessage? message, out string? error))
        {
            Console.Error.WriteLine($"robotics topic pub: Failed to populate field: {error}");
            return RosCliSession.ExitInvalidInput;
        }

        using RosCliSession? s = RosCliSession.TryOpen(transport, "topic pub");
        if (s is null)
        {
            return RosCliSession.ExitNotFound;
        }

        if (!TryResolve(s, topicName, "topic pub", out string topic))
        {
            return RosCliSession.ExitInvalidInput;
        }

        int? limit = once ? 1 : times;
        int waitFor = wait ?? (limit is null ? 0 : 1);
        using GenericPublisher writer = s.Node.CreateGenericPublisher(topic, support, qos);
        if (waitFor > 0)
        {
            Console.WriteLine($"Waiting for at least {waitFor} matching subscription(s)...");
            while (!writer.WaitForSubscriptions(waitFor, TimeSpan.FromMilliseconds(200)))
            {
                if (ct.IsCancellationRequested)
                {
                    return 0;
                }
            }
        }

        Console.WriteLine("publisher: beginning loop");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (int n = 1; limit is null || n <= limit; n++)
        {
            if (writer.Publish(message) == PublishStatus.Error)
            {
                Console.Error.WriteLine($"robotics topic pub: the transport refused message #{n} (a bounded field or fixed array length is violated).");
                return RosCliSession.ExitInvalidInput;
            }

            if (print > 0 && n % print == 0)
            {
                Console.WriteLine($"publishing #{n}: {RosCliFormat.Repr(message)}");
                Console.WriteLine();
            }

            if (limit is not null && n == limit)
            {
                break;
            }

            try
            {
                await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, keepAlive)), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static Command CreateHz(Option<string?> transport, Option<double> spin)
    {
        var topic = new Argument<string>("topic_name") { Description = "Name of the ROS topic to listen to (e.g. '/chatter')." };
        var window = new Option<int>("--window", "-w") { Description = "Window size, in # of messages, for calculating rate (default: 10000).", DefaultValueFactory = _ => 10000 };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds.", Hidden = true };
        var command = new Command("hz", "Print the average publishing rate of a topic once a second (like ros2 topic hz).")
        {
            topic, window, duration,
        };
        command.SetAction((parse, ct) => Task.FromResult(Hz(parse.GetValue(topic)!, Math.Max(2, parse.GetValue(window)), parse.GetValue(duration),
            parse.GetValue(transport), parse.GetValue(spin), ct)));
        return command;
    }

    private static int Hz(string topicName, int window, double? duration, string? transport, double spin, CancellationToken ct)
    {
        using RosCliSession? s = RosCliSession.TryOpen(transport, "topic hz");
        if (s is null)
        {
            return RosCliSession.ExitNotFound;
        }

        if (!TryResolve(s, topicName, "topic hz", out string topic))
        {
            return RosCliSession.ExitInvalidInput;
        }

        MessageTypeSupport? support = DiscoverType(s, topic, spin, "topic hz", ct);
        if (support is null)
        {
            return RosCliSession.ExitNotFound;
        }

        TimeProvider clock = TimeProvider.System;
        var stamps = new Queue<long>();
        object gate = new();
        IRosMessage scratch = support.CreateMessage();
        using GenericSubscription reader = s.Node.CreateGenericSubscription(topic, support, RosQosOptions.AdaptToPublishers(Publishers(s, topic)) with { Reliability = ReliabilityPolicy.BestEffort });
        reader.DataAvailable += () =>
        {
            lock (gate)
            {
                while (reader.TryTake(scratch, out _))
                {
                    stamps.Enqueue(clock.GetTimestamp());
                    while (stamps.Count > window)
                    {
                        stamps.Dequeue();
                    }
                }
            }
        };
        long end = duration is { } d ? clock.GetTimestamp() + (long)(d * clock.TimestampFrequency) : long.MaxValue;
        long lastNewest = 0;
        while (!ct.IsCancellationRequested && clock.GetTimestamp() < end)
        {
            ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            long[] times;
            lock (gate)
            {
                times = [.. stamps];
            }

            if (times.Length < 2 || times[^1] == lastNewest)
            {
                Console.WriteLine(times.Length < 2 ? "WARNING: no new messages" : "no new messages");
                continue;
            }

            lastNewest = times[^1];
            Console.WriteLine(HzReport(times, clock.TimestampFrequency));
        }

        return 0;
    }

    /// <summary>ros2 topic hz's two report lines for receive timestamps (ticks of <paramref name="frequency"/> per second).</summary>
    internal static string HzReport(IReadOnlyList<long> times, long frequency)
    {
        int n = times.Count - 1;
        double sum = 0, min = double.MaxValue, max = 0;
        var deltas = new double[n];
        for (int i = 0; i < n; i++)
        {
            deltas[i] = (times[i + 1] - times[i]) / (double)frequency;
            sum += deltas[i];
            min = Math.Min(min, deltas[i]);
            max = Math.Max(max, deltas[i]);
        }

        double mean = sum / n;
        double var = 0;
        foreach (double dt in deltas)
        {
            var += (dt - mean) * (dt - mean);
        }

        double std = Math.Sqrt(var / n);
        double rate = mean > 0 ? 1.0 / mean : 0;
        return string.Create(CultureInfo.InvariantCulture, $"average rate: {rate:F3}\n\tmin: {min:F3}s max: {max:F3}s std dev: {std:F5}s window: {times.Count}");
    }

    private static Command CreateInfo(Option<string?> transport, Option<double> spin)
    {
        var topic = new Argument<string>("topic_name") { Description = "Name of the ROS topic to get info (e.g. '/chatter')." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print detailed information (node, type hash, GID and QoS of every publisher and subscription)." };
        var command = new Command("info", "Print the type and the publisher and subscription counts of a topic (like ros2 topic info).")
        {
            topic, verbose,
        };
        command.SetAction(parse =>
        {
            using RosCliSession? s = RosCliSession.TryOpen(parse.GetValue(transport), "topic info");
            if (s is null)
            {
                return RosCliSession.ExitNotFound;
            }

            if (!TryResolve(s, parse.GetValue(topic)!, "topic info", out string name))
            {
                return RosCliSession.ExitInvalidInput;
            }

            s.Spin(parse.GetValue(spin));
            if (!s.Node.GetTopicNamesAndTypes().TryGetValue(name, out IReadOnlyList<string>? types))
            {
                Console.Error.WriteLine($"Unknown topic '{name}'");
                return RosCliSession.ExitNotFound;
            }

            Console.Write(InfoText(name, types, s.Node.GetPublishersInfoByTopic(name), s.Node.GetSubscriptionsInfoByTopic(name), parse.GetValue(verbose)));
            return 0;
        });
        return command;
    }

    /// <summary>The text of <c>ros2 topic info [-v]</c>.</summary>
    internal static string InfoText(string topic, IReadOnlyList<string> types, IReadOnlyList<TopicEndpointInfo> publishers, IReadOnlyList<TopicEndpointInfo> subscriptions, bool verbose)
    {
        _ = topic;
        var sb = new System.Text.StringBuilder();
        sb.Append("Type: ").Append(string.Join("; ", types)).Append('\n');
        if (verbose)
        {
            sb.Append('\n');
        }

        sb.Append("Publisher count: ").Append(publishers.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (verbose)
        {
            sb.Append('\n');
            foreach (TopicEndpointInfo p in publishers)
            {
                sb.Append(RosCliFormat.Endpoint(p)).Append('\n');
            }
        }

        sb.Append("Subscription count: ").Append(subscriptions.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (verbose)
        {
            sb.Append('\n');
            foreach (TopicEndpointInfo p in subscriptions)
            {
                sb.Append(RosCliFormat.Endpoint(p)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static bool TryResolve(RosCliSession s, string name, string command, out string topic)
    {
        try
        {
            topic = s.Node.ResolveName(name);
            return true;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"robotics {command}: {e.Message}");
            topic = string.Empty;
            return false;
        }
    }

    private static IEnumerable<TopicEndpointInfo> Publishers(RosCliSession s, string topic) =>
        s.Node.GetPublishersInfoByTopic(topic);

    private static MessageTypeSupport? DiscoverType(RosCliSession s, string topic, double spin, string command, CancellationToken ct)
    {
        long deadline = Environment.TickCount64 + (long)(Math.Max(spin, 2.0) * 1000);
        while (true)
        {
            if (s.Node.GetTopicNamesAndTypes().TryGetValue(topic, out IReadOnlyList<string>? types) && types.Count > 0)
            {
                if (types.Count > 1)
                {
                    Console.Error.WriteLine($"robotics {command}: '{topic}' has several types ({string.Join(", ", types)}); give the type as an argument.");
                    return null;
                }

                return RosCliSession.FindMessageType(types[0], command);
            }

            if (Environment.TickCount64 > deadline || ct.IsCancellationRequested || s.Transport is InProcessTransport)
            {
                Console.Error.WriteLine($"WARNING: topic [{topic}] does not appear to be published yet");
                Console.Error.WriteLine("Could not determine the type for the passed topic");
                return null;
            }

            ct.WaitHandle.WaitOne(50);
        }
    }

    private static IRosMessage Filter(IRosMessage message, bool noArr, bool noStr)
    {
        if (!noArr && !noStr)
        {
            return message;
        }

        // ros2 echo --no-arr / --no-str print '<array type: ..., length: N>' / '<string length: N>' instead; we blank them.
        IRosMessage copy = message.TypeSupport.CreateMessage();
        byte[] bytes = message.TypeSupport.Serialize(message);
        message.TypeSupport.TryDeserialize(bytes, copy);
        foreach (FieldDefinition f in copy.TypeSupport.Definition.Fields)
        {
            if (noArr && f.IsArray && f.ArrayKind != RosArrayKind.Fixed)
            {
                f.SetValue(copy, Array.CreateInstance(f.GetValue(copy).GetType().GetElementType()!, 0));
            }
            else if (noStr && !f.IsArray && f.GetValue(copy) is string)
            {
                f.SetValue(copy, string.Empty);
            }
        }

        return copy;
    }

    private static bool IsHidden(string name) => name.Split('/').Any(t => t.StartsWith('_'));
}
