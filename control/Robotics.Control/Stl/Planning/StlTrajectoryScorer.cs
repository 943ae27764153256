using Robotics.Control.Stl.Tasks;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// Rolls control sequences out through a task's dynamics and scores the predicted trajectory against a specification:
/// hard robustness, smooth robustness, and the gradient of the smooth robustness with respect to the controls
/// (adjoint pass through the dynamics Jacobians). All buffers are allocated at construction; every method is
/// allocation-free.
/// </summary>
public sealed class StlTrajectoryScorer
{
    private readonly IStlTask task;
    private readonly int[] signalIndex;
    private readonly double[][] signals;
    private readonly double[][] signalGradients;
    private readonly double[] signalValues;
    private readonly double[] signalJacobian;
    private readonly double[] jacX;
    private readonly double[] jacU;
    private readonly double[] states;
    private readonly double[] lambda;
    private readonly double[] lambdaNext;
    private readonly StlRobustnessEvaluator hard;
    private readonly StlSmoothRobustness smooth;
    private readonly int n;
    private readonly int m;
    private readonly int s;

    /// <summary>Prepares scoring of <paramref name="horizon"/>-step plans for <paramref name="task"/>.</summary>
    /// <param name="task">The task (dynamics and signals).</param>
    /// <param name="specification">The specification; it may read only the task's signals.</param>
    /// <param name="horizon">Control steps per plan (the trace has horizon + 1 samples).</param>
    /// <param name="temperature">Smooth-robustness temperature τ &gt; 0.</param>
    /// <exception cref="ArgumentException">The specification reads a signal the task does not provide.</exception>
    public StlTrajectoryScorer(IStlTask task, StlSpecification specification, int horizon, double temperature)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(specification);
        if (horizon < 1)
        {
            throw new ArgumentException($"horizon must be >= 1, got {horizon}.", nameof(horizon));
        }

        this.task = task;
        Horizon = horizon;
        n = task.Dynamics.StateSize;
        m = task.Dynamics.InputSize;
        s = task.SignalNames.Count;
        signalIndex = new int[specification.Signals.Count];
        for (int i = 0; i < signalIndex.Length; i++)
        {
            int index = -1;
            for (int j = 0; j < s; j++)
            {
                if (task.SignalNames[j] == specification.Signals[i])
                {
                    index = j;
                }
            }

            signalIndex[i] = index >= 0 ? index : throw new ArgumentException(
                $"{specification.SourceName}: unknown signal '{specification.Signals[i]}'; task '{task.Name}' provides {string.Join(", ", task.SignalNames)}.",
                nameof(specification));
        }

        signals = new double[signalIndex.Length][];
        signalGradients = new double[signalIndex.Length][];
        for (int i = 0; i < signals.Length; i++)
        {
            signals[i] = new double[horizon + 1];
            signalGradients[i] = new double[horizon + 1];
        }

        signalValues = new double[s];
        signalJacobian = new double[s * n];
        jacX = new double[horizon * n * n];
        jacU = new double[horizon * n * m];
        states = new double[(horizon + 1) * n];
        lambda = new double[n];
        lambdaNext = new double[n];
        double dt = task.Dynamics.TimeStep;
        hard = new StlRobustnessEvaluator(specification, dt, horizon + 1);
        smooth = new StlSmoothRobustness(specification, dt, horizon + 1, temperature);
    }

    /// <summary>Control steps per plan.</summary>
    public int Horizon { get; }

    /// <summary>The states of the last rollout, (Horizon + 1) x n row-major.</summary>
    public ReadOnlySpan<double> States => states;

    /// <summary>Rolls <paramref name="controls"/> (Horizon x m) out from <paramref name="initialState"/> into <see cref="States"/>.</summary>
    public void Rollout(ReadOnlySpan<double> initialState, ReadOnlySpan<double> controls)
    {
        initialState[..n].CopyTo(states);
        for (int t = 0; t < Horizon; t++)
        {
            task.Dynamics.Step(states.AsSpan(t * n, n), controls.Slice(t * m, m), states.AsSpan((t + 1) * n, n));
        }
    }

    /// <summary>Hard robustness at time 0 of the trajectory <paramref name="trajectory"/> ((Horizon + 1) x n).</summary>
    public double Hard(ReadOnlySpan<double> trajectory)
    {
        FillSignals(trajectory);
        return hard.Evaluate(signals);
    }

    /// <summary>Smooth robustness at time 0 of <paramref name="trajectory"/> ((Horizon + 1) x n).</summary>
    public double Smooth(ReadOnlySpan<double> trajectory)
    {
        FillSignals(trajectory);
        return smooth.Evaluate(signals);
    }

    /// <summary>Rolls out and returns the hard robustness of the plan.</summary>
    public double HardOfPlan(ReadOnlySpan<double> initialState, ReadOnlySpan<double> controls)
    {
        Rollout(initialState, controls);
        return Hard(states);
    }

    /// <summary>
    /// Rolls out with Jacobians and returns the smooth robustness of the plan and its gradient with respect to every
    /// control (Horizon x m, overwritten).
    /// </summary>
    public double SmoothGradient(ReadOnlySpan<double> initialState, ReadOnlySpan<double> controls, Span<double> controlGradient)
    {
        initialState[..n].CopyTo(states);
        for (int t = 0; t < Horizon; t++)
        {
            task.Dynamics.Jacobians(states.AsSpan(t * n, n), controls.Slice(t * m, m), states.AsSpan((t + 1) * n, n),
                jacX.AsSpan(t * n * n, n * n), jacU.AsSpan(t * n * m, n * m));
        }

        FillSignals(states);
        double rho = smooth.Gradient(signals, signalGradients);
        Array.Clear(lambdaNext);
        for (int t = Horizon; t >= 0; t--)
        {
            // lambda = dρ/dx_t (direct, through the signals) + A_tᵀ lambdaNext
            StateGradient(t, lambda);
            if (t < Horizon)
            {
                ReadOnlySpan<double> a = jacX.AsSpan(t * n * n, n * n);
                ReadOnlySpan<double> b = jacU.AsSpan(t * n * m, n * m);
                for (int j = 0; j < m; j++)
                {
                    double g = 0;
                    for (int i = 0; i < n; i++)
                    {
                        g += b[i * m + j] * lambdaNext[i];
                    }

                    controlGradient[t * m + j] = g;
                }

                for (int j = 0; j < n; j++)
                {
                    double g = 0;
                    for (int i = 0; i < n; i++)
                    {
                        g += a[i * n + j] * lambdaNext[i];
                    }

                    lambda[j] += g;
                }
            }

            lambda.CopyTo(lambdaNext, 0);
        }

        return rho;
    }

    private void StateGradient(int t, double[] into)
    {
        Array.Clear(into);
        task.SignalJacobian(states.AsSpan(t * n, n), signalJacobian);
        for (int i = 0; i < signalIndex.Length; i++)
        {
            double g = signalGradients[i][t];
            if (g == 0)
            {
                continue;
            }

            int row = signalIndex[i] * n;
            for (int j = 0; j < n; j++)
            {
                into[j] += g * signalJacobian[row + j];
            }
        }
    }

    private void FillSignals(ReadOnlySpan<double> trajectory)
    {
        for (int t = 0; t <= Horizon; t++)
        {
            task.Signals(trajectory.Slice(t * n, n), signalValues);
            for (int i = 0; i < signalIndex.Length; i++)
            {
                signals[i][t] = signalValues[signalIndex[i]];
            }
        }
    }
}
