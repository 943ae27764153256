namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// A batch of predicted trajectories handed to the cost terms, stored time-major (structure of arrays over
/// the batch, as a batched model step writes them).
/// </summary>
/// <remarks>
/// <para><see cref="States"/>: (H + 1) x B x n, entry (t, b, i) at <c>(t * B + b) * n + i</c>; row t = 0 is the
/// current state (the same for every sample).</para>
/// <para><see cref="Controls"/>: H x B x m, entry (t, b, j) at <c>(t * B + b) * m + j</c>; control t moves state t to
/// state t + 1.</para>
/// <para><see cref="Reference"/>: (H + 1) x r, the reference (goal) at each plan step, r = observed state size.</para>
/// <para><see cref="PreviousControl"/>: the control applied before this plan (for rate terms).</para>
/// </remarks>
public readonly ref struct CostInput
{
    /// <summary>Creates the view.</summary>
    public CostInput(ReadOnlySpan<double> states, ReadOnlySpan<double> controls, ReadOnlySpan<double> reference,
        ReadOnlySpan<double> previousControl, int batch, int horizon, int stateSize, int inputSize, int referenceSize, double timeStepS)
    {
        States = states;
        Controls = controls;
        Reference = reference;
        PreviousControl = previousControl;
        Batch = batch;
        Horizon = horizon;
        StateSize = stateSize;
        InputSize = inputSize;
        ReferenceSize = referenceSize;
        TimeStepS = timeStepS;
    }

    /// <summary>Predicted states, (H + 1) x B x n, time-major.</summary>
    public ReadOnlySpan<double> States { get; }

    /// <summary>Controls, H x B x m, time-major.</summary>
    public ReadOnlySpan<double> Controls { get; }

    /// <summary>Reference per plan step, (H + 1) x r.</summary>
    public ReadOnlySpan<double> Reference { get; }

    /// <summary>The control applied before this plan, length m.</summary>
    public ReadOnlySpan<double> PreviousControl { get; }

    /// <summary>Number of trajectories B.</summary>
    public int Batch { get; }

    /// <summary>Number of plan steps H.</summary>
    public int Horizon { get; }

    /// <summary>State length n.</summary>
    public int StateSize { get; }

    /// <summary>Input length m.</summary>
    public int InputSize { get; }

    /// <summary>Reference length r (the observed state size).</summary>
    public int ReferenceSize { get; }

    /// <summary>Plan step dt, seconds.</summary>
    public double TimeStepS { get; }

    /// <summary>State of sample <paramref name="b"/> at plan step <paramref name="t"/> (0..H).</summary>
    public ReadOnlySpan<double> State(int t, int b) => States.Slice((t * Batch + b) * StateSize, StateSize);

    /// <summary>Control of sample <paramref name="b"/> at plan step <paramref name="t"/> (0..H-1).</summary>
    public ReadOnlySpan<double> Control(int t, int b) => Controls.Slice((t * Batch + b) * InputSize, InputSize);

    /// <summary>Reference at plan step <paramref name="t"/> (0..H).</summary>
    public ReadOnlySpan<double> ReferenceAt(int t) => Reference.Slice(t * ReferenceSize, ReferenceSize);
}
