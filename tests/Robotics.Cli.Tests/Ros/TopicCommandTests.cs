using System.CommandLine;
using Robotics.Cli.Ros;
using Robotics.Ros.Dds;
using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.RclInterfaces;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Cli.Tests.Ros;

/// <summary>
/// The ros2cli-like commands, run as separate processes over Cyclone DDS on loopback (domains 221 and 223 are
/// reserved for this class) or with the hidden in-process transport for argument and format checks.
/// </summary>
public sealed class TopicCommandTests
{
    private const int PubEchoDomain = 221;
    private const int GraphDomain = 223;

    [Fact]
    public void PubOnce_AndEchoOnce_InTwoProcessesOverDds_PrintTheYamlDocument()
    {
        using RosCliProcess echo = RosCliProcess.Start(PubEchoDomain, "topic", "echo", "/cli_chatter", "std_msgs/msg/String", "--once", "--timeout", "60");

        // pub --once waits for one matching subscription (the echo) before publishing, as ros2 topic pub does.
        RosCliProcess.Result pub = RosCliProcess.Run(PubEchoDomain, "topic", "pub", "/cli_chatter", "std_msgs/msg/String", "{data: hello dds}", "--once");
        RosCliProcess.Result echoed = echo.WaitForExit();

        Assert.True(pub.ExitCode == 0, pub.ToString());
        Assert.Contains("publishing #1: std_msgs.msg.String(data='hello dds')", pub.StandardOutput, StringComparison.Ordinal);
        Assert.True(echoed.ExitCode == 0, echoed.ToString());
        Assert.Equal("data: hello dds\n---\n", echoed.StandardOutput);
    }

