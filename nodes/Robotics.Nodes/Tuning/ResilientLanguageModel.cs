using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// A language model behind <see cref="IChatClient"/> wrapped in a Polly pipeline (retry with exponential backoff and
/// jitter, a circuit breaker, a timeout per attempt). Calls return a status instead of throwing, at most one is in
/// flight, and a dead or slow model degrades to "no change": the control loop never waits for it.
/// </summary>
public sealed class ResilientLanguageModel : IDisposable
{
    private readonly IChatClient? client;
    private readonly ResiliencePipeline pipeline;
    private readonly SemaphoreSlim gate = new(1, 1);
    private int attempts;

    /// <summary>Wraps <paramref name="client"/> (null = no model configured).</summary>
    /// <param name="client">The chat client, e.g. from <see cref="CreateOpenAiCompatible"/>; disposed with this object.</param>
    /// <param name="options">Timeouts, retries and circuit settings (validated).</param>
    /// <param name="timeProvider">Clock for delays and the circuit (tests may pass a fake one).</param>
    public ResilientLanguageModel(IChatClient? client, LanguageModelOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.client = client;
        Options = options;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (BrokenCircuitException or OperationCanceledException)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = options.CircuitFailureThreshold,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            OnOpened = _ =>
            {
                CircuitOpens++;
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
        pipeline = builder.Build();
    }

    /// <summary>The options.</summary>
    public LanguageModelOptions Options { get; }

    /// <summary>True when a model is configured.</summary>
    public bool IsConfigured => client is not null;

    /// <summary>How many times the circuit has opened.</summary>
    public int CircuitOpens { get; private set; }

    /// <summary>
    /// An <see cref="IChatClient"/> for an OpenAI-compatible endpoint (Ollama, llama.cpp server, vLLM), with the SDK's
    /// own retries switched off (the pipeline does that), or null when no endpoint is given.
    /// </summary>
    /// <param name="options">Endpoint, model and key.</param>
    /// <returns>The client or null.</returns>
    public static IChatClient? CreateOpenAiCompatible(LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null)
        {
            return null;
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(1),
        };
        return new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "not-needed"), clientOptions)
            .GetChatClient(options.Model).AsIChatClient();
    }

    /// <summary>Asks the model; never throws for model or network failures.</summary>
    /// <param name="system">The system message.</param>
    /// <param name="user">The user message.</param>
    /// <param name="cancellationToken">Cancels the call (shutdown).</param>
    /// <returns>The reply or why there is none.</returns>
    public async Task<LanguageModelReply> AskAsync(string system, string user, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return new LanguageModelReply(LanguageModelCallStatus.NotConfigured, "", "no language model is configured (give --llm-endpoint and --llm-model)", 0);
        }

        if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return new LanguageModelReply(LanguageModelCallStatus.Busy, "", "a call is already in flight", 0);
        }

        attempts = 0;
        try
        {
            var messages = new List<ChatMessage> { new(ChatRole.System, system), new(ChatRole.User, user) };
            var chatOptions = new ChatOptions { Temperature = 0, MaxOutputTokens = Options.MaxOutputTokens };
            string text = await pipeline.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    var response = await client.GetResponseAsync(messages, chatOptions, token).ConfigureAwait(false);
                    return response.Text;
                },
                cancellationToken).ConfigureAwait(false);
            return new LanguageModelReply(LanguageModelCallStatus.Ok, text, "", attempts);
        }
        catch (BrokenCircuitException e)
        {
            return new LanguageModelReply(LanguageModelCallStatus.CircuitOpen, "", $"circuit open after repeated failures: {e.Message}", attempts);
        }
        catch (TimeoutRejectedException)
        {
            return new LanguageModelReply(LanguageModelCallStatus.Timeout, "", $"no reply within {Options.AttemptTimeout.TotalSeconds:0.###} s on {attempts} attempt(s)", attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return new LanguageModelReply(LanguageModelCallStatus.Failed, "", $"{e.GetType().Name}: {e.Message}", attempts);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        client?.Dispose();
        gate.Dispose();
    }
}
