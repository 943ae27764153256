namespace Robotics.Ros.Generator;

/// <summary>All messages and services found under an interfaces folder (core/interfaces/&lt;pkg&gt;/{msg,srv}).</summary>
internal sealed class InterfaceSet
{
    public Dictionary<string, MsgSpec> Messages { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SrvSpec> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>Relative source path (for comments) per ROS name.</summary>
    public Dictionary<string, string> SourcePaths { get; } = new(StringComparer.Ordinal);

    public static InterfaceSet Load(string root)
    {
        var set = new InterfaceSet();
        foreach (string pkgDir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            string pkg = Path.GetFileName(pkgDir);
            string msgDir = Path.Combine(pkgDir, "msg");
            if (Directory.Exists(msgDir))
            {
                foreach (string f in Directory.GetFiles(msgDir, "*.msg").OrderBy(d => d, StringComparer.Ordinal))
                {
                    string name = Path.GetFileNameWithoutExtension(f);
                    MsgSpec m = MsgParser.ParseMessage(pkg, "msg", name, File.ReadAllText(f));
                    set.Messages[m.RosName] = m;
                    set.SourcePaths[m.RosName] = pkg + "/msg/" + name + ".msg";
                }
            }

            string srvDir = Path.Combine(pkgDir, "srv");
            if (Directory.Exists(srvDir))
            {
                foreach (string f in Directory.GetFiles(srvDir, "*.srv").OrderBy(d => d, StringComparer.Ordinal))
                {
                    string name = Path.GetFileNameWithoutExtension(f);
                    SrvSpec s = MsgParser.ParseService(pkg, name, File.ReadAllText(f));
                    set.Services[s.RosName] = s;
                    set.SourcePaths[s.RosName] = pkg + "/srv/" + name + ".srv";
                }
            }
        }

        set.Validate();
        return set;
    }

    /// <summary>Every message-like struct: messages plus service requests and responses.</summary>
    public IEnumerable<MsgSpec> AllStructs()
    {
        foreach (MsgSpec m in Messages.Values.OrderBy(m => m.RosName, StringComparer.Ordinal))
        {
            yield return m;
        }

        foreach (SrvSpec s in Services.Values.OrderBy(s => s.RosName, StringComparer.Ordinal))
        {
            yield return s.Request;
            yield return s.Response;
        }
    }

    public MsgSpec Resolve(FieldType t) =>
        Messages.TryGetValue(t.NestedRosName!, out MsgSpec? m)
            ? m
            : throw new InvalidOperationException($"Unknown message type '{t.NestedRosName}' (vendor its .msg file under core/interfaces).");

    private void Validate()
    {
        foreach (MsgSpec m in AllStructs())
        {
            foreach (FieldSpec f in m.Fields)
            {
                if (f.Type.Kind == Prim.Message && !Messages.ContainsKey(f.Type.NestedRosName!))
                {
                    throw new InvalidOperationException($"{m.RosName}: field '{f.Name}' uses unknown type '{f.Type.NestedRosName}'.");
                }
            }
        }
    }
}
