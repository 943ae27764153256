namespace Robotics.Ros.Generator;

/// <summary>
/// Entry point. <c>generate &lt;interfaces-dir&gt; &lt;out-dir&gt;</c> writes the C# sources;
/// <c>ops &lt;interfaces-dir&gt;</c> prints every descriptor in the opsdump format (tests/golden/ros);
/// <c>hash &lt;interfaces-dir&gt; &lt;ros-type&gt;</c> prints a RIHS01 hash and its JSON.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 3 && args[0] == "generate")
            {
                InterfaceSet set = InterfaceSet.Load(args[1]);
                int n = new CSharpEmitter(set).WriteAll(args[2]);
                Console.WriteLine($"Robotics.Ros.Generator: {n} files up to date in {args[2]}");
                return 0;
            }

            if (args.Length == 2 && args[0] == "ops")
            {
                InterfaceSet set = InterfaceSet.Load(args[1]);
                foreach (string line in OpsDump(set))
                {
                    Console.WriteLine(line);
                }

                return 0;
            }

            if (args.Length == 2 && args[0] == "hashes")
            {
                InterfaceSet set = InterfaceSet.Load(args[1]);
                var h = new TypeHasher(set);
                foreach (string name in set.AllStructs().Select(m => m.RosName).Concat(set.Services.Keys).Order(StringComparer.Ordinal))
                {
                    Console.WriteLine(name + " " + h.Hash(name));
                }

                return 0;
            }

            if (args.Length == 3 && args[0] == "hash")
            {
                var h = new TypeHasher(InterfaceSet.Load(args[1]));
                Console.WriteLine(h.Hash(args[2]));
                Console.WriteLine(h.Json(args[2]));
                return 0;
            }

            Console.Error.WriteLine("usage: Robotics.Ros.Generator generate <interfaces-dir> <out-dir> | ops <interfaces-dir> | hash <interfaces-dir> <type>");
            return 2;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException or IOException)
        {
            Console.Error.WriteLine("error: Robotics.Ros.Generator: " + e.Message);
            return 1;
        }
    }

    internal static IEnumerable<string> OpsDump(InterfaceSet set)
    {
        var b = new DescriptorBuilder(set);
        foreach (MsgSpec m in set.AllStructs())
        {
            yield return Line(b, m, false);
        }

        foreach (SrvSpec s in set.Services.Values.OrderBy(s => s.RosName, StringComparer.Ordinal))
        {
            yield return Line(b, s.Request, true);
            yield return Line(b, s.Response, true);
        }
    }

    private static string Line(DescriptorBuilder b, MsgSpec m, bool wrapped)
    {
        StructLayout l = b.Layout(m);
        (uint[] ops, uint nops) = b.Ops(m, wrapped);
        string name = wrapped ? m.DdsName.Replace("::dds_::", "::dds_::wrapped_::", StringComparison.Ordinal) : m.DdsName;
        string key = wrapped ? m.RosName + "#wrapped" : m.RosName;
        int size = wrapped ? (16 + l.Size + 7) / 8 * 8 : l.Size;
        int align = wrapped ? 8 : l.Align;
        uint flags = b.IsFixedSize(m) ? DescriptorBuilder.TopicFixedSize : 0;
        return $"{key} {name} size={size} align={align} flagset={flags} nops={nops} ops={string.Join(",", ops.Select(o => o.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)))}";
    }
}
