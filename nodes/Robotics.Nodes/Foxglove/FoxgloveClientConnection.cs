using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Robotics.Nodes.Foxglove;

/// <summary>One connected Foxglove client: its subscriptions, a bounded outgoing queue and the receive loop.</summary>
internal sealed class FoxgloveClientConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly TcpClient _tcp;
    private readonly Channel<(bool Text, byte[] Data)> _queue;
    private readonly object _gate = new();
    private readonly Dictionary<uint, uint> _subscriptionByChannel = []; // channel id -> subscription id
    private readonly Dictionary<uint, uint> _channelBySubscription = [];

    public FoxgloveClientConnection(WebSocket socket, TcpClient tcp, int queueLength)
    {
        _socket = socket;
        _tcp = tcp;
        _queue = Channel.CreateBounded<(bool, byte[])>(new BoundedChannelOptions(queueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    public bool IsSubscribed(uint channelId)
    {
        lock (_gate) return _subscriptionByChannel.ContainsKey(channelId);
    }

    public void RemoveChannel(uint channelId)
    {
        lock (_gate)
        {
            if (_subscriptionByChannel.Remove(channelId, out uint sub)) _channelBySubscription.Remove(sub);
        }
    }

    public void EnqueueText(byte[] json) => _queue.Writer.TryWrite((true, json));

    public void EnqueueMessage(uint channelId, ReadOnlySpan<byte> payload, long timestampNs)
    {
        uint subscription;
        lock (_gate)
        {
            if (!_subscriptionByChannel.TryGetValue(channelId, out subscription)) return;
        }

        _queue.Writer.TryWrite((false, FoxgloveServer.MessageFrame(subscription, timestampNs, payload)));
    }

    public async Task RunAsync(FoxgloveServer server, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task sender = SendLoopAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(server, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _queue.Writer.TryComplete();
            await linked.CancelAsync().ConfigureAwait(false);
            try
            {
                await sender.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // the connection is going away
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken ct)
    {
        await foreach (var (text, data) in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (_socket.State != WebSocketState.Open) return;
            await _socket.SendAsync(data, text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, ct).ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(FoxgloveServer server, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct).ConfigureAwait(false);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    try
                    {
                        Handle(server, message.GetBuffer().AsSpan(0, (int)message.Length));
                    }
                    catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
                    {
                        Status(2, "malformed request: " + e.Message);
                    }
                }
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // client went away or server stopping
        }
    }

    private void Handle(FoxgloveServer server, ReadOnlySpan<byte> json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            Status(2, "invalid JSON: " + e.Message);
            return;
        }

        string? op = node?["op"]?.GetValue<string>();
        switch (op)
        {
            case "subscribe":
                foreach (var s in node!["subscriptions"]?.AsArray() ?? [])
                {
                    uint id = s!["id"]!.GetValue<uint>(), channel = s["channelId"]!.GetValue<uint>();
                    if (!server.HasChannel(channel))
                    {
                        Status(1, $"subscribe: no channel with id {channel}");
                        continue;
                    }

                    lock (_gate)
                    {
                        if (_subscriptionByChannel.Remove(channel, out uint old)) _channelBySubscription.Remove(old);
                        _subscriptionByChannel[channel] = id;
                        _channelBySubscription[id] = channel;
                    }
                }

                break;
            case "unsubscribe":
                foreach (var s in node!["subscriptionIds"]?.AsArray() ?? [])
                {
                    uint id = s!.GetValue<uint>();
                    lock (_gate)
                    {
                        if (_channelBySubscription.Remove(id, out uint channel)) _subscriptionByChannel.Remove(channel);
                    }
                }

                break;
            default:
                Status(1, $"operation '{op}' is not supported by this server (capabilities: none; it only streams topics)");
                break;
        }
    }

    private void Status(int level, string text) =>
        EnqueueText(Encoding.UTF8.GetBytes(new JsonObject { ["op"] = "status", ["level"] = level, ["message"] = text }.ToJsonString()));

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _socket.Dispose();
        _tcp.Dispose();
    }
}
