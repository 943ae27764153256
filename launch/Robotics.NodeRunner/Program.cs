using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;
using Serilog;

// `lib/robotics/<exec> [args...] --ros-args ...` runs `dotnet Robotics.NodeRunner.dll <exec> [args...] --ros-args ...`.
// Logs go to stderr (ros2 launch shows them with output="screen" and keeps them in ~/.ros/log otherwise).
Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose,
        outputTemplate: "[{Level:u3}] [{Timestamp:HH:mm:ss.fff}] {Message:lj}{NewLine}{Exception}")
    .CreateLogger();
try
{
    return await NodeRunnerCommand.RunAsync(args, NodeExecutableCatalog.Default, Console.Out, Log.Logger);
}
finally
{
    await Log.CloseAndFlushAsync();
}
