using System.Diagnostics;
using System.Text;
using Robotics.Core.Randomness;
using Robotics.Ros.Messages;
using Robotics.Ros.Serialization;

namespace Robotics.Ros.Tests.Messages.Golden;

/// <summary>
/// <see cref="MessageYaml"/> against ros2cli's own recipe for <c>ros2 topic echo</c>, for random messages of every
/// vendored message and service request/response type: tests/golden/ros/yaml_echo_oracle.py decodes the C# CDR
/// bytes with its own decoder and prints them with PyYAML exactly as rosidl_runtime_py's <c>message_to_yaml</c>
/// does (block and flow style). Also: what <see cref="MessageYaml.Write"/> prints, <see cref="MessageYaml.TryParse"/>
/// reads back to the same message.
/// </summary>
public sealed class YamlEchoDifferentialTests
{
    private const int SamplesPerType = 4;
    private const string EndMarker = "=====END=====\n";
    private static readonly Lazy<Oracle> Results = new(RunOracle);

    public static TheoryData<string> TypeKeys()
    {
        var data = new TheoryData<string>();
        foreach (string key in Supports().Keys)
        {
            data.Add(key);
        }

        return data;
    }

    [PyYamlTheory]
    [MemberData(nameof(TypeKeys))]
    public void Write_RandomMessages_EqualsRos2TopicEchoRecipe(string key)
    {
        Oracle oracle = Results.Value;
        for (int i = 0; i < SamplesPerType; i++)
        {
            IRosMessage message = oracle.Messages[key][i];
            Assert.Equal(oracle.Block[key][i], MessageYaml.Write(message, truncateLength: 128) + "---\n");
        }
    }

    [PyYamlTheory]
    [MemberData(nameof(TypeKeys))]
    public void Write_FlowStyle_RandomMessages_EqualsRos2TopicEchoFlowStyleRecipe(string key)
    {
        Oracle oracle = Results.Value;
        for (int i = 0; i < SamplesPerType; i++)
        {
            IRosMessage message = oracle.Messages[key][i];
            Assert.Equal(oracle.Flow[key][i], MessageYaml.Write(message, truncateLength: 128, flowStyle: true) + "---\n");
        }
    }

    [Theory]
    [MemberData(nameof(TypeKeys))]
    public void TryParse_OfWrite_ReadsTheSameMessage(string key)
    {
        MessageTypeSupport support = Supports()[key];
        var rng = new Rng(0x9A55_0000UL).Fork(key);
        for (int i = 0; i < SamplesPerType; i++)
        {
            IRosMessage message = RandomMessages.Create(support, rng, textFriendlyFloats: true);
            string text = MessageYaml.Write(message);
            Assert.True(MessageYaml.TryParse(text, support, out IRosMessage? parsed, out string? error), $"{key}: {error}\n{text}");

            Assert.Equal(Convert.ToHexString(support.Serialize(message)), Convert.ToHexString(support.Serialize(parsed)));

            string flow = MessageYaml.Write(message, flowStyle: true);
            Assert.True(MessageYaml.TryParse(flow, support, out IRosMessage? parsedFlow, out string? flowError), $"{key}: {flowError}\n{flow}");
            Assert.Equal(Convert.ToHexString(support.Serialize(message)), Convert.ToHexString(support.Serialize(parsedFlow)));
        }
    }

