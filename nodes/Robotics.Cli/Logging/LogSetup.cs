using Serilog;
using Serilog.Events;

namespace Robotics.Cli.Logging;

/// <summary>Structured logging for the CLI: console (stderr, so stdout stays for results) and a rolling file.</summary>
public static class LogSetup
{
    /// <summary>The accepted <c>--log-level</c> values.</summary>
    public static readonly string[] Levels = ["verbose", "debug", "information", "warning", "error", "fatal"];

    /// <summary>Configures the global Serilog logger. Log files go to <c>logs/robotics-YYYYMMDD.log</c> under the repo root.</summary>
    public static void Configure(string level)
    {
        var minimum = level.ToLowerInvariant() switch
        {
            "verbose" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "information" or "info" => LogEventLevel.Information,
            "warning" or "warn" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" => LogEventLevel.Fatal,
            _ => throw new ArgumentException($"--log-level '{level}' is not one of {string.Join(", ", Levels)}."),
        };

        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.WithProperty("app", "robotics")
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(RepoPaths.Root, "logs", "robotics-.log"), rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .CreateLogger();
    }
}
