using System.CommandLine;
using Robotics.Nodes.Tuning;
using Serilog;

namespace Robotics.Cli.Tuning;

/// <summary>
/// <c>robotics tune-eval</c>: the paper's control-adaptability evaluation (centre, refvel, reverse, smooth; three
/// phrasings each) of the tuning adapter on the racing sim; prints a markdown table (docs/results/tune-eval.md).
/// </summary>
public static class TuneEvalCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Also write the markdown table to this file (e.g. docs/results/tune-eval.md)." };
        var backend = new LlmBackendOptions();
        var command = new Command("tune-eval",
            "Control adaptability (RMSE_default - RMSE_tuned)/RMSE_default of the LLM tuning adapter per case (centre, refvel, reverse, smooth) on the racing sim.")
        {
            output,
        };
        backend.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var model = backend.Build(parse, out var server, out string name, out string? error);
            string? file = parse.GetValue(output);
            if (error is null && file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir && !Directory.Exists(dir))
            {
                error = $"--out: the folder {dir} does not exist.";
            }

            if (error is null && model is { IsConfigured: false }) error = "no backend: give --scripted, --llm-endpoint URL --llm-model NAME, or --llm-gguf PATH.";
            if (error is not null || model is null)
            {
                model?.Dispose();
                server?.Dispose();
                Console.Error.WriteLine("robotics tune-eval: " + error);
                return 2;
            }

            using var serverScope = server;
            using var modelScope = model;
            using var logger = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
            var rows = await TuningEvaluation.RunAsync(model, logger, line => Console.Error.WriteLine(line), ct);
            string table = TuningEvaluation.ToMarkdown(rows, name.StartsWith("scripted", StringComparison.Ordinal) ? "scripted (replay server on 127.0.0.1)" : name);
            Console.WriteLine(table);
            if (file is not null) File.WriteAllText(file, table);
            return rows.All(r => r.Adaptability > 0) ? 0 : 1;
        });
        return command;
    }
}
