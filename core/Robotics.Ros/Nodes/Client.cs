using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// A service client created by <see cref="Node.CreateClient{TRequest, TResponse}(string, QosProfile?)"/>. Each request
/// gets the next sequence number (from 1) and the client's writer id, as rmw_cyclonedds does; responses are matched
/// by both and complete the <see cref="CallAsync(TRequest, TimeSpan, CancellationToken)"/> task from the transport's
/// thread (no executor needed on the client side).
/// </summary>
/// <remarks>Services interoperate with rmw_cyclonedds_cpp nodes only, not with Fast DDS peers (see <see cref="Service{TRequest, TResponse}"/>).</remarks>
/// <typeparam name="TRequest">Generated request type.</typeparam>
/// <typeparam name="TResponse">Generated response type.</typeparam>
public sealed class Client<TRequest, TResponse> : IDisposable
    where TRequest : class, IRosMessageType<TRequest>, new()
    where TResponse : class, IRosMessageType<TResponse>, new()
{
    private readonly Node _node;
    private readonly ITransportWriter _requests;
    private readonly ITransportReader _replies;
    private readonly ServiceTypeSupport _support;
    private readonly object _gate = new();
    private readonly Dictionary<long, TaskCompletionSource<TResponse>> _pending = [];
    private readonly WrappedServiceMessage _reply;
    private long _sequence;
    private ulong _clientGuid;
    private int _disposed;

    internal Client(Node node, string name, ServiceTypeSupport support, ITransportWriter requests, ITransportReader replies)
    {
        _node = node;
        ServiceName = name;
        _support = support;
        _requests = requests;
        _replies = replies;
        _reply = (WrappedServiceMessage)support.WrappedResponse.CreateMessage();
        _replies.DataAvailable += OnReplies;
    }

    /// <summary>Fully qualified service name.</summary>
    public string ServiceName { get; }

    /// <summary>The service type.</summary>
    public ServiceTypeSupport Support => _support;

    /// <summary>True when a service is matched on both the request and the reply topic (rclcpp <c>service_is_ready</c>).</summary>
    public bool IsServiceReady => _requests.MatchedCount > 0 && _replies.MatchedCount > 0;

    /// <summary>Requests sent and not yet answered.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The client id in request headers (known after the first request; 0 before).</summary>
    public ulong ClientGuid
    {
        get
        {
            lock (_gate)
            {
                return _clientGuid;
            }
        }
    }

    /// <summary>Waits until <see cref="IsServiceReady"/>; false on timeout.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Whether the service is ready.</returns>
    public bool WaitForService(TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
        if (!_requests.WaitForMatched(1, timeout))
        {
            return false;
        }

        while (_replies.MatchedCount == 0)
        {
            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }

            Task.Delay(5).Wait();
        }

        return true;
    }

    /// <summary>Sends a request; the task completes with the response, or fails after <paramref name="timeout"/> (wall time).</summary>
    /// <param name="request">The request (serialized before the call returns).</param>
    /// <param name="timeout">How long to wait for the response.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response.</returns>
    /// <exception cref="TimeoutException">No response within the timeout (the message names the service and whether it was matched).</exception>
    /// <exception cref="InvalidOperationException">The transport refused the request.</exception>
    public async Task<TResponse> CallAsync(TRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (long seq, Task<TResponse> task) = Send(request);
        try
        {
            return await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Forget(seq);
            throw new TimeoutException(
                $"Service '{ServiceName}' ({_support.RosTypeName}) did not answer request {seq} within {timeout.TotalSeconds:0.###} s; "
                + (IsServiceReady ? "a server is matched but did not reply (is its executor spinning?)." : "no server is matched (check the name with 'robotics service list' / 'ros2 service list'; services do not cross to Fast DDS peers)."));
        }
        catch (OperationCanceledException)
        {
            Forget(seq);
            throw;
        }
    }

    /// <summary>Sends a request and waits without a timeout (until answered or canceled).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response.</returns>
    public Task<TResponse> CallAsync(TRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(request, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Deletes the client; pending calls fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Gid r = _replies.Gid;
        Gid w = _requests.Gid;
        _replies.DataAvailable -= OnReplies;
        _replies.Dispose();
        _requests.Dispose();
        TaskCompletionSource<TResponse>[] pending;
        lock (_gate)
        {
            pending = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (TaskCompletionSource<TResponse> t in pending)
        {
            t.TrySetException(new ObjectDisposedException(ServiceName, "The client was disposed before the response arrived."));
        }

        _node.Untrack(this, r, default);
        _node.Untrack(this, default, w);
    }

    private (long Sequence, Task<TResponse> Task) Send(TRequest request)
    {
        var tcs = new TaskCompletionSource<TResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wrapped = (WrappedServiceMessage)_support.WrappedRequest.CreateMessage();
        wrapped.Payload = request;
        long seq;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            seq = ++_sequence;
            wrapped.SequenceNumber = seq;
            wrapped.Guid = 0; // the transport fills in the writer id (rmw_cyclonedds: the writer's instance handle)
            _pending[seq] = tcs;

            // Under the lock, so a reply (possibly on another thread) is matched only once the client id is known.
            PublishStatus status = _requests.Publish(wrapped);
            if (status == PublishStatus.Error)
            {
                _pending.Remove(seq);
                throw new InvalidOperationException($"Service '{ServiceName}': the transport refused request {seq} (a bound or array length in the request is violated, or the client is closed).");
            }

            _clientGuid = wrapped.Guid;
        }

        return (seq, tcs.Task);
    }

    private void Forget(long seq)
    {
        lock (_gate)
        {
            _pending.Remove(seq);
        }
    }

    private void OnReplies()
    {
        lock (_gate)
        {
            while (_disposed == 0)
            {
                var response = new TResponse();
                _reply.Payload = response;
                if (!_replies.TryTake(_reply, out _))
                {
                    break;
                }

                // Replies to other clients of the same service share the topic: keep only ours.
                if (_reply.Guid == _clientGuid && _pending.Remove(_reply.SequenceNumber, out TaskCompletionSource<TResponse>? tcs))
                {
                    tcs.TrySetResult(response);
                }
            }
        }
    }
}
