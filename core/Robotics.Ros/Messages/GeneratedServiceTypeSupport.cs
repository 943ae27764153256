namespace Robotics.Ros.Messages;

/// <summary>Service type support built by generated code.</summary>
internal sealed class GeneratedServiceTypeSupport : ServiceTypeSupport
{
    public GeneratedServiceTypeSupport(string rosTypeName, string typeHash, MessageTypeSupport request, MessageTypeSupport response,
        DdsTopicDescriptor wrappedRequest, DdsTopicDescriptor wrappedResponse)
    {
        RosTypeName = rosTypeName;
        TypeHash = typeHash;
        Request = request;
        Response = response;
        WrappedRequest = new WrappedTypeSupport(request, wrappedRequest);
        WrappedResponse = new WrappedTypeSupport(response, wrappedResponse);
    }

    public override string RosTypeName { get; }

    public override string TypeHash { get; }

    public override MessageTypeSupport Request { get; }

    public override MessageTypeSupport Response { get; }

    public override MessageTypeSupport WrappedRequest { get; }

    public override MessageTypeSupport WrappedResponse { get; }
}
