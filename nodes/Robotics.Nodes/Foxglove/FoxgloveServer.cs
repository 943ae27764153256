using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Robotics.Ros.Messages;
using Robotics.Ros.Recording;

namespace Robotics.Nodes.Foxglove;

/// <summary>
/// A Foxglove WebSocket protocol (v1) server on 127.0.0.1, so Foxglove or Lichtblick can watch a running simulation or
/// launch: accepts the subprotocols <c>foxglove.sdk.v1</c> (Foxglove SDK, foxglove_bridge 3.x) and
/// <c>foxglove.websocket.v1</c> (ws-protocol clients, Lichtblick) and answers 400 otherwise; sends <c>serverInfo</c> and
/// <c>advertise</c> (channels with <c>encoding: cdr</c>, <c>schemaEncoding: ros2msg</c>, the concatenated .msg schema)
/// on connect; handles <c>subscribe</c>/<c>unsubscribe</c>; sends binary Message Data frames
/// (<c>0x01 | u32 subscription id | u64 timestamp ns | CDR payload</c>) to subscribers.
/// </summary>
/// <remarks>
/// BCL only (TcpListener + the HTTP upgrade by hand + <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>).
/// <see cref="Publish(FoxgloveChannel, ReadOnlySpan{byte}, long)"/> never blocks: each client has a bounded queue and a
/// sender task; when a client falls behind, its oldest frames are dropped. Thread-safe.
/// </remarks>
public sealed class FoxgloveServer : IDisposable
{
    /// <summary>The subprotocols accepted, in order of preference.</summary>
    public static IReadOnlyList<string> Subprotocols { get; } = ["foxglove.sdk.v1", "foxglove.websocket.v1"];

    private readonly FoxgloveServerOptions _options;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<uint, FoxgloveChannel> _channels = new();
    private readonly ConcurrentDictionary<int, FoxgloveClientConnection> _clients = new();
    private readonly string _sessionId;
    private Task? _acceptLoop;
    private int _nextClient;
    private int _nextChannel;
    private bool _disposed;

