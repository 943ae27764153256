using System.Globalization;
using Robotics.Control.Evolution;
using Robotics.Control.Loop;
using Robotics.Control.Npc;
using Robotics.Control.Pid;
using Robotics.Core.Numerics;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Dynamics;
using Xunit.Abstractions;

namespace Robotics.Control.Tests.Npc;

/// <summary>
/// The paper's first benchmark: Newton NPC vs a tuned PID on a mass-spring-damper (m = 1 kg, k = 4 N/m, c = 0.4 N s/m,
/// the defaults the msd-mlp artifact was trained on), 50 Hz (the learned model's step), force clipped to [-4, 4] N,
/// position square wave +/-0.5 m (period 8 s) for 24 s. Prints the table committed in docs/npc-msd.md.
/// </summary>
public class NpcMassSpringDamperBenchmarkTests(ITestOutputHelper output)
{
    private const double H = 0.02, Duration = 24.0, Limit = 4.0;

    private sealed class Msd : IOdeSystem
    {
        public int StateSize => 2;
        public int InputSize => 1;

        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
        {
            derivative[0] = state[1];
            derivative[1] = input[0] - 0.4 * state[1] - 4.0 * state[0];
        }
    }

    private static double Reference(double t) => (int)Math.Floor(t / 4.0) % 2 == 0 ? 0.5 : -0.5;

    private static (double Rmse, double EffortRms, double MaxAbsU, long Fallbacks) Run(IController controller)
    {
        var plant = new Msd();
        var rk4 = new Rk4Integrator(2);
        double[] x = [0.0, 0.0], u = new double[1], reference = new double[controller.ReferenceSize];
        int steps = (int)Math.Round(Duration / H);
        double e2 = 0, u2 = 0, umax = 0;
        controller.Reset();
        for (int k = 0; k < steps; k++)
        {
            double t = k * H;
            reference[0] = Reference(t);
            controller.Update(SimTime.FromSeconds(t), SimTime.FromSeconds(H), x, reference, u);
            double force = Math.Clamp(u[0], -Limit, Limit);
            u2 += force * force;
            umax = Math.Max(umax, Math.Abs(force));
            // 10 RK4 sub-steps per control period: the "true" plant is finer than the model's one-step map.
            for (int s = 0; s < 10; s++) rk4.Step(plant, t + s * H / 10, H / 10, x, [force]);
            double e = x[0] - Reference(t + H);
            e2 += e * e;
        }

        return (Math.Sqrt(e2 / steps), Math.Sqrt(u2 / steps), umax, controller is NewtonNpcController n ? n.FallbackCount : 0);
    }

    private static NewtonNpcOptions Options(double qPosition, double qVelocity, double lambda) => new()
    {
        OutputWeights = [qPosition, qVelocity],
        InputChangeWeights = [lambda],
        BarrierSharpness = 1e-20,
        BarrierCentre = [1e-5],
        BarrierRange = [4e2],
        FiniteDifferenceStep = 5e-3,
        CommandMin = [-Limit],
        CommandMax = [Limit],
        FallbackCommand = [0.0],
    };

    private static PidParameters TunePid()
    {
        // CMA-ES over (kp, ki, kd) in [0, 100] x [0, 100] x [0, 20], minimising the RMS position error.
        var cma = new CmaEs([0.2, 0.2, 0.2], new CmaEsOptions { InitialSigma = 0.2, LowerBound = 0, UpperBound = 1 }, new Rng(4));
        PidParameters Decode(double[] g) => new()
        {
            Kp = 100 * g[0], Ki = 100 * g[1], Kd = 20 * g[2], DerivativeFilterTimeS = 0.02, OutputMin = -Limit, OutputMax = Limit,
        };
        cma.Run((candidates, f) =>
        {
            for (int i = 0; i < candidates.Count; i++) f[i] = Run(new PidController(Decode(candidates[i]), 2, 1)).Rmse;
        }, 80);
        return Decode(cma.BestSolution.ToArray());
    }

    [Fact]
    public void NewtonNpc_vs_TunedPid_Table()
    {
        var analytic = new AnalyticDynamicsModel(new Msd(), H, ["position_m", "velocity_m_s"], ["force_n"]);
        string artifact = FindArtifact("models/artifacts/msd-mlp.model.json");
        var learned = ModelLoader.Load(artifact);
        Assert.Equal(H, learned.TimeStep, 12);
        var pid = TunePid();
        var rows = new List<(string Name, (double Rmse, double EffortRms, double MaxAbsU, long Fallbacks) R)>
        {
            ($"PID tuned by CMA-ES (kp {pid.Kp:F1}, ki {pid.Ki:F1}, kd {pid.Kd:F2})", Run(new PidController(pid, 2, 1))),
            ("Newton NPC, paper weights Q = diag(1e6, 1e-3), Lambda = 1, analytic model", Run(new NewtonNpcController(new DynamicsModelPredictor(analytic), Options(1e6, 1e-3, 1), 2, 1))),
            ("Newton NPC, paper weights, learned msd-mlp model", Run(new NewtonNpcController(new DynamicsModelPredictor(learned), Options(1e6, 1e-3, 1), 2, 1))),
            ("Newton NPC, Q = diag(1e6, 1e4), Lambda = 1, analytic model", Run(new NewtonNpcController(new DynamicsModelPredictor(analytic), Options(1e6, 1e4, 1), 2, 1))),
            ("Newton NPC, Q = diag(1e6, 1e4), Lambda = 1, learned msd-mlp model", Run(new NewtonNpcController(new DynamicsModelPredictor(learned), Options(1e6, 1e4, 1), 2, 1))),
        };
        output.WriteLine("| controller | RMS position error mm | RMS force N | max abs force N | NaN fallbacks |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, r) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {1000 * r.Rmse:F1} | {r.EffortRms:F3} | {r.MaxAbsU:F2} | {r.Fallbacks} |"));
        }

        // This is a benchmark, not a ranking claim: every run must stay finite (the force is clipped, so the state is
        // bounded) and the tuned PID must track better than doing nothing (RMS error 0.5 m for the +/-0.5 m square wave).
        foreach (var (name, r) in rows) Assert.True(double.IsFinite(r.Rmse), name);
        Assert.True(rows[0].R.Rmse < 0.5, $"tuned PID: RMS error {rows[0].R.Rmse} m");
    }

    private static string FindArtifact(string relative, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
