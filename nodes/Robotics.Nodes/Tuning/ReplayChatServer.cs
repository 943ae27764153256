using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// A real HTTP server on 127.0.0.1 (ephemeral port) speaking the OpenAI chat-completions protocol whose replies come
/// from a function of the request's last user message: the <c>--scripted</c> backend of <c>robotics tune-eval</c> and
/// <c>robotics tune</c>, replaying sensible proposals without a model.
/// </summary>
public sealed class ReplayChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, string> _responder;
    private int _requests;

    /// <summary>Starts the server.</summary>
    /// <param name="responder">Maps the user message to the assistant's reply text.</param>
    public ReplayChatServer(Func<string, string> responder)
    {
        _responder = responder ?? throw new ArgumentNullException(nameof(responder));
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    /// <summary>The base URL to give as <c>--llm-endpoint</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Requests served so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Delay before each reply (simulates a slow model).</summary>
    public TimeSpan Delay { get; set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
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
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync().ConfigureAwait(false);
            string user = "";
            using (var doc = JsonDocument.Parse(body))
            {
                foreach (var m in doc.RootElement.GetProperty("messages").EnumerateArray())
                {
                    if (m.GetProperty("role").GetString() == "user") user = m.GetProperty("content").GetString() ?? "";
                }
            }

            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, _stop.Token).ConfigureAwait(false);
            string reply = _responder(user);
            string json = JsonSerializer.Serialize(new
            {
                id = "chatcmpl-replay",
                @object = "chat.completion",
                created = 0,
                model = "replay",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
            });
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            context.Response.Close();
        }
    }
}
