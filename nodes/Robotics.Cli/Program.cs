using System.CommandLine;
using Robotics.Cli;
using Robotics.Cli.Benchmarking;
using Robotics.Cli.Simulation;
using Robotics.Cli.Stl;
using Robotics.Cli.Risk;
using Robotics.Cli.Logging;
using Robotics.Cli.Models;
using Robotics.Cli.Ros;
using Robotics.Cli.Testing;
using Robotics.Cli.Training;
using Serilog;
using Spectre.Console;

var logLevel = new Option<string>("--log-level")
{
    Description = $"Log level: {string.Join(", ", LogSetup.Levels)}. Logs go to stderr and logs/robotics-YYYYMMDD.log.",
    DefaultValueFactory = _ => "warning",
    Recursive = true,
};
logLevel.AcceptOnlyFromAmong(LogSetup.Levels);

var root = new RootCommand("robotics: a hardware-in-the-loop control service. Run a command with --help for details.")
{
    logLevel,
    BenchCommand.Create(),
    DemoCommand.Create(),
    ModelCommands.Create(),
    TopicCommands.Create(),
    NodeCommands.Create(),
    Robotics.Cli.Param.ParamCommands.Create(),
    InterfaceCommands.Create(),
    Robotics.Cli.Launch.LaunchCommand.Create(),
    SimCommands.Create(),
    StlCommands.Create(),
    TrainStlCommand.Create(),
    TrainDensityCommand.Create(),
    RiskCommands.Create(),
    TestCommand.Create(),
    TrainCommand.Create(),
    Robotics.Cli.Rig.RigCommands.Create(),
    Robotics.Cli.SerialConsole.ConsoleCommand.Create(),
    Robotics.Cli.Snn.SnnCommands.Create(),
    Robotics.Cli.Bag.BagCommands.Create(), Robotics.Cli.Plot.PlotCommand.Create(),
    Robotics.Cli.Pushing.PushBenchCommand.Create(),
    Robotics.Cli.Tuning.TuneCommand.Create(), Robotics.Cli.Tuning.TuneEvalCommand.Create(),
    Robotics.Cli.Hybrid.HybridCommands.Create(),
    Robotics.Cli.Pushing.SparsityPlotCommand.Create(),
};

if (Console.IsOutputRedirected)
{
    // Plain text for pipes, files and CI logs: no colour codes, no animation, and tables wide enough to read.
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });
    AnsiConsole.Profile.Width = 140;
}

var parse = root.Parse(args);
LogSetup.Configure(parse.GetValue(logLevel) ?? "warning");
try
{
    Log.Debug("robotics {Args}", args);
    int exitCode = parse.Invoke();
    // The parser prints its errors and the help, then returns 1; bad input exits 2, as in every command.
    return parse.Errors.Count > 0 ? 2 : exitCode;
}
finally
{
    Log.CloseAndFlush();
}
