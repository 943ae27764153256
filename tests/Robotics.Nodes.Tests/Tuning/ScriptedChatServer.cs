using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Robotics.Nodes.Tests.Tuning;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions protocol (<c>POST /v1/chat/completions</c>) with
/// scripted replies: text, HTTP errors, or delays. It records every request body.
/// </summary>
internal sealed class ScriptedChatServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<Script> scripts = new();
    private readonly CancellationTokenSource stop = new();

    public ScriptedChatServer()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>What to do when the queue is empty.</summary>
    public Script Fallback { get; set; } = Script.Error(500);

    public void Enqueue(params Script[] items)
    {
        foreach (var s in items)
        {
            scripts.Enqueue(s);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
    }

    private async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested || !listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Requests.Enqueue(await reader.ReadToEndAsync());
            var script = scripts.TryDequeue(out var s) ? s : Fallback;
            if (script.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(script.Delay, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = script.Status;
            context.Response.ContentType = "application/json";
            string body = script.Status == 200
                ? JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-test",
                    @object = "chat.completion",
                    created = 0,
                    model = "scripted",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = script.Content }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
                })
                : "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}";
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
        }
    }

    internal sealed record Script(int Status, string Content, TimeSpan Delay)
    {
        public static Script Reply(string content, TimeSpan? delay = null) => new(200, content, delay ?? TimeSpan.Zero);

        public static Script Error(int status) => new(status, "", TimeSpan.Zero);
    }
}
