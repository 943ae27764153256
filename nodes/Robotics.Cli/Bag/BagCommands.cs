using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Robotics.Cli.Ros;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Recording;
using Robotics.Ros.Transport;

namespace Robotics.Cli.Bag;

/// <summary><c>robotics bag info|play FILE.mcap</c>: inspect and replay rosbag2 MCAP recordings.</summary>
public static class BagCommands
{
    /// <summary>Exit code for invalid input (missing or malformed file, bad option).</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Creates the <c>bag</c> command group.</summary>
    public static Command Create()
    {
        var command = new Command("bag", "Inspect and replay MCAP recordings (rosbag2 format) written by `sim run --record`, `demo` or `launch --record`.");
        command.Subcommands.Add(CreateInfo());
        command.Subcommands.Add(CreatePlay());
        return command;
    }

    private static Command CreateInfo()
    {
        var file = new Argument<string>("file") { Description = "The .mcap file (a bag folder holding one .mcap also works)." };
        var command = new Command("info", "Validate an MCAP file (chunk CRCs, data and summary CRCs, indexes) and print its topics, types, message counts and time range, like `ros2 bag info`. Exit 0 = valid, 2 = missing or invalid file.")
        {
            file,
        };
        command.SetAction(parse => Info(parse.GetValue(file)!));
        return command;
    }

    private static Command CreatePlay()
    {
        var file = new Argument<string>("file") { Description = "The .mcap file to replay." };
        var rate = new Option<double>("--rate", "-r")
        {
            Description = "Playback speed factor: 1 = recorded timing, 2 = twice as fast, 0.5 = half speed (like `ros2 bag play --rate`).",
            DefaultValueFactory = _ => 1.0,
        };
        var topics = new Option<string[]>("--topics") { Description = "Replay only these topics (default: all).", AllowMultipleArgumentsPerToken = true };
        var transport = RosCliSession.TransportOption();
        var command = new Command("play", "Publish the messages of an MCAP file on the ROS graph (Cyclone DDS, ROS_DOMAIN_ID) with their recorded timing scaled by --rate. Exit 0 = all published, 2 = invalid input.")
        {
            file, rate, topics, transport,
        };
        command.SetAction((parse, ct) => Task.FromResult(Play(parse.GetValue(file)!, parse.GetValue(rate), parse.GetValue(topics) ?? [], parse.GetValue(transport), ct)));
        return command;
    }

