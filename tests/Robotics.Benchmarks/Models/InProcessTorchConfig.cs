using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Robotics.Benchmarks.Models;

/// <summary>
/// Benchmarks that load libtorch run in process only. The default (out-of-process) toolchain builds a generated
/// project next to the binaries, copying libtorch (about 480 MB) again, and that copy of libLibTorchSharp.so is patched
/// for Debian 12 only when the build happens to sit under this repository's Directory.Build.targets (see
/// build/TorchSharpDebian12Fix.targets); otherwise torch fails to load. So: one in-process job pinned to CPU 0 like
/// <see cref="OneCoreConfig.Measure"/>, with the iteration settings of the TorchSharp study (docs: ml-deps §6.7), and a
/// filter that drops any out-of-process job the global configuration adds for these classes.
/// </summary>
public sealed class InProcessTorchConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public InProcessTorchConfig()
    {
        // A smoke run (Program.cs --smoke) already runs everything once in process (Job.Dry): add no measurement there.
        if (!Environment.GetCommandLineArgs().Contains("--smoke"))
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithAffinity(1)
                .WithWarmupCount(4)
                .WithIterationCount(15)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithId("InProcessOneCore"));
        }

        AddFilter(new SimpleFilter(benchmark => benchmark.Job.Infrastructure.Toolchain is InProcessEmitToolchain));
    }
}
