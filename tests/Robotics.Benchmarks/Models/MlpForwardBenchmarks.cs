using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robotics.Benchmarks.Models;

/// <summary>
/// The issue's inference benchmark: forward passes of the same 2x64 ReLU MLP (3 inputs, 2 outputs: the committed
/// models/artifacts/msd-mlp) with the managed evaluator and with TorchSharp (libtorch CPU, 1 thread), in one run.
/// Targets: batch 1 managed at least 50x faster (Ratio &lt;= 0.02 against the TorchSharp baseline), batch 1024 managed
/// no slower (Ratio &lt;= 1), managed forward allocating 0 bytes.
/// </summary>
/// <remarks>
/// Both sides get the network input already normalised and write the network output; TorchSharp's input tensor is
/// preallocated and its parameters do not require gradients (no autograd graph), so its cost is libtorch's own
/// dispatch and compute plus the result tensor. <c>ManagedModelStep</c> adds what the control loop pays on top of the
/// network: normalisation, float/double conversion and x + delta (<see cref="IDynamicsModel.Step"/>).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessTorchConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MlpForwardBenchmarks
{
    /// <summary>Samples in the batched case.</summary>
    public const int Batch = 1024;

    private Sequential _torch = null!;
    private Tensor _torchInput = null!;
    private Tensor _torchBatch = null!;
    private MlpNetwork _managed = null!;
    private IDynamicsModel _model = null!;
    private readonly float[] _input = new float[3];
    private readonly float[] _output = new float[2];
    private readonly float[] _batchInput = new float[Batch * 3];
    private readonly float[] _batchOutput = new float[Batch * 2];
    private readonly double[] _state = [0.1, -0.2];
    private readonly double[] _force = [0.5];
    private readonly double[] _next = new double[2];

    /// <summary>Loads the committed msd-mlp artifact into both evaluators and checks they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var artifact = ModelArtifactReader.Load(ArtifactPath());
        var arch = artifact.Metadata.Architecture;
        if (artifact.Metadata.Family != ModelFamily.Mlp || arch.HiddenSizes is not [64, 64] || arch.Activation != "relu")
        {
            throw new InvalidOperationException($"{artifact.SourcePath}: expected a 2x64 ReLU mlp, found {artifact.Metadata.Family} [{string.Join(", ", arch.HiddenSizes)}] {arch.Activation}.");
        }

        _managed = MlpNetwork.FromArtifact(artifact, "", 3, arch.HiddenSizes, 2, Activation.Relu);
        _model = ModelLoader.Create(artifact);

        torch.set_num_threads(1);
        _torch = nn.Sequential(("0", nn.Linear(3, 64)), ("1", nn.ReLU()), ("2", nn.Linear(64, 64)), ("3", nn.ReLU()), ("4", nn.Linear(64, 2)));
        using (torch.no_grad())
        {
            foreach (var (name, parameter) in _torch.named_parameters())
            {
                var info = artifact.Metadata.Tensors.Single(t => t.Name == name);
                parameter.copy_(torch.tensor(artifact.Weights.AsSpan((int)info.OffsetFloats, (int)info.Length).ToArray(), parameter.shape));
            }
        }

        foreach (var parameter in _torch.parameters()) parameter.requires_grad = false;
        _torch.eval();

        var rng = new Robotics.Core.Randomness.Rng(42);
        for (int i = 0; i < _batchInput.Length; i++) _batchInput[i] = (float)rng.NextGaussian();
        _batchInput.AsSpan(0, 3).CopyTo(_input);
        _torchInput = torch.tensor(_input, [1, 3]);
        _torchBatch = torch.tensor(_batchInput, [Batch, 3]);

        // Same weights, same answer (the parity tests hold this to 1e-5; here it guards the benchmark's setup).
        ManagedForwardBatch1024();
        using var reference = _torch.forward(_torchBatch);
        var expected = reference.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - _batchOutput[i]) > 1e-4f) throw new InvalidOperationException($"Managed and TorchSharp outputs differ at {i}: {_batchOutput[i]} vs {expected[i]}.");
        }
    }

    /// <summary>Releases the tensors and the module.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _torchInput.Dispose();
        _torchBatch.Dispose();
        _torch.Dispose();
    }

    /// <summary>Baseline, batch 1: TorchSharp forward of one preallocated sample.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Batch1")]
    public float TorchForwardBatch1()
    {
        using var y = _torch.forward(_torchInput);
        return y.data<float>()[0];
    }

    /// <summary>Batch 1: the managed kernel (float32, Vector512/Vector256, zero-activation skipping).</summary>
    [Benchmark, BenchmarkCategory("Batch1")]
    public float ManagedForwardBatch1()
    {
        _managed.Forward(_input, _output);
        return _output[0];
    }

    /// <summary>Batch 1: the whole model step the control loop calls (normalise, forward, x + delta, in double).</summary>
    [Benchmark, BenchmarkCategory("Batch1")]
    public double ManagedModelStep()
    {
        _model.Step(_state, _force, _next);
        return _next[0];
    }

    /// <summary>Baseline, batch 1024: TorchSharp forward of a preallocated [1024, 3] tensor.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Batch1024")]
    public float TorchForwardBatch1024()
    {
        using var y = _torch.forward(_torchBatch);
        return y.data<float>()[0];
    }

    /// <summary>Batch 1024: the managed kernel over 1024 row-major samples, one thread.</summary>
    [Benchmark, BenchmarkCategory("Batch1024")]
    public float ManagedForwardBatch1024()
    {
        _managed.ForwardBatch(_batchInput, _batchOutput, Batch);
        return _batchOutput[0];
    }

    // The committed artifact, found from the repository root (ROBOTICS_REPO_ROOT, or above the working directory or the binaries).
    private static string ArtifactPath()
    {
        const string relative = "models/artifacts/msd-mlp.model.json";
        var starts = new[] { Environment.GetEnvironmentVariable("ROBOTICS_REPO_ROOT"), Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (string? start in starts)
        {
            for (string? dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, relative);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {string.Join(" or ", starts.Where(s => s is not null))}; run from the repository or set ROBOTICS_REPO_ROOT.");
    }
}