    /// <summary>Reads and validates a recording, or prints why not and returns null.</summary>
    /// <param name="path">A .mcap file or a folder with one.</param>
    /// <param name="command">Command name for messages.</param>
    /// <returns>The recording, or null after printing the error.</returns>
    public static McapRecording? Load(string path, string command)
    {
        string? file = ResolveFile(path, command);
        if (file is null) return null;
        try
        {
            return McapReader.ReadFile(file);
        }
        catch (McapFormatException e)
        {
            Console.Error.WriteLine($"robotics {command}: {file}: invalid MCAP file: {e.Message}");
            return null;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"robotics {command}: {file}: could not read: {e.Message}");
            return null;
        }
    }

    private static string? ResolveFile(string path, string command)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.mcap");
            if (files.Length == 1) return files[0];
            Console.Error.WriteLine($"robotics {command}: {path} is a folder with {files.Length} .mcap files; name the file.");
            return null;
        }

        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"robotics {command}: {path}: no such file. Record one with `robotics sim run sim/scenarios/msd-pid.yaml --record run.mcap`.");
            return null;
        }

        return path;
    }

    private static int Info(string path)
    {
        var r = Load(path, "bag info");
        if (r is null) return ExitInvalidInput;
        var c = CultureInfo.InvariantCulture;
        string file = Directory.Exists(path) ? Directory.GetFiles(path, "*.mcap")[0] : path;
        ulong first = r.Statistics?.MessageStartTime ?? (r.Messages.Count > 0 ? r.Messages.Min(m => m.LogTime) : 0);
        ulong last = r.Statistics?.MessageEndTime ?? (r.Messages.Count > 0 ? r.Messages.Max(m => m.LogTime) : 0);
        Console.WriteLine($"Files:             {Path.GetFileName(file)}");
        Console.WriteLine(string.Create(c, $"Bag size:          {new FileInfo(file).Length / 1024.0:F1} KiB"));
        Console.WriteLine($"Storage id:        mcap (profile {(r.Profile.Length == 0 ? "none" : r.Profile)}, library {r.Library})");
        Console.WriteLine(string.Create(c, $"Duration:          {(last - first) / 1e9:F9} s"));
        Console.WriteLine(string.Create(c, $"Start:             {first / 1e9:F9} s (log time {first} ns)"));
        Console.WriteLine(string.Create(c, $"End:               {last / 1e9:F9} s (log time {last} ns)"));
        Console.WriteLine(string.Create(c, $"Messages:          {r.Messages.Count}"));
        Console.WriteLine(string.Create(c, $"Chunks:            {r.ChunkCount} (every chunk CRC, the data section CRC and the summary CRC checked: ok)"));
        Console.WriteLine(r.Metadata.Any(m => m.Name == "rosbag2") ? "rosbag2 metadata:  present" : "rosbag2 metadata:  absent");
        var counts = r.Messages.GroupBy(m => m.ChannelId).ToDictionary(g => g.Key, g => g.Count());
        bool firstLine = true;
        foreach (var ch in r.Channels.Values)
        {
            string type = r.SchemaOf(ch)?.Name ?? "(no schema)";
            Console.WriteLine(string.Create(c, $"{(firstLine ? "Topic information: " : "                   ")}Topic: {ch.Topic} | Type: {type} | Count: {counts.GetValueOrDefault(ch.Id)} | Serialization Format: {ch.MessageEncoding}"));
            firstLine = false;
        }

        return 0;
    }

    private static int Play(string path, double rate, string[] topics, string? transport, CancellationToken ct)
    {
        if (!(rate > 0) || !double.IsFinite(rate))
        {
            Console.Error.WriteLine($"robotics bag play: --rate {rate.ToString(CultureInfo.InvariantCulture)} must be a number > 0 (1 = recorded speed).");
            return ExitInvalidInput;
        }

        var r = Load(path, "bag play");
        if (r is null) return ExitInvalidInput;
        foreach (string t in topics)
        {
            if (r.FindChannel(t) is null)
            {
                Console.Error.WriteLine($"robotics bag play: topic {t} is not in {path}; it has: {string.Join(", ", r.Channels.Values.Select(x => x.Topic))}.");
                return ExitInvalidInput;
            }
        }

        using var session = RosCliSession.TryOpen(transport, "bag play");
        if (session is null) return ExitInvalidInput;
        var publishers = new Dictionary<ushort, (GenericPublisher Publisher, IRosMessage Scratch)>();
        foreach (var ch in r.Channels.Values)
        {
            if (topics.Length > 0 && !topics.Contains(ch.Topic, StringComparer.Ordinal)) continue;
            string? typeName = r.SchemaOf(ch)?.Name;
            if (ch.MessageEncoding != "cdr" || typeName is null || !MessageTypeRegistry.TryGet(typeName, out MessageTypeSupport? type))
            {
                Console.Error.WriteLine($"robotics bag play: skipping {ch.Topic}: type {typeName ?? "(none)"} / encoding {ch.MessageEncoding} is not a known ROS 2 cdr type.");
                continue;
            }

            var qos = ch.Metadata.TryGetValue("offered_qos_profiles", out string? q) && q.Contains("durability: transient_local", StringComparison.Ordinal)
                ? QosProfile.TransientLocal(10)
                : QosProfile.Default;
            publishers[ch.Id] = (session.Node.CreateGenericPublisher(ch.Topic, type, qos), type.CreateMessage());
        }

        var messages = r.Messages.Where(m => publishers.ContainsKey(m.ChannelId)).OrderBy(m => m.LogTime).ToArray();
        if (messages.Length == 0)
        {
            Console.Error.WriteLine($"robotics bag play: {path} has no messages to play.");
            return ExitInvalidInput;
        }

        ulong start = messages[0].LogTime;
        double span = (messages[^1].LogTime - start) / 1e9 / rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"playing {messages.Length} messages on {publishers.Count} topics over {span:F3} s (rate {rate:G})"));
        var clock = Stopwatch.StartNew();
        int published = 0, decodeErrors = 0;
        foreach (var m in messages)
        {
            double due = (m.LogTime - start) / 1e9 / rate;
            double wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0.002 && ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(wait - 0.001))) break;
            while (clock.Elapsed.TotalSeconds < due && !ct.IsCancellationRequested) Thread.SpinWait(50);
            if (ct.IsCancellationRequested) break;
            var (publisher, scratch) = publishers[m.ChannelId];
            if (publisher.Type.TryDeserialize(m.Data, scratch) != CdrStatus.Ok)
            {
                decodeErrors++;
                continue;
            }

            publisher.Publish(scratch);
            published++;
        }

        foreach (var (p, _) in publishers.Values) p.Dispose();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published {published} messages in {clock.Elapsed.TotalSeconds:F3} s{(decodeErrors > 0 ? $", {decodeErrors} could not be decoded and were skipped" : "")}{(ct.IsCancellationRequested ? " (interrupted)" : "")}"));
        return 0;
    }
}