    [Fact]
    public void ListInfoAndNodeInfo_SeeANodeOfAnotherProcess_InRos2cliFormat()
    {
        using var transport = new DdsTransport(new DdsTransportOptions
        {
            DomainId = GraphDomain,
            DiscoveryRange = DiscoveryRange.Localhost,
            CycloneUri = RosCliProcess.LoopbackConfig,
        });
        using var context = new RosContext(transport);
        using var node = new Node(context, "cli_talker", "/cli");
        node.CreatePublisher<Twist>("cmd_vel", QosProfile.Default);
        node.CreateSubscription<RosString>("chatter", _ => { }, QosProfile.SensorData);
        node.CreateService<GetParametersRequest, GetParametersResponse>("~/get_parameters", (_, _) => { });

        RosCliProcess.Result list = RosCliProcess.Run(GraphDomain, "topic", "list", "-t", "--spin-time", "1");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("/cli/cmd_vel [geometry_msgs/msg/Twist]\n", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/cli/chatter [std_msgs/msg/String]\n", list.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("get_parameters", list.StandardOutput, StringComparison.Ordinal); // services are not topics

        RosCliProcess.Result info = RosCliProcess.Run(GraphDomain, "topic", "info", "/cli/cmd_vel", "-v", "--spin-time", "1");
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.StartsWith("Type: geometry_msgs/msg/Twist\n\nPublisher count: 1\n\nNode name: cli_talker\nNode namespace: /cli\nTopic type: geometry_msgs/msg/Twist\n"
            + $"Topic type hash: {Twist.Support.TypeHash}\nEndpoint type: PUBLISHER\n", info.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  Reliability: RELIABLE\n", info.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  Durability: VOLATILE\n", info.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("Subscription count: 0\n\n", info.StandardOutput, StringComparison.Ordinal);

        RosCliProcess.Result nodes = RosCliProcess.Run(GraphDomain, "node", "list", "--spin-time", "1");
        Assert.True(nodes.ExitCode == 0, nodes.ToString());
        Assert.Equal("/cli/cli_talker\n", nodes.StandardOutput); // the CLI's own hidden node is not listed

        RosCliProcess.Result nodeInfo = RosCliProcess.Run(GraphDomain, "node", "info", "/cli/cli_talker", "--spin-time", "1");
        Assert.True(nodeInfo.ExitCode == 0, nodeInfo.ToString());
        Assert.Equal(
            "/cli/cli_talker\n  Subscribers:\n    /cli/chatter: std_msgs/msg/String\n  Publishers:\n    /cli/cmd_vel: geometry_msgs/msg/Twist\n"
            + "  Service Servers:\n    /cli/cli_talker/get_parameters: rcl_interfaces/srv/GetParameters\n  Service Clients:\n\n  Action Servers:\n\n  Action Clients:\n\n",
            nodeInfo.StandardOutput);

        RosCliProcess.Result missing = RosCliProcess.Run(GraphDomain, "node", "info", "/nobody", "--spin-time", "0.5");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Unable to find node '/nobody'", missing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void EchoField_PrintsOnlyThatValue()
    {
        using RosCliProcess echo = RosCliProcess.Start(PubEchoDomain, "topic", "echo", "/cli_twist", "geometry_msgs/msg/Twist", "--once", "--field", "linear.x", "--timeout", "60");
        RosCliProcess.Result pub = RosCliProcess.Run(PubEchoDomain, "topic", "pub", "/cli_twist", "geometry_msgs/msg/Twist", "{linear: {x: 0.5}, angular: {z: -1}}", "--once");
        RosCliProcess.Result echoed = echo.WaitForExit();
        Assert.True(pub.ExitCode == 0, pub.ToString());
        Assert.True(echoed.ExitCode == 0, echoed.ToString());
        Assert.Equal("0.5\n---\n", echoed.StandardOutput);
    }

    [Fact]
    public void EchoWithoutType_DiscoversTheTypeAndAdaptsToALatchedPublisher()
    {
        using var transport = new DdsTransport(new DdsTransportOptions
        {
            DomainId = GraphDomain,
            DiscoveryRange = DiscoveryRange.Localhost,
            CycloneUri = RosCliProcess.LoopbackConfig,
        });
        using var context = new RosContext(transport);
        using var node = new Node(context, "latcher", "/cli");
        Publisher<RosString> pub = node.CreatePublisher<RosString>("latched", QosProfile.TransientLocal(1));
        pub.Publish(new RosString { Data = "published before the echo started" });

        // No type and no QoS given: echo finds std_msgs/msg/String in the graph and, the only publisher being
        // TRANSIENT_LOCAL, subscribes TRANSIENT_LOCAL, so it receives the sample published before it existed.
        RosCliProcess.Result echoed = RosCliProcess.Run(GraphDomain, "topic", "echo", "/cli/latched", "--once", "--timeout", "60");
        Assert.True(echoed.ExitCode == 0, echoed.ToString());
        Assert.Equal("data: published before the echo started\n---\n", echoed.StandardOutput);
    }

    [Fact]
    public void Pub_BadYaml_FailsNamingTheField()
    {
        RosCliProcess.Result r = RosCliProcess.Run(GraphDomain, "topic", "pub", "--transport", "inprocess", "/x", "geometry_msgs/msg/Twist", "{linear: {x: abc}}", "--once");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Failed to populate field: linear.x", r.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Pub_UnknownType_ListsCloseMatches()
    {
        RosCliProcess.Result r = RosCliProcess.Run(GraphDomain, "topic", "pub", "--transport", "inprocess", "/x", "std_msgs/msg/Strng", "{}", "--once");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown message type 'std_msgs/msg/Strng'. Did you mean: std_msgs/msg/String", r.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Pub_Times_PublishesThatManyAndPrintsEach()
    {
        RosCliProcess.Result r = RosCliProcess.Run(GraphDomain, "topic", "pub", "--transport", "inprocess", "/x", "geometry_msgs/msg/Vector3", "{x: 1.5}",
            "--times", "3", "--rate", "100", "-w", "0", "--keep-alive", "0");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(
            "publisher: beginning loop\n"
            + "publishing #1: geometry_msgs.msg.Vector3(x=1.5, y=0.0, z=0.0)\n\n"
            + "publishing #2: geometry_msgs.msg.Vector3(x=1.5, y=0.0, z=0.0)\n\n"
            + "publishing #3: geometry_msgs.msg.Vector3(x=1.5, y=0.0, z=0.0)\n\n",
            r.StandardOutput);
    }

    [Fact]
    public void Echo_WithoutTypeOnAnUnknownTopic_SaysTheTypeCannotBeDetermined()
    {
        RosCliProcess.Result r = RosCliProcess.Run(GraphDomain, "topic", "echo", "--transport", "inprocess", "/nothing_here");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Could not determine the type for the passed topic", r.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void InterfaceShow_Twist_ExpandsNestedTypesWithATab()
    {
        RosCliProcess.Result r = RosCliProcess.Run(GraphDomain, "interface", "show", "geometry_msgs/msg/Twist");
        Assert.True(r.ExitCode == 0, r.ToString());

        // Twist.msg (comment, blank line, two Vector3 fields) with Vector3.msg's fields (comments dropped) under each.
        Assert.Equal(
            "# This expresses velocity in free space broken into its linear and angular parts.\n\n"
            + "Vector3  linear\n\tfloat64 x\n\tfloat64 y\n\tfloat64 z\n"
            + "Vector3  angular\n\tfloat64 x\n\tfloat64 y\n\tfloat64 z\n",
            r.StandardOutput);
    }

    [Fact]
    public void InterfaceShow_UnknownType_ListsCloseMatches()
    {
        RosCliProcess.Result r = RosCliProcess.Run(GraphDomain, "interface", "show", "geometry_msgs/msg/Twst");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Did you mean: geometry_msgs/msg/Twist", r.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRosCommandOptionAndArgument_HasHelpText()
    {
        foreach (Command group in new[] { TopicCommands.Create(), NodeCommands.Create(), InterfaceCommands.Create() })
        {
            Check(group);
        }

        static void Check(Command c)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Description), $"command '{c.Name}' has no description");
            foreach (Option o in c.Options)
            {
                Assert.False(string.IsNullOrWhiteSpace(o.Description), $"option '{o.Name}' of '{c.Name}' has no description");
            }

            foreach (Argument a in c.Arguments)
            {
                Assert.False(string.IsNullOrWhiteSpace(a.Description), $"argument '{a.Name}' of '{c.Name}' has no description");
            }

            foreach (Command sub in c.Subcommands)
            {
                Check(sub);
            }
        }
    }
}
