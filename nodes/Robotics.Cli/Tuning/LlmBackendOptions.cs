using System.CommandLine;
using Microsoft.Extensions.AI;
using Robotics.Llm.Gguf;
using Robotics.Nodes.Tuning;

namespace Robotics.Cli.Tuning;

/// <summary>The language-model backend options shared by <c>tune</c> and <c>tune-eval</c>.</summary>
public sealed class LlmBackendOptions
{
    /// <summary>--llm-endpoint.</summary>
    public Option<string?> Endpoint { get; } = new("--llm-endpoint") { Description = "OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1 (Ollama) or http://127.0.0.1:8080/v1 (llama.cpp server)." };

    /// <summary>--llm-model.</summary>
    public Option<string> Model { get; } = new("--llm-model") { Description = "Model name served by the endpoint (e.g. qwen2.5:7b-instruct).", DefaultValueFactory = _ => "default" };

    /// <summary>--llm-timeout-s.</summary>
    public Option<double> TimeoutS { get; } = new("--llm-timeout-s") { Description = "Timeout per model call attempt, s (0.1 .. 600).", DefaultValueFactory = _ => 60.0 };

    /// <summary>--scripted.</summary>
    public Option<bool> Scripted { get; } = new("--scripted") { Description = "Use the scripted backend: a real HTTP server on 127.0.0.1 replaying sensible proposals (no model needed)." };

    /// <summary>--llm-gguf.</summary>
    public Option<string?> Gguf { get; } = new("--llm-gguf") { Description = "Run a GGUF model file in this process (LLamaSharp, CPU, greedy with a fixed seed); exclusive with --llm-endpoint and --scripted.", HelpName = "PATH" };

    /// <summary>--llm-gguf-context.</summary>
    public Option<int> GgufContext { get; } = new("--llm-gguf-context") { Description = "Context window in tokens for --llm-gguf (prompt + reply, 16 .. 131072).", DefaultValueFactory = _ => 4096, HelpName = "TOKENS" };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Endpoint);
        command.Options.Add(Model);
        command.Options.Add(TimeoutS);
        command.Options.Add(Scripted);
        command.Options.Add(Gguf);
        command.Options.Add(GgufContext);
    }

    /// <summary>
    /// Builds the model (and the scripted server when asked); null with an error message naming the option on bad input.
    /// </summary>
    public ResilientLanguageModel? Build(ParseResult parse, out ReplayChatServer? server, out string backend, out string? error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        server = null;
        backend = "";
        error = null;
        string? endpoint = parse.GetValue(Endpoint);
        bool scripted = parse.GetValue(Scripted);
        double timeout = parse.GetValue(TimeoutS);
        string? gguf = parse.GetValue(Gguf);
        if ((scripted ? 1 : 0) + (endpoint is null ? 0 : 1) + (gguf is null ? 0 : 1) > 1) error = "give only one of --scripted, --llm-endpoint and --llm-gguf.";
        else if (!(timeout >= 0.1 && timeout <= 600)) error = $"--llm-timeout-s must be in 0.1 .. 600, got {timeout}.";
        else if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _)) error = $"--llm-endpoint '{endpoint}' is not an absolute URL; use e.g. http://127.0.0.1:11434/v1.";
        if (error is not null) return null;
        Uri? uri = endpoint is null ? null : new Uri(endpoint);
        string model = parse.GetValue(Model) ?? "default";
        if (scripted)
        {
            server = new ReplayChatServer(TuningEvaluation.ScriptedResponder);
            uri = server.Endpoint;
            model = "scripted";
        }

        if (gguf is not null) model = Path.GetFileNameWithoutExtension(gguf);
        var options = new LanguageModelOptions { Endpoint = uri, Model = model, AttemptTimeout = TimeSpan.FromSeconds(timeout) };
        IChatClient? client;
        try
        {
            options.Validate();
            client = gguf is null
                ? ResilientLanguageModel.CreateOpenAiCompatible(options)
                : GgufChatClientFactory.Create(gguf, new GgufModelOptions { ContextSize = parse.GetValue(GgufContext), MaxOutputTokens = options.MaxOutputTokens });
        }
        catch (ArgumentException e)
        {
            server?.Dispose();
            server = null;
            error = e.Message;
            return null;
        }

        backend = scripted ? $"scripted (replay server on {uri})"
            : gguf is not null ? $"in-process GGUF {Path.GetFullPath(gguf)} (LLamaSharp, CPU, greedy)"
            : uri is null ? "none" : $"{uri} model {model}";
        return new ResilientLanguageModel(client, options);
    }
}
