using Robotics.Ros.Dds;
using Robotics.Ros.Graph;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Dds;

/// <summary>Two C# participants in one process: delivery, order, depth, type mismatches and the service request header.</summary>
public sealed class DdsTransportTests : IDisposable
{
    private static readonly TimeSpan Timeout = TestDds.Timeout;
    private readonly DdsTransport _a = new(TestDds.Options(TestDds.TransportDomain));
    private readonly DdsTransport _b = new(TestDds.Options(TestDds.TransportDomain));

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [CycloneFact]
    public void Publish_JointStates_ArriveInOrderWithEqualFields()
    {
        MessageTypeSupport type = InteropSamples.Support("jointstate");
        using ITransportReader reader = _b.CreateReader(new EndpointOptions("/cs/joint_states", type, QosProfile.Default));
        using ITransportWriter writer = _a.CreateWriter(new EndpointOptions("/cs/joint_states", type, QosProfile.Default));
        Assert.True(writer.WaitForMatched(1, Timeout));

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(PublishStatus.Ok, writer.Publish(InteropSamples.Create("jointstate", i)));
        }

        List<IRosMessage> received = TestDdsReaders.TakeMany(reader, type, 10, Timeout);
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => InteropSamples.Line(InteropSamples.Create("jointstate", i))),
            received.Select(InteropSamples.Line));
    }

    [CycloneFact]
    public void Publish_WithoutReaders_IsNotMatched()
    {
        using ITransportWriter writer = _a.CreateWriter(new EndpointOptions("/cs/nobody", InteropSamples.Support("twist"), QosProfile.Default));
        Assert.Equal(0, writer.MatchedCount);
        Assert.Equal(PublishStatus.NotMatched, writer.Publish(InteropSamples.Create("twist", 1)));
    }

    [CycloneFact]
    public void TakeSample_CarriesTheWriterGid()
    {
        MessageTypeSupport type = InteropSamples.Support("twist");
        using ITransportReader reader = _b.CreateReader(new EndpointOptions("/cs/gid", type, QosProfile.Default));
        using ITransportWriter writer = _a.CreateWriter(new EndpointOptions("/cs/gid", type, QosProfile.Default));
        Assert.True(writer.WaitForMatched(1, Timeout));
        writer.Publish(InteropSamples.Create("twist", 3));

        Assert.Single(TestDdsReaders.TakeMany(reader, type, 1, Timeout));
        writer.Publish(InteropSamples.Create("twist", 4));
        IRosMessage target = type.CreateMessage();
        DateTime end = DateTime.UtcNow + Timeout;
        SampleInfo info = default;
        while (DateTime.UtcNow < end && !reader.TryTake(target, out info))
        {
            Thread.Sleep(5);
        }

        Assert.Equal(writer.Gid, info.SourceWriter);
    }

    [CycloneFact]
    public void DifferentTypeOnSameTopic_ReportsBothTypeNamesAndHashes()
    {
        var mismatches = new List<TopicTypeMismatch>();
        using var seen = new SemaphoreSlim(0);
        _b.Graph.TypeMismatchDetected += m =>
        {
            lock (mismatches)
            {
                mismatches.Add(m);
            }

            seen.Release();
        };
        MessageTypeSupport stringType = InteropSamples.Support("string");
        MessageTypeSupport twistType = InteropSamples.Support("twist");
        using ITransportWriter writer = _a.CreateWriter(new EndpointOptions("/cs/mismatch", stringType, QosProfile.Default));
        using ITransportReader reader = _b.CreateReader(new EndpointOptions("/cs/mismatch", twistType, QosProfile.Default));

        Assert.True(seen.Wait(Timeout), "no type mismatch reported");
        TopicTypeMismatch m;
        lock (mismatches)
        {
            m = mismatches[0];
        }

        Assert.Equal("/cs/mismatch", m.TopicName);
        Assert.Equal("std_msgs/msg/String", m.WriterType);
        Assert.Equal(stringType.TypeHash, m.WriterTypeHash);
        Assert.Equal("geometry_msgs/msg/Twist", m.ReaderType);
        Assert.Equal(twistType.TypeHash, m.ReaderTypeHash);
        Assert.Equal(writer.Gid, m.Writer);
        Assert.Equal(reader.Gid, m.Reader);
        Assert.Equal(0, reader.MatchedCount);
        Assert.Equal(0, writer.MatchedCount);
    }

    [CycloneFact]
    public void ServiceRequest_HeaderCarriesClientWriterIdAndSequence()
    {
        Assert.True(MessageTypeRegistry.TryGetService("diagnostic_msgs/srv/AddDiagnostics", out ServiceTypeSupport? service));
        const string name = "/cs/add_diagnostics";
        using ITransportWriter requestWriter = _a.CreateWriter(new EndpointOptions(name, service!.WrappedRequest, QosProfile.Services, EndpointKind.ServiceRequest));
        using ITransportReader replyReader = _a.CreateReader(new EndpointOptions(name, service.WrappedResponse, QosProfile.Services, EndpointKind.ServiceReply));
        using ITransportReader requestReader = _b.CreateReader(new EndpointOptions(name, service.WrappedRequest, QosProfile.Services, EndpointKind.ServiceRequest));
        using ITransportWriter replyWriter = _b.CreateWriter(new EndpointOptions(name, service.WrappedResponse, QosProfile.Services, EndpointKind.ServiceReply));
        Assert.True(requestWriter.WaitForMatched(1, Timeout));
        Assert.True(replyWriter.WaitForMatched(1, Timeout));

        var request = (WrappedServiceMessage)service.WrappedRequest.CreateMessage();
        request.SequenceNumber = 7;
        Assert.Equal(PublishStatus.Ok, requestWriter.Publish(request));
        Assert.NotEqual(0UL, request.Guid); // filled with the request writer's instance handle, as rmw_send_request does

        var got = (WrappedServiceMessage)Assert.Single(TestDdsReaders.TakeMany(requestReader, service.WrappedRequest, 1, Timeout));
        Assert.Equal(request.Guid, got.Guid);
        Assert.Equal(7, got.SequenceNumber);

        var reply = (WrappedServiceMessage)service.WrappedResponse.CreateMessage();
        reply.Guid = got.Guid;
        reply.SequenceNumber = got.SequenceNumber;
        Assert.Equal(PublishStatus.Ok, replyWriter.Publish(reply));
        var answer = (WrappedServiceMessage)Assert.Single(TestDdsReaders.TakeMany(replyReader, service.WrappedResponse, 1, Timeout));
        Assert.Equal(request.Guid, answer.Guid);
        Assert.Equal(7, answer.SequenceNumber);
    }
}
