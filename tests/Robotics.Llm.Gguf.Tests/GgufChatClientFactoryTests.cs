using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace Robotics.Llm.Gguf.Tests;

public sealed class GgufChatClientFactoryTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("gguf-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Create_MissingFile_NamesFileAndFix()
    {
        string path = Path.Combine(dir, "nope.gguf");
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("--llm-gguf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Directory_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(dir));
        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NotGguf_SaysSoWithFirstBytes()
    {
        string path = Path.Combine(dir, "model.safetensors");
        File.WriteAllText(path, "{\"not\": \"gguf\"}");
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("is not a GGUF file", e.Message, StringComparison.Ordinal);
        Assert.Contains("7B226E6F", e.Message, StringComparison.Ordinal); // hex of '{"no'
        Assert.Contains("convert_hf_to_gguf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyFile_IsNotGguf()
    {
        string path = Path.Combine(dir, "empty.gguf");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(path));
        Assert.Contains("is not a GGUF file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TruncatedHeader_SaysTruncated()
    {
        string path = Path.Combine(dir, "cut.gguf");
        File.WriteAllBytes(path, [(byte)'G', (byte)'G', (byte)'U', (byte)'F', 3, 0, 0, 0, 1, 0]);
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated: 10 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("fetch the file again", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WrongVersion_NamesVersion()
    {
        string path = Path.Combine(dir, "v9.gguf");
        var bytes = new byte[24];
        "GGUF"u8.CopyTo(bytes);
        bytes[4] = 9;
        bytes[8] = 1;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(path));
        Assert.Contains("format version 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadOptions_NamesSetting()
    {
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(Path.Combine(dir, "x.gguf"), new GgufModelOptions { MaxOutputTokens = 0 }));
        Assert.Contains("max output tokens", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_TinyModel_ReadsCounts()
    {
        string path = Path.Combine(dir, "tiny.gguf");
        TinyGgufWriter.Write(path, seed: 7);
        var header = GgufHeader.Read(path);
        Assert.Equal(3u, header.Version);
        Assert.Equal(12ul, header.TensorCount); // 3 model-level + 9 in block 0, as written
        Assert.Equal(19ul, header.MetadataCount);
    }

    [Fact]
    public async Task Create_TinyModel_LoadsAndRepliesDeterministically()
    {
        string path = Path.Combine(dir, "tiny.gguf");
        TinyGgufWriter.Write(path, seed: 7);
        var options = new GgufModelOptions { ContextSize = 64, MaxOutputTokens = 6, Seed = 1, Threads = 1 };
        ChatMessage[] messages = [new(ChatRole.System, "tune"), new(ChatRole.User, "go")];
        string first;
        using (var client = GgufChatClientFactory.Create(path, options))
        {
            var gguf = Assert.IsType<GgufChatClient>(client);
            Assert.Equal(TinyGgufWriter.VocabularySize, gguf.VocabularySize);
            Assert.Equal(TinyGgufWriter.Context, gguf.TrainedContextLength);
            first = (await client.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 400 })).Text;
            string again = (await client.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 400 })).Text;
            Assert.Equal(first, again);
        }

        using (var reloaded = GgufChatClientFactory.Create(path, options))
        {
            Assert.Equal(first, (await reloaded.GetResponseAsync(messages)).Text);
        }

        output.WriteLine($"tiny model reply: '{first}' ({first.Length} chars)");
        Assert.False(string.IsNullOrEmpty(first));
        // At most 6 tokens (the bound, not the 400 asked for); the longest token is "▁robot" = " robot" (6 chars),
        // a byte token decodes to at most one char (or U+FFFD) each.
        Assert.True(first.Length <= 6 * 6, $"reply '{first}' longer than 6 tokens allow");
    }

    [Fact]
    public void Create_GgufWithMissingTensorData_LlamaCppRefusalNamesFile()
    {
        string path = Path.Combine(dir, "half.gguf");
        TinyGgufWriter.Write(path, seed: 7);
        byte[] all = File.ReadAllBytes(path);
        File.WriteAllBytes(path, all[..(all.Length / 2)]);
        var e = Assert.Throws<ArgumentException>(() => GgufChatClientFactory.Create(path, new GgufModelOptions { ContextSize = 64, Threads = 1 }));
        Assert.Contains("llama.cpp could not load GGUF model", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_PromptLongerThanContext_SaysRaiseContext()
    {
        string path = Path.Combine(dir, "tiny.gguf");
        TinyGgufWriter.Write(path, seed: 7);
        using var client = GgufChatClientFactory.Create(path, new GgufModelOptions { ContextSize = 64, MaxOutputTokens = 8, Threads = 1 });
        // 100 'x' characters: no normal token matches 'x', so each is one byte token (100 > 64 - 8).
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, new string('x', 100))]));
        Assert.Contains("raise --llm-gguf-context", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_ThenAsk_Throws()
    {
        string path = Path.Combine(dir, "tiny.gguf");
        TinyGgufWriter.Write(path, seed: 7);
        var client = GgufChatClientFactory.Create(path, new GgufModelOptions { ContextSize = 64, MaxOutputTokens = 4, Threads = 1 });
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "go")]));
    }
}
