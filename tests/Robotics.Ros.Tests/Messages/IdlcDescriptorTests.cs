using System.Globalization;
using Robotics.Ros.Generator;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages;

/// <summary>One line of tests/golden/ros/run_opsdump.sh output (idlc -t descriptors compiled by gcc).</summary>
internal sealed record IdlcDescriptor(string Key, string DdsName, uint Size, uint Align, uint FlagSet, uint NOps, uint[] Ops)
{
    public static Dictionary<string, IdlcDescriptor> Parse(string stdout)
    {
        var d = new Dictionary<string, IdlcDescriptor>(StringComparer.Ordinal);
        foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] p = line.Split(' ');
            string V(string k) => p.First(x => x.StartsWith(k + "=", StringComparison.Ordinal)).Substring(k.Length + 1);
            uint[] ops = V("ops").Split(',').Select(h => uint.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            d[p[0]] = new IdlcDescriptor(p[0], p[1], uint.Parse(V("size"), CultureInfo.InvariantCulture), uint.Parse(V("align"), CultureInfo.InvariantCulture),
                uint.Parse(V("flagset"), CultureInfo.InvariantCulture), uint.Parse(V("nops"), CultureInfo.InvariantCulture), ops);
        }

        return d;
    }

    public static Dictionary<string, IdlcDescriptor> Generate(string interfacesDir)
    {
        string work = Directory.CreateTempSubdirectory("rostypes-idlc-").FullName;
        try
        {
            var (code, stdout, stderr) = TestPaths.Run("sh", Path.Combine(TestPaths.GoldenRos, "run_opsdump.sh"), interfacesDir, work);
            Assert.True(code == 0, $"run_opsdump.sh failed ({code}): {stderr}");
            return Parse(stdout);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public string Describe(DdsTopicDescriptor mine) =>
        $"{Key}: idlc size={Size} align={Align} flagset={FlagSet} nops={NOps} ops={string.Join(",", Ops.Select(o => o.ToString("x8", CultureInfo.InvariantCulture)))}\n" +
        $"{new string(' ', Key.Length)}  C#   size={mine.Size} align={mine.Align} flagset={mine.FlagSet} nops={mine.NOps} ops={string.Join(",", mine.Ops.Select(o => o.ToString("x8", CultureInfo.InvariantCulture)))}";

    public bool Matches(DdsTopicDescriptor mine) =>
        mine.TypeName == DdsName.Replace("::dds_::wrapped_::", "::dds_::", StringComparison.Ordinal) && mine.Size == Size && mine.Align == Align
        && mine.FlagSet == FlagSet && mine.NOps == NOps && mine.Ops.SequenceEqual(Ops);
}

/// <summary>Runs idlc once for all vendored interfaces (A1 oracle).</summary>
public sealed class IdlcVendoredDump
{
    public IdlcVendoredDump()
    {
        if (TestPaths.HasTool("idlc") && TestPaths.HasTool("gcc") && TestPaths.HasTool("python3"))
        {
            Dump = IdlcDescriptor.Generate(TestPaths.Interfaces);
        }
    }

    internal Dictionary<string, IdlcDescriptor>? Dump { get; }
}

/// <summary>
/// The generated Cyclone descriptors (ops words, size, alignment, flag set, nops) equal what idlc 0.10.2 (-t, no
/// type information) generates from rosidl-style IDL that tests/golden/ros/msg2idl.py writes from the same .msg
/// files with its own parser. idlc runs at test time.
/// </summary>
public sealed class IdlcDescriptorTests : IClassFixture<IdlcVendoredDump>
{
    private readonly Dictionary<string, IdlcDescriptor>? _idlc;

    public IdlcDescriptorTests(IdlcVendoredDump dump) => _idlc = dump.Dump;

    [IdlcFact]
    public void EveryVendoredMessage_DescriptorEqualsIdlc()
    {
        var mismatches = new List<string>();
        IReadOnlyList<MessageTypeSupport> all = MessageTypeRegistry.AllMessages;
        foreach (MessageTypeSupport s in all)
        {
            if (!_idlc!.TryGetValue(s.RosTypeName, out IdlcDescriptor? d))
            {
                mismatches.Add($"{s.RosTypeName}: not in idlc dump");
                continue;
            }

            if (!d.Matches(s.TopicDescriptor) || s.NativeSize != (int)d.Size)
            {
                mismatches.Add(d.Describe(s.TopicDescriptor));
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        // Messages + service requests/responses (+ their wrapped forms) = every line idlc printed.
        int services = MessageTypeRegistry.AllServices.Count;
        Assert.Equal(_idlc!.Count, all.Count + 2 * services);
        Assert.True(all.Count >= 150, $"only {all.Count} message types registered");
    }

    [IdlcFact]
    public void EveryVendoredService_WrappedDescriptorsEqualIdlc()
    {
        var mismatches = new List<string>();
        foreach (ServiceTypeSupport s in MessageTypeRegistry.AllServices)
        {
            foreach (var (key, support) in new[] { (s.Request.RosTypeName + "#wrapped", s.WrappedRequest), (s.Response.RosTypeName + "#wrapped", s.WrappedResponse) })
            {
                IdlcDescriptor d = _idlc![key];
                if (!d.Matches(support.TopicDescriptor) || support.NativeSize != (int)d.Size)
                {
                    mismatches.Add(d.Describe(support.TopicDescriptor));
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(MessageTypeRegistry.AllServices.Count >= 19);
    }

    [IdlcFact]
    public void KeyTypes_AreInTheDump()
    {
        foreach (string t in new[] { "std_msgs/msg/String", "geometry_msgs/msg/Twist", "sensor_msgs/msg/JointState", "std_msgs/msg/Header", "builtin_interfaces/msg/Time", "rmw_dds_common/msg/ParticipantEntitiesInfo" })
        {
            Assert.True(_idlc!.ContainsKey(t), t);
            Assert.True(_idlc[t].Matches(MessageTypeRegistry.Get(t).TopicDescriptor), t);
        }
    }

    /// <summary>
    /// Constructs no vendored type uses (fixed arrays of structs and of strings, bounded strings in sequences and
    /// arrays, bounded sequences of strings and primitives, empty nested structs) go through the generator library
    /// directly and are compared with idlc the same way.
    /// </summary>
    [IdlcFact]
    public void GeneratorLibrary_UnusualConstructs_EqualIdlc()
    {
        string dir = Directory.CreateTempSubdirectory("rostypes-extra-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "extra_msgs", "msg"));
            Directory.CreateDirectory(Path.Combine(dir, "extra_msgs", "srv"));
            File.WriteAllText(Path.Combine(dir, "extra_msgs", "msg", "Inner.msg"), "int16 a\nstring s\nfloat32 f\n");
            File.WriteAllText(Path.Combine(dir, "extra_msgs", "msg", "Nothing.msg"), "# empty\n");
            File.WriteAllText(Path.Combine(dir, "extra_msgs", "msg", "Mixed.msg"),
                "Inner[3] fixed_structs\nstring[2] fixed_strings\nstring<=5[2] fixed_bstrings\nstring<=7[] seq_bstrings\n" +
                "string<=3[<=4] bseq_bstrings\nstring[<=2] bseq_strings\nint32[<=5] bseq_ints\nbool[3] flags\nbool[] bools\n" +
                "Nothing nothing\nNothing[2] nothings\nint8 small\nuint64 big\nInner[<=2] bseq_structs\nbyte[4] raw\nchar c\nfloat64 d 1.5\n");
            File.WriteAllText(Path.Combine(dir, "extra_msgs", "srv", "Do.srv"), "Inner[2] in\n---\nbool ok\nNothing n\n");
            Dictionary<string, IdlcDescriptor> idlc = IdlcDescriptor.Generate(dir);
            string[] mine = Program.OpsDump(InterfaceSet.Load(dir)).ToArray();
            Assert.Equal(idlc.Count, mine.Length);
            foreach (string line in mine)
            {
                IdlcDescriptor m = IdlcDescriptor.Parse(line).Values.Single();
                IdlcDescriptor d = idlc[m.Key];
                Assert.True(d with { Ops = m.Ops } == m && d.Ops.SequenceEqual(m.Ops), $"{m.Key}\n idlc {string.Join(",", d.Ops.Select(o => o.ToString("x8", CultureInfo.InvariantCulture)))} size={d.Size} align={d.Align} flags={d.FlagSet} nops={d.NOps}\n mine {line}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
