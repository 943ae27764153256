using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Nodes.Tests.Hosting;

public sealed class HostedServiceTests
{
    [Fact]
    public async Task SimRigNode_AsHostedService_StartsInTheGraph_AndStopsCleanly()
    {
        using var ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        var exe = NodeExecutableCatalog.Default.Find("robotics", "sim_rig_node")!;
        var builder = Host.CreateApplicationBuilder();
        var service = new NodeExecutableHostedService(exe, ["--ros-args", "-r", "__node:=hosted", "-p", "rate_hz:=50.0"],
            new NodeRunContext(ros, TimeProvider.System, new LoggerConfiguration().CreateLogger()));
        builder.Services.AddHostedService(_ => service);
        using var host = builder.Build();
        await host.StartAsync();
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!ros.Nodes.Any(n => n.FullyQualifiedName == "/hosted"))
        {
            Assert.True(DateTime.UtcNow < end, "node /hosted did not appear");
            await Task.Delay(10);
        }

        await host.StopAsync();
        Assert.Equal(0, service.ExitCode);
        Assert.DoesNotContain(ros.Nodes, n => n.FullyQualifiedName == "/hosted");
    }

    [Fact]
    public async Task BadArguments_ExitWithTwo()
    {
        using var ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        var exe = NodeExecutableCatalog.Default.Find("robotics", "sim_rig_node")!;
        var messages = new List<string>();
        var logger = new LoggerConfiguration().WriteTo.Sink(new ListSink(messages)).CreateLogger();
        int code = await exe.RunAsync(["--ros-args", "-p", "plant_type:=warp_drive"], new NodeRunContext(ros, TimeProvider.System, logger), CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Contains(messages, m => m.Contains("plant_type", StringComparison.Ordinal) && m.Contains("mass_spring_damper", StringComparison.Ordinal));
    }

    private sealed class ListSink(List<string> messages) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => messages.Add(logEvent.RenderMessage());
    }
}