    /// <summary>Creates the server (not yet listening; call <see cref="Start"/>).</summary>
    /// <param name="options">Port, name, queue length; null for defaults (port 8765).</param>
    public FoxgloveServer(FoxgloveServerOptions? options = null)
    {
        _options = options ?? new FoxgloveServerOptions();
        if (_options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Foxglove port {_options.Port} is outside 0..65535; use e.g. {FoxgloveServerOptions.DefaultPort} (0 picks a free port).", nameof(options));
        }

        if (_options.ClientQueueLength < 1)
        {
            throw new ArgumentException($"ClientQueueLength = {_options.ClientQueueLength} must be at least 1 (default 1024).", nameof(options));
        }

        _listener = new TcpListener(IPAddress.Loopback, _options.Port);
        _sessionId = "robotics-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The port listened on (after <see cref="Start"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The URL clients connect to.</summary>
    public string Url => "ws://127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Connected clients.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>Channels advertised.</summary>
    public IReadOnlyList<FoxgloveChannel> Channels => _channels.Values.OrderBy(c => c.Id).ToArray();

    /// <summary>Starts listening on 127.0.0.1.</summary>
    /// <exception cref="SocketException">The port is in use (the message names it).</exception>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException($"Foxglove server: port {_options.Port} on 127.0.0.1 is already in use; pick another with --foxglove PORT (or 0 for any free port).", e);
        }

        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Adds a channel and advertises it to connected clients.</summary>
    /// <param name="topic">Topic name.</param>
    /// <param name="type">Message type.</param>
    /// <returns>The channel.</returns>
    public FoxgloveChannel AddChannel(string topic, MessageTypeSupport type)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(type);
        var channel = new FoxgloveChannel((uint)Interlocked.Increment(ref _nextChannel), topic, type, Ros2MessageDefinitionText.For(type));
        _channels[channel.Id] = channel;
        byte[] advertise = Advertise([channel]);
        foreach (var c in _clients.Values) c.EnqueueText(advertise);
        return channel;
    }

    /// <summary>Removes a channel and sends <c>unadvertise</c>.</summary>
    /// <param name="channel">A channel of this server.</param>
    public void RemoveChannel(FoxgloveChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!_channels.TryRemove(channel.Id, out _)) return;
        var json = new JsonObject { ["op"] = "unadvertise", ["channelIds"] = new JsonArray(channel.Id) };
        byte[] text = Encoding.UTF8.GetBytes(json.ToJsonString());
        foreach (var c in _clients.Values)
        {
            c.RemoveChannel(channel.Id);
            c.EnqueueText(text);
        }
    }

    /// <summary>True when at least one client subscribed to <paramref name="channel"/> (skip serializing otherwise).</summary>
    /// <param name="channel">A channel of this server.</param>
    /// <returns>Whether anyone listens.</returns>
    public bool HasSubscribers(FoxgloveChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        foreach (var c in _clients.Values)
        {
            if (c.IsSubscribed(channel.Id)) return true;
        }

        return false;
    }

    /// <summary>Sends a serialized (CDR) message to every client subscribed to <paramref name="channel"/>.</summary>
    /// <param name="channel">A channel of this server.</param>
    /// <param name="cdr">The CDR bytes, encapsulation header included.</param>
    /// <param name="timestampNs">Log/receive time, ns.</param>
    public void Publish(FoxgloveChannel channel, ReadOnlySpan<byte> cdr, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(channel);
        foreach (var c in _clients.Values) c.EnqueueMessage(channel.Id, cdr, timestampNs);
    }

    /// <summary>Serializes <paramref name="message"/> and sends it (only when someone subscribed).</summary>
    /// <param name="channel">A channel of this server.</param>
    /// <param name="message">A message of the channel's type.</param>
    /// <param name="timestampNs">Log/receive time, ns.</param>
    public void Publish(FoxgloveChannel channel, IRosMessage message, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        if (!HasSubscribers(channel)) return;
        Publish(channel, channel.Type.Serialize(message), timestampNs);
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        _listener.Stop();
        foreach (var c in _clients.Values) c.Dispose();
        try
        {
            _acceptLoop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // the loop ends with the listener; nothing to report on shutdown
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(tcp));
        }
    }

    private async Task HandleAsync(TcpClient tcp)
    {
        tcp.NoDelay = true;
        NetworkStream stream = tcp.GetStream();
        string? subprotocol;
        try
        {
            subprotocol = await HandshakeAsync(stream, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            tcp.Dispose();
            return;
        }

        if (subprotocol is null)
        {
            tcp.Dispose();
            return;
        }

        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = true,
            SubProtocol = subprotocol,
            KeepAliveInterval = TimeSpan.FromSeconds(20),
        });
        int id = Interlocked.Increment(ref _nextClient);
        using var client = new FoxgloveClientConnection(socket, tcp, _options.ClientQueueLength);
        _clients[id] = client;
        try
        {
            var info = new JsonObject
            {
                ["op"] = "serverInfo",
                ["name"] = _options.Name,
                ["capabilities"] = new JsonArray(),
                ["supportedEncodings"] = new JsonArray(),
                ["metadata"] = new JsonObject(),
                ["sessionId"] = _sessionId,
            };
            client.EnqueueText(Encoding.UTF8.GetBytes(info.ToJsonString()));
            client.EnqueueText(Advertise(Channels));
            await client.RunAsync(this, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    internal bool HasChannel(uint id) => _channels.ContainsKey(id);

    private static byte[] Advertise(IEnumerable<FoxgloveChannel> channels)
    {
        var list = new JsonArray();
        foreach (var c in channels)
        {
            list.Add(new JsonObject
            {
                ["id"] = c.Id,
                ["topic"] = c.Topic,
                ["encoding"] = "cdr",
                ["schemaName"] = c.Type.RosTypeName,
                ["schema"] = c.Schema,
                ["schemaEncoding"] = "ros2msg",
            });
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["op"] = "advertise", ["channels"] = list }.ToJsonString());
    }

    /// <summary>Reads the HTTP upgrade request and answers 101 (returns the chosen subprotocol) or 400/426 (returns null).</summary>
    private static async Task<string?> HandshakeAsync(NetworkStream stream, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[8192];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length) return await Reject(stream, "431 Request Header Fields Too Large", "request headers exceed 8 KiB", ct).ConfigureAwait(false);
            int n = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false);
            if (n == 0) return null;
            length += n;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0) break;
        }

        string[] lines = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            string name = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out string? existing) ? existing + ", " + value : value;
        }

        if (!lines[0].StartsWith("GET ", StringComparison.Ordinal)
            || !headers.TryGetValue("Upgrade", out string? upgrade) || !upgrade.Contains("websocket", StringComparison.OrdinalIgnoreCase)
            || !headers.TryGetValue("Sec-WebSocket-Key", out string? key))
        {
            return await Reject(stream, "426 Upgrade Required", "this is a Foxglove WebSocket server: connect with a WebSocket client (subprotocol foxglove.sdk.v1 or foxglove.websocket.v1)", ct).ConfigureAwait(false);
        }

        string[] offered = headers.TryGetValue("Sec-WebSocket-Protocol", out string? protocols)
            ? protocols.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        string? chosen = offered.FirstOrDefault(p => Subprotocols.Contains(p, StringComparer.Ordinal));
        if (chosen is null)
        {
            return await Reject(stream, "400 Bad Request", $"unsupported WebSocket subprotocol ({(offered.Length == 0 ? "none offered" : string.Join(", ", offered))}); offer foxglove.sdk.v1 or foxglove.websocket.v1", ct).ConfigureAwait(false);
        }

        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {chosen}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), ct).ConfigureAwait(false);
        return chosen;
    }

    private static async Task<string?> Reject(NetworkStream stream, string status, string reason, CancellationToken ct)
    {
        byte[] body = Encoding.UTF8.GetBytes(reason + "\n");
        string head = $"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct).ConfigureAwait(false);
        await stream.WriteAsync(body, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>Builds a Message Data frame.</summary>
    internal static byte[] MessageFrame(uint subscriptionId, long timestampNs, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[13 + payload.Length];
        frame[0] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(1), subscriptionId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(5), (ulong)timestampNs);
        payload.CopyTo(frame.AsSpan(13));
        return frame;
    }
}
