using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// A service server created by <see cref="Node.CreateService{TRequest, TResponse}(string, Action{TRequest, TResponse}, QosProfile?)"/>.
/// The executor takes each request, runs the handler and sends the response with the request's id.
/// </summary>
/// <remarks>
/// Wire format as rmw_cyclonedds: requests on <c>rq/&lt;name&gt;Request</c> and replies on <c>rr/&lt;name&gt;Reply</c>, each
/// payload preceded by <c>{uint64 client guid; int64 sequence number}</c>. This works with ROS 2 nodes on
/// rmw_cyclonedds_cpp; services do <b>not</b> cross to Fast DDS peers (rmw_fastrtps identifies requests by RTPS sample
/// identity instead), while topics do.
/// </remarks>
/// <typeparam name="TRequest">Generated request type.</typeparam>
/// <typeparam name="TResponse">Generated response type.</typeparam>
public sealed class Service<TRequest, TResponse> : IDisposable, IExecutable
    where TRequest : class, IRosMessageType<TRequest>, new()
    where TResponse : class, IRosMessageType<TResponse>, new()
{
    private readonly Node _node;
    private readonly ITransportReader _requests;
    private readonly ITransportWriter _replies;
    private readonly Action<ServiceRequestId, TRequest, TResponse> _handler;
    private readonly WrappedServiceMessage _request;
    private readonly WrappedServiceMessage _reply;
    private int _disposed;

    internal Service(Node node, string name, ServiceTypeSupport support, ITransportReader requests, ITransportWriter replies,
        Action<ServiceRequestId, TRequest, TResponse> handler)
    {
        _node = node;
        ServiceName = name;
        Support = support;
        _requests = requests;
        _replies = replies;
        _handler = handler;
        _request = (WrappedServiceMessage)support.WrappedRequest.CreateMessage();
        _reply = (WrappedServiceMessage)support.WrappedResponse.CreateMessage();
    }

    /// <summary>Fully qualified service name.</summary>
    public string ServiceName { get; }

    /// <summary>The service type.</summary>
    public ServiceTypeSupport Support { get; }

    /// <summary>Requests handled so far.</summary>
    public long HandledCount { get; private set; }

    /// <summary>Responses the transport refused to send.</summary>
    public long FailedReplies { get; private set; }

    long IExecutable.NextDue => long.MaxValue;

    /// <summary>Deletes the service.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Gid r = _requests.Gid;
        Gid w = _replies.Gid;
        _requests.DataAvailable -= _node.RaiseWorkAvailable;
        _requests.Dispose();
        _replies.Dispose();
        _node.Untrack(this, r, default);
        _node.Untrack(this, default, w);
    }

    int IExecutable.Execute(int max)
    {
        int n = 0;
        while (n < max && Volatile.Read(ref _disposed) == 0)
        {
            var request = new TRequest();
            _request.Payload = request;
            if (!_requests.TryTake(_request, out _))
            {
                break;
            }

            n++;
            var response = new TResponse();
            _handler(new ServiceRequestId(_request.Guid, _request.SequenceNumber), request, response);
            _reply.Guid = _request.Guid;
            _reply.SequenceNumber = _request.SequenceNumber;
            _reply.Payload = response;
            if (_replies.Publish(_reply) == PublishStatus.Error)
            {
                FailedReplies++;
            }

            HandledCount++;
        }

        return n;
    }
}
