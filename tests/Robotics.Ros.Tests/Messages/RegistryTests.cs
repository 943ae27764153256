using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages;

public sealed class RegistryTests
{
    [Theory]
    [InlineData("std_msgs/msg/String")]
    [InlineData("std_msgs/String")]
    [InlineData("std_msgs::msg::dds_::String_")]
    public void TryGet_AcceptsRosLongShortAndDdsNames(string name)
    {
        Assert.True(MessageTypeRegistry.TryGet(name, out MessageTypeSupport? s));
        Assert.Same(Robotics.Ros.Interfaces.StdMsgs.String.Support, s);
        Assert.Equal("std_msgs::msg::dds_::String_", s.DdsTypeName);
        Assert.Equal(typeof(Robotics.Ros.Interfaces.StdMsgs.String), s.MessageType);
    }

    [Fact]
    public void Services_AreRegistered_WithRequestAndResponse()
    {
        Assert.True(MessageTypeRegistry.TryGetService("rcl_interfaces/srv/GetParameters", out ServiceTypeSupport? svc));
        Assert.Equal("rcl_interfaces::srv::dds_::GetParameters_Request_", svc.Request.DdsTypeName);
        Assert.Equal("rcl_interfaces::srv::dds_::GetParameters_Response_", svc.Response.DdsTypeName);
        Assert.Equal("rcl_interfaces/srv/GetParameters_Request", svc.Request.RosTypeName);
        Assert.True(MessageTypeRegistry.TryGet("rcl_interfaces/srv/GetParameters_Request", out _));
        Assert.StartsWith("RIHS01_", svc.TypeHash, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownType_GetThrowsWithAHint()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => MessageTypeRegistry.Get("nope_msgs/msg/X"));
        Assert.Contains("std_msgs/msg/String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_ListsFieldsConstantsAndText()
    {
        MessageDefinition d = Robotics.Ros.Interfaces.LifecycleMsgs.State.Support.Definition;
        Assert.Equal(["id", "label"], d.Fields.Select(f => f.Name));
        Assert.Contains(d.Constants, c => c.Name == "PRIMARY_STATE_ACTIVE" && (byte)c.Value == 3);
        Assert.Equal(3, Robotics.Ros.Interfaces.LifecycleMsgs.State.PRIMARY_STATE_ACTIVE);
        Assert.Contains("uint8 PRIMARY_STATE_ACTIVE", d.Text, StringComparison.Ordinal);
        FieldDefinition cov = Robotics.Ros.Interfaces.SensorMsgs.Imu.Support.Definition.FindField("orientation_covariance")!;
        Assert.Equal(RosArrayKind.Fixed, cov.ArrayKind);
        Assert.Equal(9, cov.ArraySize);
        Assert.Equal("float64[9]", cov.RosTypeText);
    }

    [Fact]
    public void Defaults_FromMsgFiles_AreApplied()
    {
        // geometry_msgs/Quaternion: float64 w 1
        Assert.Equal(1.0, new Robotics.Ros.Interfaces.GeometryMsgs.Quaternion().W);
        Assert.Equal(0.0, new Robotics.Ros.Interfaces.GeometryMsgs.Quaternion().X);
        Assert.Equal(9, new Robotics.Ros.Interfaces.SensorMsgs.Imu().OrientationCovariance.Length);
    }
}
