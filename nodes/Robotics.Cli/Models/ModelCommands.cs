using System.CommandLine;
using System.Globalization;
using Robotics.Models.Artifacts;
using Robotics.Models.Export;

namespace Robotics.Cli.Models;

/// <summary>
/// <c>robotics model info|export-c</c>: inspect a model artifact (checking it fully) and generate the C99 code that
/// rig firmware embeds.
/// </summary>
public static class ModelCommands
{
    /// <summary>Creates the <c>model</c> command group.</summary>
    public static Command Create()
    {
        var model = new Command("model", "Inspect learned-model artifacts and export them as C for microcontrollers.");
        model.Subcommands.Add(Info());
        model.Subcommands.Add(ExportC());
        return model;
    }

    private static Command Info()
    {
        var path = new Argument<string>("artifact") { Description = "A .model.json file, e.g. models/artifacts/msd-mlp.model.json." };
        var command = new Command("info", "Load and validate an artifact (hashes, shapes, values) and print what it is and how it was made.") { path };
        command.SetAction(parse => Run(() =>
        {
            var artifact = ModelArtifactReader.Load(parse.GetValue(path)!);
            var m = artifact.Metadata;
            var arch = m.Architecture;
            string shape = m.Family switch
            {
                ModelFamily.Gru or ModelFamily.Lstm => $"{m.Family.ToUpperInvariant()} hidden {arch.RecurrentHiddenSize} + linear head",
                ModelFamily.Ensemble => $"{arch.EnsembleSize} x MLP [{string.Join(", ", arch.HiddenSizes)}] {arch.Activation}",
                ModelFamily.Residual => $"{arch.Nominal!.Plant} + MLP [{string.Join(", ", arch.HiddenSizes)}] {arch.Activation}",
                _ => $"MLP [{string.Join(", ", arch.HiddenSizes)}] {arch.Activation}",
            };
            Console.WriteLine($"{m.Name}: {m.Family}, {shape}, dt {m.DtS.ToString("R", CultureInfo.InvariantCulture)} s, {artifact.Weights.Length} parameters");
            Console.WriteLine($"  state:  {string.Join(", ", m.State.Select(s => $"{s.Name} [{s.Unit}]"))}");
            Console.WriteLine($"  inputs: {string.Join(", ", m.Inputs.Select(s => $"{s.Name} [{s.Unit}]"))}");
            Console.WriteLine($"  data:   {m.Provenance.Dataset}");
            Console.WriteLine($"  seed {m.Provenance.Seed}, dataset sha256 {m.Provenance.DatasetHash}");
            Console.WriteLine($"  trained by {m.Provenance.Trainer}; written by {m.Provenance.CreatedBy}");
            Console.WriteLine($"  sha256 {m.Sha256} (metadata), {m.WeightsSha256} (weights): verified");
            if (m.Validation is { } v)
            {
                for (int i = 0; i < m.State.Count; i++)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  validation {m.State[i].Name}: one-step RMSE {v.OneStepRmse[i]:E3}, {v.HorizonSteps}-step open-loop RMSE {v.OpenLoopRmse[i]:E3}"));
                }
            }
        }));
        return command;
    }

    private static Command ExportC()
    {
        var path = new Argument<string>("artifact") { Description = "A .model.json file." };
        var output = new Option<string>("--output", "-o") { Description = "Directory for <name>.h and <name>.c.", DefaultValueFactory = _ => "." };
        var name = new Option<string?>("--name") { Description = "C identifier prefix (default: the artifact name with '-' as '_')." };
        var int8 = new Option<bool>("--int8") { Description = "Int8 weights with per-row scales and int32 accumulation (see docs/model-artifacts.md)." };
        var command = new Command("export-c", "Generate dependency-free C99 (<name>.h/.c with <name>_step) from an artifact.") { path, output, name, int8 };
        command.SetAction(parse => Run(() =>
        {
            var artifact = ModelArtifactReader.Load(parse.GetValue(path)!);
            string cName = parse.GetValue(name) ?? CExporter.IdentifierFor(artifact.Metadata.Name);
            var precision = parse.GetValue(int8) ? CPrecision.Int8 : CPrecision.Float32;
            string directory = parse.GetValue(output)!;
            var result = CExporter.Write(artifact, directory, cName, precision);
            Console.WriteLine($"wrote {Path.Combine(directory, result.HeaderFileName)} and {Path.Combine(directory, result.SourceFileName)}");
            Console.WriteLine($"  {result.Precision}: {result.ParameterCount} parameters, {result.WeightBytes} bytes of constant data; state {result.StateSize}, input {result.InputSize}");
            if (result.NeedsNominal) Console.WriteLine($"  residual model: the firmware must supply {cName}_nominal(state, input, next_state)");
        }));
        return command;
    }

    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (ModelArtifactException e)
        {
            Console.Error.WriteLine($"robotics model: {e.Message}");
            return 2;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"robotics model: {e.Message}");
            return 2;
        }
    }
}
