using Robotics.Cli.Simulation;

namespace Robotics.Cli.Tests;

public sealed class ParameterReferenceTests
{
    [Fact]
    public void CommittedParameterReference_MatchesTheDescriptorsInCode()
    {
        string path = Path.Combine(RepoPaths.Root, ParameterReference.RelativePath);
        Assert.True(File.Exists(path), $"{path} is missing; create it with ./robotics sim list --markdown > {ParameterReference.RelativePath}");
        string committed = File.ReadAllText(path);
        Assert.True(committed == ParameterReference.Markdown(),
            $"{ParameterReference.RelativePath} is out of date with the parameter descriptors; regenerate it with ./robotics sim list --markdown > {ParameterReference.RelativePath}");
    }

    [Fact]
    public void Reference_ListsEveryCatalogTypeWithItsParameters()
    {
        string md = ParameterReference.Markdown();
        foreach (string type in new[] { "mass_spring_damper", "cart_pole", "blimp", "pid", "lqr", "trajectory_tracking", "figure_eight", "waypoints" })
        {
            Assert.Contains($"### `{type}`", md);
        }

        Assert.Contains("| `stiffness_n_m` | double |", md);
    }
}