    /// <summary>
    /// What users paste into <c>topic pub</c> is often <c>ros2 topic echo</c> output: the text ros2cli prints (from the
    /// oracle, not from <see cref="MessageYaml.Write"/>) must parse back to the message. Types with <c>byte</c>
    /// fields are left out: ros2cli echoes them as characters, which <c>ros2 topic pub</c> itself cannot read back.
    /// </summary>
    [PyYamlTheory]
    [MemberData(nameof(TypeKeys))]
    public void TryParse_OfRos2TopicEchoText_ReadsTheSameMessage(string key)
    {
        MessageTypeSupport support = Supports()[key];
        if (HasByteField(support, 0))
        {
            return;
        }

        Oracle oracle = Results.Value;
        for (int i = 0; i < SamplesPerType; i++)
        {
            byte[] expected = support.Serialize(oracle.Messages[key][i]);
            foreach (string echo in new[] { oracle.Block[key][i], oracle.Flow[key][i] })
            {
                string text = echo[..^"---\n".Length];
                if (text.Contains("...", StringComparison.Ordinal))
                {
                    continue; // echo truncated a string or sequence longer than 128 (random strings hold no '.')
                }

                Assert.True(MessageYaml.TryParse(text, support, out IRosMessage? parsed, out string? error), $"{key}: {error}\n{text}");
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(support.Serialize(parsed)));
            }
        }
    }

    private static bool HasByteField(MessageTypeSupport support, int depth) =>
        depth < 16 && support.Definition.Fields.Any(f =>
            f.Kind == RosFieldKind.Byte || (f.Kind == RosFieldKind.Message && HasByteField(f.NestedSupport!, depth + 1)));

    private static SortedDictionary<string, MessageTypeSupport> Supports()
    {
        var result = new SortedDictionary<string, MessageTypeSupport>(StringComparer.Ordinal);
        foreach ((string key, MessageTypeSupport support) in RandomMessages.AllSupports())
        {
            if (!key.EndsWith("#wrapped", StringComparison.Ordinal))
            {
                result[key] = support;
            }
        }

        return result;
    }

    private static Oracle RunOracle()
    {
        var messages = new Dictionary<string, List<IRosMessage>>(StringComparer.Ordinal);
        var input = new StringBuilder();
        foreach ((string key, MessageTypeSupport support) in Supports())
        {
            var rng = new Rng(0xEC40_0000UL).Fork(key);
            var list = new List<IRosMessage>();
            for (int i = 0; i < SamplesPerType; i++)
            {
                IRosMessage m = RandomMessages.Create(support, rng, textFriendlyFloats: true);
                list.Add(m);
                input.Append(key).Append('\t').Append(Convert.ToHexString(support.Serialize(m))).Append('\n');
            }

            messages[key] = list;
        }

        string script = Path.Combine(TestPaths.GoldenRos, "yaml_echo_oracle.py");
        List<string> block = Split(Python(input.ToString(), script, TestPaths.Interfaces));
        List<string> flow = Split(Python(input.ToString(), script, TestPaths.Interfaces, "--flow-style"));
        var oracle = new Oracle(messages, new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        int index = 0;
        foreach (string key in Supports().Keys)
        {
            oracle.Block[key] = block.GetRange(index, SamplesPerType);
            oracle.Flow[key] = flow.GetRange(index, SamplesPerType);
            index += SamplesPerType;
        }

        return oracle;
    }

    private static List<string> Split(string output) =>
        output.Split(EndMarker).SkipLast(1).ToList();

    private static string Python(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(PyYamlTheoryAttribute.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "yaml_echo_oracle.py failed: " + stderr.Result);
        return stdout.Result;
    }

    private sealed record Oracle(
        Dictionary<string, List<IRosMessage>> Messages,
        Dictionary<string, List<string>> Block,
        Dictionary<string, List<string>> Flow);
}

/// <summary>A theory skipped (with the reason) when /usr/bin/python3 with PyYAML (Debian python3-yaml) is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PyYamlTheoryAttribute : TheoryAttribute
{
    /// <summary>The interpreter used for the PyYAML oracle.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly string? Reason = Probe();

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the oracle cannot run.</summary>
    public PyYamlTheoryAttribute()
    {
        if (Reason is not null)
        {
            Skip = Reason;
        }
    }

    private static string? Probe()
    {
        if (!File.Exists(Python))
        {
            return Python + " is not installed; the ros2cli YAML oracle (tests/golden/ros/yaml_echo_oracle.py) cannot run";
        }

        var psi = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import yaml");
        using Process p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode == 0 ? null : "PyYAML (Debian python3-yaml) is not installed for " + Python + "; the ros2cli YAML oracle cannot run";
    }
}
