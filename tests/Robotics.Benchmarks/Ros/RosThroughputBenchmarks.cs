using BenchmarkDotNet.Attributes;
using Robotics.Ros.Dds;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Benchmarks.Ros;

/// <summary>
/// Throughput of small messages (std_msgs/String of 16 characters, RELIABLE, KEEP_ALL so nothing is dropped) into a
/// C sink in another process, per message: a C publisher (baseline) against the C# transport. The issue asks for
/// at least 50k messages/s, i.e. at most 20 µs per message.
/// </summary>
public class RosThroughputBenchmarks
{
    private const int Messages = 20_000;
    private readonly List<IDisposable> _owned = new();
    private BenchProcess _cBlast = null!;
    private BenchProcess _cSink = null!;
    private BenchProcess _csSink = null!;
    private DdsTransport _transport = null!;
    private ITransportWriter _writer = null!;
    private readonly RosString _message = new() { Data = "hello world 0123" };

    /// <summary>Starts the sinks and the C publisher and waits for matching.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string peer = RosBenchPeers.BuildCPeer();
        _cSink = Own(RosBenchPeers.Start(peer, "sink", "rt/bench/c_blast"));
        _csSink = Own(RosBenchPeers.Start(peer, "sink", "rt/bench/cs_blast"));
        _cSink.Expect("READY");
        _csSink.Expect("READY");
        _cBlast = Own(RosBenchPeers.Start(peer, "blast", "rt/bench/c_blast"));
        _cBlast.Expect("READY");
        _transport = new DdsTransport(RosBenchPeers.TransportOptions);
        QosProfile keepAll = QosProfile.Default with { History = HistoryPolicy.KeepAll };
        _writer = _transport.CreateWriter(new EndpointOptions("/bench/cs_blast", RosString.Support, keepAll));
        if (!_writer.WaitForMatched(1, TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("C sink did not match");
        }
    }

    /// <summary>Stops the peers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _transport.Dispose();
        foreach (IDisposable d in _owned)
        {
            d.Dispose();
        }
    }

    /// <summary>Baseline: the C peer publishes <see cref="Messages"/> strings to the C sink.</summary>
    /// <returns>The sink's report.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public string CToC()
    {
        _cSink.Send("20000");
        _cBlast.Send("20000");
        _cBlast.ReadLine();
        return _cSink.ReadLine();
    }

    /// <summary>The C# transport publishes <see cref="Messages"/> strings to the C sink.</summary>
    /// <returns>The sink's report.</returns>
    [Benchmark(OperationsPerInvoke = Messages)]
    public string CSharpToC()
    {
        _csSink.Send("20000");
        for (int i = 0; i < Messages; i++)
        {
            _writer.Publish(_message);
        }

        return _csSink.ReadLine();
    }

    private BenchProcess Own(BenchProcess p)
    {
        _owned.Add(p);
        return p;
    }
}
