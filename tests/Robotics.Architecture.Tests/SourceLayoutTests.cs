using System.Text.RegularExpressions;
using Robotics.Cli;

namespace Robotics.Architecture.Tests;

/// <summary>
/// The style rules that keep the code easy to navigate: one public type per file, the file named after it, and the
/// namespace following the folder (e.g. sim/Robotics.Sim/Plants/Blimp.cs declares Robotics.Sim.Plants.Blimp).
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly string[] ProductionFolders = ["core", "control", "drivers", "models", "sim", "nodes"];

    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|readonly|partial|ref|unsafe) )*(?:record struct|record class|class|struct|record|interface|enum) (\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicTopLevelType();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    private static List<string> ProductionSourceFiles()
    {
        var data = new List<string>();
        foreach (string folder in ProductionFolders)
        {
            string path = Path.Combine(RepoPaths.Root, folder);
            if (!Directory.Exists(path)) continue;
            foreach (string file in Directory.GetFiles(path, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
                data.Add(relative);
            }
        }

        return data;
    }

    [Fact]
    public void SourceFilesAreFound() => Assert.True(ProductionSourceFiles().Count > 50, $"found too few sources under {RepoPaths.Root}");

    [Fact]
    public void EachFile_DeclaresAtMostOnePublicType_NamedLikeTheFile()
    {
        var problems = new List<string>();
        foreach (string relativePath in ProductionSourceFiles())
        {
            string text = File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));
            var types = PublicTopLevelType().Matches(text).Select(m => m.Groups[1].Value).ToList();
            if (types.Count > 1)
            {
                problems.Add($"{relativePath} declares {types.Count} public types ({string.Join(", ", types)}); give each its own file.");
            }
            else if (types.Count == 1 && types[0] != Path.GetFileNameWithoutExtension(relativePath))
            {
                problems.Add($"{relativePath} declares public type {types[0]}; name the file {types[0]}.cs.");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Namespace_FollowsTheFolder()
    {
        var problems = new List<string>();
        foreach (string relativePath in ProductionSourceFiles())
        {
            var match = FileScopedNamespace().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));
            if (!match.Success) continue; // top-level statements (Program.cs) have no namespace
            // sim/Robotics.Sim/Plants/Blimp.cs -> Robotics.Sim.Plants
            var parts = relativePath.Split('/');
            string expected = string.Join('.', parts.Skip(1).Take(parts.Length - 2));
            if (match.Groups[1].Value != expected)
            {
                problems.Add($"{relativePath} is in namespace {match.Groups[1].Value}; its folder says {expected}.");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
