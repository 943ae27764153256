namespace Robotics.Nodes.Tuning;

/// <summary>
/// Where the tuning adapter's language model is and how hard to try: an OpenAI-compatible HTTP endpoint (Ollama,
/// llama.cpp server, vLLM), with per-attempt timeout, bounded retries with jitter and a circuit breaker.
/// </summary>
public sealed record LanguageModelOptions
{
    /// <summary>Base URL of the OpenAI-compatible API, e.g. <c>http://127.0.0.1:11434/v1</c> (Ollama) or
    /// <c>http://127.0.0.1:8080/v1</c> (llama.cpp server); null = no model configured.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Model name the server knows, e.g. <c>qwen2.5:7b-instruct</c>.</summary>
    public string Model { get; init; } = "default";

    /// <summary>API key, if the server wants one (local servers usually do not).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Time allowed for one attempt (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a failed attempt (default 2).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Base delay of the exponential backoff, with jitter (default 200 ms).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failed attempts in a row, within <see cref="CircuitSamplingDuration"/>, that open the circuit (default 4).</summary>
    public int CircuitFailureThreshold { get; init; } = 4;

    /// <summary>Window in which failures are counted (default 60 s).</summary>
    public TimeSpan CircuitSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open before one trial call (default 30 s).</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest reply asked for, in tokens (default 400).</summary>
    public int MaxOutputTokens { get; init; } = 400;

    /// <summary>Throws when a setting is out of range; the message names the option and the fix.</summary>
    public void Validate()
    {
        if (Endpoint is not null && Endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--llm-endpoint must be an http(s) URL such as http://127.0.0.1:11434/v1, got '{Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("--llm-model must name the model the server serves.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || MaxRetries < 0 || RetryDelay < TimeSpan.Zero || MaxOutputTokens < 16)
        {
            throw new ArgumentException("language model options: the timeout must be > 0, retries >= 0, the retry delay >= 0 and max output tokens >= 16.");
        }

        if (CircuitFailureThreshold < 2 || CircuitSamplingDuration < TimeSpan.FromMilliseconds(500) || CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ArgumentException("language model options: the circuit needs a failure threshold >= 2 (Polly's minimum throughput) and sampling/break durations >= 0.5 s.");
        }
    }
}
