using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Robotics.Nodes.Foxglove;
using Robotics.Ros.Recording;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Cli.Tests;

/// <summary>The Foxglove WebSocket server, checked with the independent @foxglove/ws-protocol client.</summary>
public sealed class BagFoxgloveServerTests
{
    private static JsonElement Client(int port, string subprotocol, int count = 3, string? topics = null)
    {
        string[] extra = topics is null ? [] : ["--topics", topics];
        var (code, stdout, stderr) = BagNpm.Run("node", TimeSpan.FromMinutes(1), [Path.Combine(BagNpm.Folder, "foxglove-client.mjs"),
            "--url", $"ws://127.0.0.1:{port}", "--subprotocol", subprotocol, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "20000", .. extra]);
        Assert.True(code == 0, $"foxglove client ({subprotocol}) failed (exit {code}): {stdout} {stderr}");
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    [BagNpmFact]
    public async Task WsProtocolClient_BothSubprotocols_ListAndReceiveOurChannel()
    {
        BagNpm.Install();
        using var server = new FoxgloveServer(new FoxgloveServerOptions { Port = 0, Name = "test server" });
        server.Start();
        var channel = server.AddChannel("/chatter", RosString.Support);
        using var stop = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            var msg = new RosString();
            for (long k = 0; !stop.IsCancellationRequested; k++)
            {
                msg.Data = "hello " + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
                server.Publish(channel, msg, k * 1_000_000);
                await Task.Delay(10);
            }
        });
        try
        {
            var sdk = Task.Run(() => Client(server.Port, "foxglove.sdk.v1"));
            var legacy = Task.Run(() => Client(server.Port, "foxglove.websocket.v1"));
            foreach (var (result, subprotocol) in new[] { (await sdk, "foxglove.sdk.v1"), (await legacy, "foxglove.websocket.v1") })
            {
                Assert.Equal(subprotocol, result.GetProperty("negotiatedSubprotocol").GetString());
                Assert.Equal("test server", result.GetProperty("serverInfo").GetProperty("name").GetString());
                var c = result.GetProperty("channels").EnumerateArray().Single();
                Assert.Equal("/chatter", c.GetProperty("topic").GetString());
                Assert.Equal("cdr", c.GetProperty("encoding").GetString());
                Assert.Equal("std_msgs/msg/String", c.GetProperty("schemaName").GetString());
                Assert.Equal("ros2msg", c.GetProperty("schemaEncoding").GetString());
                Assert.Equal(Ros2MessageDefinitionText.For(RosString.Support).Length, c.GetProperty("schemaLength").GetInt32());
                Assert.True(c.GetProperty("received").GetInt32() >= 3);
                // XCDR1 little-endian encapsulation header 00 01 00 00, then the string length (u32 LE, incl. NUL).
                Assert.StartsWith("00010000", c.GetProperty("firstPayloadHex").GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await publisher;
        }
    }

    [Fact]
    public async Task Handshake_UnsupportedSubprotocol_Is400()
    {
        using var server = new FoxgloveServer(new FoxgloveServerOptions { Port = 0 });
        server.Start();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.Port);
        var stream = tcp.GetStream();
        string request = $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: foo.bar\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        // The server closes after the 400 response; read all of it (head and body may arrive in separate segments).
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string response = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("foxglove.sdk.v1", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_SdkSubprotocol_AcceptKeyFollowsRfc6455()
    {
        using var server = new FoxgloveServer(new FoxgloveServerOptions { Port = 0 });
        server.Start();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.Port);
        var stream = tcp.GetStream();
        // RFC 6455 section 1.3 example: key dGhlIHNhbXBsZSBub25jZQ== -> accept s3pPLMBiTxaQ9kYGzzhZRbK+xOo=.
        string request = $"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: foxglove.sdk.v1\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[1024];
        int n = await stream.ReadAsync(buffer);
        string response = Encoding.ASCII.GetString(buffer, 0, n);
        Assert.StartsWith("HTTP/1.1 101", response, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", response, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Protocol: foxglove.sdk.v1", response, StringComparison.Ordinal);
    }

    [BagNpmFact]
    public void SimRunFoxglove_ClientReceivesTheFourTopics()
    {
        BagNpm.Install();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "Robotics.Cli.dll"), "sim", "run", "sim/scenarios/msd-pid.yaml", "--realtime", "--duration", "6", "--foxglove", "0" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ROBOTICS_REPO_ROOT"] = RepoPaths.Root;
        using var sim = Process.Start(psi)!;
        try
        {
            int port = 0;
            while (port == 0)
            {
                string? line = sim.StandardOutput.ReadLine();
                if (line is null)
                {
                    // Read stderr only now: building the message eagerly would wait for the run to end.
                    Assert.Fail("sim run ended before serving: " + sim.StandardError.ReadToEnd());
                }

                var m = Regex.Match(line!, @"serving ws://127\.0\.0\.1:(\d+)");
                if (m.Success) port = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            // Keep draining the run's output so it can never block on a full pipe.
            _ = sim.StandardOutput.ReadToEndAsync();
            _ = sim.StandardError.ReadToEndAsync();
            var result = Client(port, "foxglove.sdk.v1", count: 2);
            var topics = result.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("topic").GetString()!);
            Assert.Equal(["/command", "/loop_statistics", "/reference", "/state"], topics.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("sensor_msgs/msg/JointState", topics["/state"].GetProperty("schemaName").GetString());
            Assert.All(topics.Values, c => Assert.True(c.GetProperty("received").GetInt32() >= 2));
        }
        finally
        {
            if (!sim.HasExited) sim.Kill(entireProcessTree: true);
        }
    }

    [BagNpmFact]
    public void LaunchFoxglove_ClientSeesTheRigTopicsOfARunningLaunch()
    {
        BagNpm.Install();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "Robotics.Cli.dll"), "launch", "launch/msd_pid.launch.xml", "--foxglove", "0", "--duration", "10" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ROBOTICS_REPO_ROOT"] = RepoPaths.Root;
        using var launch = Process.Start(psi)!;
        try
        {
            int port = 0;
            while (port == 0)
            {
                string? line = launch.StandardError.ReadLine();
                if (line is null)
                {
                    Assert.Fail("launch ended before serving: " + launch.StandardOutput.ReadToEnd());
                }

                var m = Regex.Match(line!, @"foxglove serving ws://127\.0\.0\.1:(\d+)");
                if (m.Success) port = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            _ = launch.StandardOutput.ReadToEndAsync();
            _ = launch.StandardError.ReadToEndAsync();
            var result = Client(port, "foxglove.websocket.v1", count: 2, topics: "/msd/rig/state,/msd/rig/reference,/msd/rig/command");
            var topics = result.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("topic").GetString()!);
            // The launch file puts the rig in namespace msd as node rig: its three topics stream at the loop rate.
            foreach (string topic in new[] { "/msd/rig/state", "/msd/rig/reference", "/msd/rig/command" })
            {
                Assert.True(topics.ContainsKey(topic), $"{topic} not advertised; got {string.Join(", ", topics.Keys)}");
                Assert.True(topics[topic].GetProperty("received").GetInt32() >= 2);
            }
        }
        finally
        {
            if (!launch.HasExited) launch.Kill(entireProcessTree: true);
        }
    }
}
