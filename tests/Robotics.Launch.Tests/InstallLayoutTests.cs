using System.Diagnostics;
using Robotics.Nodes.Hosting;

namespace Robotics.Launch.Tests;

// Runs the ament package's install step (launch/CMakeLists.txt, non-ament fallback) into a temp prefix, as colcon would,
// and starts a node through its lib/robotics/<exec> wrapper with a --ros-args block, without ROS 2.
[Trait("Category", "Slow")]
public sealed class InstallLayoutTests : IDisposable
{
    private readonly LaunchTestFiles files = new();

    public void Dispose() => files.Dispose();

    private static (int Code, string Out, string Err) Run(string program, IEnumerable<string> args, IDictionary<string, string>? env = null, string? cwd = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) info.ArgumentList.Add(a);
        if (cwd is not null) info.WorkingDirectory = cwd;
        if (env is not null)
        {
            foreach (var (k, v) in env) info.Environment[k] = v;
        }

        using Process p = Process.Start(info)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The app folder to install: this test's output folder holds Robotics.NodeRunner.dll and everything it loads.</summary>
    private static string AppDir
    {
        get
        {
            string dir = AppContext.BaseDirectory.TrimEnd('/');
            Assert.True(File.Exists(Path.Combine(dir, "Robotics.NodeRunner.dll")), "Robotics.NodeRunner.dll is next to the tests");
            Assert.True(File.Exists(Path.Combine(dir, "Robotics.NodeRunner.runtimeconfig.json")), "Robotics.NodeRunner.runtimeconfig.json is next to the tests");
            return dir;
        }
    }

    private string Install(string executables)
    {
        string build = Path.Combine(files.Root, "build");
        string prefix = Path.Combine(files.Root, "install");
        var configure = Run("cmake", ["-S", RepoLaunchFiles.LaunchDir, "-B", build, "-DROBOTICS_WITHOUT_AMENT=ON", $"-DROBOTICS_APP_DIR={AppDir}",
            $"-DROBOTICS_NODE_EXECUTABLES={executables}", $"-DCMAKE_INSTALL_PREFIX={prefix}"]);
        Assert.True(configure.Code == 0, configure.Out + configure.Err);
        var install = Run("cmake", ["--install", build]);
        Assert.True(install.Code == 0, install.Out + install.Err);
        return prefix;
    }

    [Fact]
    public void Install_TempPrefix_HasRos2LaunchLayout_AndWrapperPassesRosArgs()
    {
        string prefix = Install("sim_rig_node;probe_node");

        foreach (string f in Directory.GetFiles(RepoLaunchFiles.LaunchDir, "*.launch.xml"))
        {
            Assert.True(File.Exists(Path.Combine(prefix, "share", "robotics", "launch", Path.GetFileName(f))), f);
        }

        Assert.True(File.Exists(Path.Combine(prefix, "share", "robotics", "params", "msd_pid.yaml")));
        Assert.True(File.Exists(Path.Combine(prefix, "share", "robotics", "package.xml")));
        Assert.True(File.Exists(Path.Combine(prefix, "share", "ament_index", "resource_index", "packages", "robotics")));
        Assert.True(File.Exists(Path.Combine(prefix, "lib", "robotics", "app", "Robotics.NodeRunner.dll")));
        string wrapper = Path.Combine(prefix, "lib", "robotics", "sim_rig_node");
        if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(wrapper).HasFlag(UnixFileMode.UserExecute), "the wrapper is executable");

        // What ros2 launch runs for <node pkg="robotics" exec="sim_rig_node" name="msd" namespace="rig" args="--seed 3"> with a
        // params file, a global parameter and a remap; the runner's echo mode prints how it parsed them.
        var run = Run(wrapper,
            ["--seed", "3", "--ros-args", "-r", "__node:=msd", "-r", "__ns:=/rig", "--params-file", "/x.yaml", "-p", "kp:=2.0", "-r", "cmd:=/rig/command"],
            new Dictionary<string, string> { ["ROBOTICS_NODE_RUNNER_ECHO"] = "1" }, cwd: Path.GetTempPath());

        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Equal(
            "executable: sim_rig_node\nargc: 13\nuser_args: --seed 3\nnode_name: msd\nnamespace: /rig\nparams_file: /x.yaml\nparam: kp=2.0\nremap: cmd->/rig/command\n",
            run.Out);
    }

    [Fact]
    public void Install_BadRosArgs_ThroughWrapper_ExitsTwoNamingTheArgument()
    {
        string prefix = Install("probe_node");

        var run = Run(Path.Combine(prefix, "lib", "robotics", "probe_node"), ["--ros-args", "--bogus"]);

        Assert.Equal(2, run.Code);
        Assert.Contains("--bogus", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void WrapperScript_DefaultList_WrapsEveryCatalogExecutable()
    {
        // The install script alone (cmake -P), with no list given: it asks the app (--list-executables).
        string dir = Path.Combine(files.Root, "lib", "robotics");
        Directory.CreateDirectory(dir);
        var run = Run("cmake", [$"-DROBOTICS_APP_INSTALLED={AppDir}", $"-DROBOTICS_WRAPPER_DIR={dir}",
            $"-DROBOTICS_WRAPPER_TEMPLATE={Path.Combine(RepoLaunchFiles.LaunchDir, "cmake", "node_wrapper.sh.in")}",
            "-P", Path.Combine(RepoLaunchFiles.LaunchDir, "cmake", "install_node_wrappers.cmake")]);

        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Equal(
            NodeExecutableCatalog.Default.All.Select(e => e.Name).Order(StringComparer.Ordinal),
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
