namespace Robotics.Launch.Tests;

/// <summary>A temp folder for launch and parameter files, deleted on dispose.</summary>
internal sealed class LaunchTestFiles : IDisposable
{
    public LaunchTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "robotics-launch-tests-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Generated => Path.Combine(Root, "generated");

    public string Write(string name, string contents)
    {
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
