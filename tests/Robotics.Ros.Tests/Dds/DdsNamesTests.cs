using Robotics.Ros.Dds;

namespace Robotics.Ros.Tests.Dds;

// Expected names follow make_fqtopic() and demangle.cpp of rmw_cyclonedds (jazzy).
public class DdsNamesTests
{
    [Theory]
    [InlineData("/chatter", "rt/chatter")]
    [InlineData("/ns/cmd_vel", "rt/ns/cmd_vel")]
    public void Topic_AddsRtPrefix(string ros, string dds) => Assert.Equal(dds, DdsNames.Topic(ros));

    [Fact]
    public void Service_RequestAndReplyTopics()
    {
        Assert.Equal("rq/add_two_intsRequest", DdsNames.Request("/add_two_ints"));
        Assert.Equal("rr/ns/svcReply", DdsNames.Reply("/ns/svc"));
    }

    [Theory]
    [InlineData("rt/ns/chatter", "/ns/chatter", DdsTopicKind.Topic)]
    [InlineData("rq/add_two_intsRequest", "/add_two_ints", DdsTopicKind.Request)]
    [InlineData("rr/ns/svcReply", "/ns/svc", DdsTopicKind.Reply)]
    public void TryDemangleTopic_RosNames(string dds, string ros, DdsTopicKind kind)
    {
        Assert.True(DdsNames.TryDemangleTopic(dds, out string name, out DdsTopicKind k));
        Assert.Equal(ros, name);
        Assert.Equal(kind, k);
    }

    [Theory]
    [InlineData("ros_discovery_info")]
    [InlineData("rtx/chatter")]
    [InlineData("DCPSParticipant")]
    public void TryDemangleTopic_NonRosNames_ReturnedUnchanged(string dds)
    {
        Assert.False(DdsNames.TryDemangleTopic(dds, out string name, out DdsTopicKind kind));
        Assert.Equal(dds, name);
        Assert.Equal(DdsTopicKind.Other, kind);
    }

    [Theory]
    [InlineData("std_msgs/msg/String", "std_msgs::msg::dds_::String_")]
    [InlineData("example_interfaces/srv/AddTwoInts_Request", "example_interfaces::srv::dds_::AddTwoInts_Request_")]
    public void DdsType_AndBack(string ros, string dds)
    {
        Assert.Equal(dds, DdsNames.DdsType(ros));
        Assert.Equal(ros, DdsNames.RosType(dds));
    }

    [Theory]
    [InlineData("org::eclipse::cyclonedds::builtin::DCPSParticipant")]
    [InlineData("std_msgs::msg::String")]
    public void RosType_NotARosType_Unchanged(string dds) => Assert.Equal(dds, DdsNames.RosType(dds));
}
