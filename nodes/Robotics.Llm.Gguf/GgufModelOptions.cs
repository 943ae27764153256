namespace Robotics.Llm.Gguf;

/// <summary>
/// How an in-process GGUF model is run: context size, reply bound, sampling seed and CPU threads. Sampling is greedy
/// (temperature 0) with a fixed seed, so the same prompt gives the same reply.
/// </summary>
public sealed record GgufModelOptions
{
    /// <summary>Context window in tokens (prompt + reply); default 4096, range 16 .. 131072.</summary>
    public int ContextSize { get; init; } = 4096;

    /// <summary>Upper bound on the reply length in tokens; a request asking for more is cut to this (default 400, range 1 .. 8192).</summary>
    public int MaxOutputTokens { get; init; } = 400;

    /// <summary>Sampling seed used when a request gives none (default 42).</summary>
    public uint Seed { get; init; } = 42;

    /// <summary>CPU threads for inference; null = llama.cpp's default. Range 1 .. 256.</summary>
    public int? Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting, its value, the range and the fix.</summary>
    public void Validate()
    {
        if (ContextSize is < 16 or > 131072)
        {
            throw new ArgumentException($"GGUF context size must be in 16 .. 131072 tokens, got {ContextSize}; pass a value in range.");
        }

        if (MaxOutputTokens is < 1 or > 8192)
        {
            throw new ArgumentException($"GGUF max output tokens must be in 1 .. 8192, got {MaxOutputTokens}; pass a value in range.");
        }

        if (Threads is < 1 or > 256)
        {
            throw new ArgumentException($"GGUF threads must be in 1 .. 256 (or unset), got {Threads}; pass a value in range.");
        }
    }
}
