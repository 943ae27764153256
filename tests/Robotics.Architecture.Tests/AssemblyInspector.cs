using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Robotics.Architecture.Tests;

/// <summary>Reads an assembly's references and the members it calls from its metadata, without loading it.</summary>
internal sealed class AssemblyInspector
{
    private AssemblyInspector(string name, IReadOnlyList<string> references, IReadOnlyList<string> typeReferences, IReadOnlyList<string> memberReferences)
    {
        Name = name;
        References = references;
        TypeReferences = typeReferences;
        MemberReferences = memberReferences;
    }

    public string Name { get; }

    /// <summary>Names of referenced assemblies.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Full names of referenced types, e.g. <c>System.Diagnostics.Stopwatch</c>.</summary>
    public IReadOnlyList<string> TypeReferences { get; }

    /// <summary>Referenced members as <c>Namespace.Type::Member</c>.</summary>
    public IReadOnlyList<string> MemberReferences { get; }

    public static AssemblyInspector Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        string name = md.GetString(md.GetAssemblyDefinition().Name);
        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        var types = md.TypeReferences.Select(h => TypeName(md, h)).ToList();
        var members = new List<string>();
        foreach (var h in md.MemberReferences)
        {
            var m = md.GetMemberReference(h);
            string parent = m.Parent.Kind switch
            {
                HandleKind.TypeReference => TypeName(md, (TypeReferenceHandle)m.Parent),
                HandleKind.TypeSpecification => "(generic)",
                _ => "(other)",
            };
            members.Add(parent + "::" + md.GetString(m.Name));
        }

        return new AssemblyInspector(name, references, types, members);
    }

    private static string TypeName(MetadataReader md, TypeReferenceHandle handle)
    {
        var t = md.GetTypeReference(handle);
        string ns = md.GetString(t.Namespace);
        string name = md.GetString(t.Name);
        if (t.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeName(md, (TypeReferenceHandle)t.ResolutionScope) + "+" + name;
        }

        return ns.Length == 0 ? name : ns + "." + name;
    }
}
