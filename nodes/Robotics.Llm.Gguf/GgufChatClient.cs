using System.Text;
using LLama;
using Microsoft.Extensions.AI;

namespace Robotics.Llm.Gguf;

/// <summary>
/// LLamaSharp's executor chat client with this project's policy applied to every request: temperature 0, the fixed
/// seed when the request gives none, and the reply bounded by <see cref="GgufModelOptions.MaxOutputTokens"/>. Owns
/// the model weights and frees them on <see cref="Dispose(bool)"/>.
/// </summary>
public sealed class GgufChatClient : DelegatingChatClient
{
    private readonly LLamaWeights weights;
    private readonly GgufModelOptions options;
    private bool disposed;

    /// <summary>Wraps <paramref name="inner"/>, taking ownership of <paramref name="weights"/>.</summary>
    /// <param name="inner">The executor's chat client.</param>
    /// <param name="weights">The loaded weights, disposed with this client.</param>
    /// <param name="options">Seed and reply bound.</param>
    internal GgufChatClient(IChatClient inner, LLamaWeights weights, GgufModelOptions options)
        : base(inner)
    {
        this.weights = weights;
        this.options = options;
    }

    /// <summary>Tokens in the model's vocabulary.</summary>
    public int VocabularySize => weights.Vocab.Count;

    /// <summary>The context length the model was trained with (from its metadata).</summary>
    public int TrainedContextLength => weights.ContextSize;

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var applied = Apply(options);
        CheckFits(list, applied);
        return base.GetResponseAsync(list, applied, cancellationToken);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var applied = Apply(options);
        CheckFits(list, applied);
        return base.GetStreamingResponseAsync(list, applied, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            weights.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Counts the prompt's tokens (message texts plus a margin for the role labels) and throws
    /// <see cref="InvalidOperationException"/> naming the fix when prompt plus reply cannot fit the context; llama.cpp
    /// itself would only say "NoKvSlot".
    /// </summary>
    private void CheckFits(IList<ChatMessage> messages, ChatOptions applied)
    {
        int prompt = 0;
        foreach (var message in messages)
        {
            prompt += weights.Tokenize(message.Text, false, false, Encoding.UTF8).Length + 4;
        }

        int reply = applied.MaxOutputTokens ?? options.MaxOutputTokens;
        if (prompt + reply > options.ContextSize)
        {
            throw new InvalidOperationException(
                $"the prompt is about {prompt} tokens and the reply may take {reply}: more than the context of {options.ContextSize} tokens; raise --llm-gguf-context (GgufModelOptions.ContextSize; the model was trained with {weights.ContextSize}).");
        }
    }

    private ChatOptions Apply(ChatOptions? requested)
    {
        var result = requested?.Clone() ?? new ChatOptions();
        result.Temperature = 0;
        result.Seed ??= options.Seed;
        int asked = result.MaxOutputTokens ?? options.MaxOutputTokens;
        result.MaxOutputTokens = Math.Clamp(asked, 1, options.MaxOutputTokens);
        return result;
    }
}
