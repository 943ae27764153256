using LLama;
using LLama.Abstractions;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.AI;

namespace Robotics.Llm.Gguf;

/// <summary>
/// Loads a GGUF model in this process with LLamaSharp (llama.cpp, CPU backend) and exposes it as an
/// <see cref="IChatClient"/>, so the tuning adapter's <c>ResilientLanguageModel</c> can use it exactly like an HTTP
/// endpoint. Replies are deterministic: greedy sampling (temperature 0) with a fixed seed, bounded in length.
/// </summary>
public static class GgufChatClientFactory
{
    private static readonly Lock LogGate = new();
    private static bool logRouted;

    /// <summary>
    /// llama.cpp messages at or above this level go to standard error (prefixed <c>llama.cpp:</c>); the rest (the
    /// per-tensor load chatter) is dropped. Read on every message, so it can be changed at any time. Default: Warning.
    /// </summary>
    public static LLamaLogLevel NativeLogLevel { get; set; } = LLamaLogLevel.Warning;

    /// <summary>
    /// Checks the file, loads the weights and returns a chat client that owns them (disposing the client frees them).
    /// Throws <see cref="ArgumentException"/> with a message naming the file and the fix when the file is missing,
    /// not GGUF, truncated, or refused by llama.cpp.
    /// </summary>
    /// <param name="path">Path of the .gguf model.</param>
    /// <param name="options">Context size, reply bound, seed and threads (null = defaults).</param>
    /// <returns>The chat client.</returns>
    public static IChatClient Create(string path, GgufModelOptions? options = null)
    {
        options ??= new GgufModelOptions();
        options.Validate();
        GgufHeader.Read(path);
        string full = Path.GetFullPath(path);
        var parameters = new ModelParams(full)
        {
            ContextSize = (uint)options.ContextSize,
            GpuLayerCount = 0,
            BatchSize = (uint)Math.Min(options.ContextSize, 512),
            UBatchSize = (uint)Math.Min(options.ContextSize, 512),
        };
        if (options.Threads is int threads)
        {
            parameters.Threads = threads;
            parameters.BatchThreads = threads;
        }

        RouteNativeLog();
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (LoadWeightsFailedException e)
        {
            throw new ArgumentException($"llama.cpp could not load GGUF model '{full}' ({e.Message}); check that the file is a complete llama.cpp-compatible model (run llama-cli -m on it for details).", e);
        }

        try
        {
            var executor = new StatelessExecutor(weights, parameters);
            return new GgufChatClient(executor.AsChatClient(), weights, options);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    private static void RouteNativeLog()
    {
        lock (LogGate)
        {
            if (logRouted)
            {
                return;
            }

            logRouted = true;
            NativeLogConfig.llama_log_set((level, message) =>
            {
                if (level is not (LLamaLogLevel.None or LLamaLogLevel.Continue) && level >= NativeLogLevel)
                {
                    Console.Error.Write("llama.cpp: " + message);
                }
            });
        }
    }
}
