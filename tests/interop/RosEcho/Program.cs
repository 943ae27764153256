// C# echo peer: takes std_msgs/String samples from <in-topic> and publishes each one unchanged on <out-topic>, over
// the Cyclone DDS transport configured from the ROS environment (ROS_DOMAIN_ID, CYCLONEDDS_URI, ...).
//   RosEcho <in-ros-topic> <out-ros-topic>      prints READY, runs until stdin closes
using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: RosEcho <in-ros-topic> <out-ros-topic>");
    return 2;
}

MessageTypeSupport type = MessageTypeRegistry.Get("std_msgs/msg/String");
using var transport = new DdsTransport();
using ITransportReader reader = transport.CreateReader(new EndpointOptions(args[0], type, QosProfile.Default));
using ITransportWriter writer = transport.CreateWriter(new EndpointOptions(args[1], type, QosProfile.Default));
IRosMessage message = type.CreateMessage();
var gate = new object();
reader.DataAvailable += () =>
{
    lock (gate)
    {
        while (reader.TryTake(message, out _))
        {
            writer.Publish(message);
        }
    }
};
Console.WriteLine("READY");
Console.Out.Flush();
Console.In.ReadToEnd();
return 0;
