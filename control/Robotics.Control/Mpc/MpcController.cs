using Robotics.Control.Loop;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Core.Time;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mpc;

/// <summary>
/// What the MPCs of this namespace share: the model and its sizes, the plan (H x m controls) with warm start by
/// shifting, the reference over the horizon, control limits, the cost terms and their breakdown, and validated
/// run-time parameter changes. Derived classes implement <see cref="Optimize"/>.
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state: the model's observed state (length n_o = model.StateSize - model.LatentSize);
/// reference: the goal state, same length and order. With a preview <see cref="IReferenceSource"/> (size n_o) the
/// reference at plan step t is preview(now + t dt); without it the reference given to <see cref="Update"/> is held
/// over the horizon. Latent model entries (recurrent models) are carried from the model's own one-step prediction.</para>
/// <para><b>Output.</b> command: the first control of the plan (length m), within the hard limits.</para>
/// <para><b>Per tick.</b> <see cref="Plan"/> optimises the H x m plan starting from the previous plan shifted by
/// round(period / dt) steps (the tail repeats the last control), or from the nominal control; <see cref="Update"/>
/// then applies its first control. Nothing is allocated per tick.</para>
/// <para><b>Status.</b> <see cref="ControllerStatus.Failed"/> (command zeroed, warm start dropped) for wrong span
/// lengths, non-finite inputs or when no sample had a finite cost; <see cref="ControllerStatus.Saturated"/> when the
/// command sits on a hard limit.</para>
/// </remarks>
public abstract class MpcController : IController
{
    private readonly IDynamicsModel _model;
    private readonly ParameterSet _settings;
    private readonly string _prefix;
    private readonly IReferenceSource? _preview;
    private readonly double[] _x0;
    private readonly double[] _latent;
    private readonly double[] _reference;
    private readonly double[] _previous;
    private readonly double[] _nominal;
    private readonly double[] _planStates;
    private readonly double[] _scratch;
    private readonly long _dtNanoseconds;
    private bool _hasPlan;

    /// <summary>Validates the options against the model and preallocates everything.</summary>
    /// <param name="prefix">Parameter prefix (<c>mppi</c>, <c>cem</c>, <c>gradient</c>).</param>
    /// <param name="descriptors">The descriptors of the options (names <c>prefix.*</c>).</param>
    /// <param name="options">The options.</param>
    /// <param name="model">The dynamics model (used only by this controller; one thread).</param>
    /// <param name="costs">The cost terms (instances owned by this controller from now on).</param>
    /// <param name="batchSize">Largest batch the cost terms will see.</param>
    /// <param name="preview">Optional reference preview over the horizon.</param>
    /// <param name="name">Controller name (lower_snake).</param>
    /// <exception cref="ArgumentException">An option is out of range or does not fit the model; the message names the parameter, the value and the allowed range.</exception>
    protected MpcController(string prefix, IReadOnlyList<ParameterDescriptor> descriptors, MpcOptions options, IDynamicsModel model,
        IReadOnlyList<ICostTerm> costs, int batchSize, IReferenceSource? preview, string name)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _prefix = prefix;
        _model = model;
        _settings = new ParameterSet(descriptors);
        options.WriteTo(_settings, prefix);

        N = model.StateSize;
        M = model.InputSize;
        ObservedSize = model.StateSize - model.LatentSize;
        if (N <= 0 || M <= 0 || ObservedSize <= 0 || !(model.TimeStep > 0))
        {
            throw new ArgumentException($"The model must have states, inputs, observed states and a time step > 0; it has {N} states ({model.LatentSize} latent), {M} inputs and dt {model.TimeStep} s.", nameof(model));
        }

        double dt = options.TimeStepS;
        StepsPerInterval = 1;
        if (dt == 0)
        {
            dt = model.TimeStep;
        }
        else
        {
            double ratio = dt / model.TimeStep;
            int k = (int)Math.Round(ratio);
            if (k < 1 || Math.Abs(ratio - k) > 1e-9 * Math.Max(1.0, ratio))
            {
                throw new ArgumentException(
                    $"Parameter '{prefix}.dt_s' = {dt} s is not a positive integer multiple of the model's time step {model.TimeStep} s; use 0 (the model's step) or k x {model.TimeStep} s.");
            }

            StepsPerInterval = k;
        }

        TimeStepS = dt;
        _dtNanoseconds = (long)Math.Round(dt * 1e9);
        Horizon = options.Horizon;
        long modelSteps = (long)Horizon * StepsPerInterval;
        if (options.ModelHorizonLimit > 0 && modelSteps > options.ModelHorizonLimit)
        {
            int maxHorizon = options.ModelHorizonLimit / StepsPerInterval;
            throw new ArgumentException(
                $"Parameter '{prefix}.horizon' = {Horizon} ({modelSteps} model steps of {model.TimeStep} s) is longer than the model supports " +
                $"('{prefix}.model_horizon_limit' = {options.ModelHorizonLimit} model steps); allowed range is [1, {maxHorizon}]: shorten the horizon or use a model validated for longer rollouts.");
        }

        if (preview is not null && preview.Size != ObservedSize)
        {
            throw new ArgumentException($"The reference preview has size {preview.Size}; the controller needs the model's {ObservedSize} observed states ({string.Join(", ", model.StateNames)}).", nameof(preview));
        }

        _preview = preview;
        Name = name;
        Costs = new MpcCostSet(costs);
        Dimensions = new MpcDimensions(N, ObservedSize, M, Horizon, Math.Max(1, batchSize), TimeStepS, model.StateNames, model.InputNames);
        Costs.Configure(Dimensions);

        _x0 = new double[N];
        _latent = new double[N - ObservedSize];
        _reference = new double[(Horizon + 1) * ObservedSize];
        _previous = new double[M];
        _nominal = new double[Horizon * M];
        _planStates = new double[(Horizon + 1) * N];
        _scratch = new double[N];
        ControlMin = new double[M];
        ControlMax = new double[M];
        NominalControl = new double[M];
        ReadCommonSettings();
        NominalControl.CopyTo(_previous, 0);
        ParameterDescriptors = [.. descriptors, .. Costs.Parameters];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize => ObservedSize;

    /// <inheritdoc />
    public int ReferenceSize => ObservedSize;

    /// <inheritdoc />
    public int CommandSize => M;

    /// <summary>The dynamics model.</summary>
    public IDynamicsModel Model => _model;

    /// <summary>Plan steps H.</summary>
    public int Horizon { get; }

    /// <summary>Plan step dt, seconds.</summary>
    public double TimeStepS { get; }

    /// <summary>Model steps per plan step (dt / model dt).</summary>
    public int StepsPerInterval { get; }

    /// <summary>The sizes the cost terms were configured with.</summary>
    public MpcDimensions Dimensions { get; }

    /// <summary>The cost terms.</summary>
    public MpcCostSet Costs { get; }

    /// <summary>The chosen plan's cost split into its terms (after the last <see cref="Plan"/>).</summary>
    public CostBreakdown Breakdown => Costs.Breakdown;

    /// <summary>Total cost of the chosen plan (after the last <see cref="Plan"/>).</summary>
    public double PlanCost => Costs.Breakdown.Total;

    /// <summary>The plan, H x m row-major (after <see cref="Update"/> it is already shifted for the next tick).</summary>
    public ReadOnlySpan<double> PlannedControls => _nominal;

    /// <summary>The model's prediction along the chosen plan, (H + 1) x n row-major (row 0 = current state).</summary>
    public ReadOnlySpan<double> PredictedStates => _planStates;

    /// <summary>The reference over the horizon used by the last plan, (H + 1) x n_o.</summary>
    public ReadOnlySpan<double> ReferenceTrajectory => _reference;

    /// <summary>Every parameter of this controller: its settings (<c>prefix.*</c>) and its cost terms (<c>costs.*</c>).</summary>
    public IReadOnlyList<ParameterDescriptor> ParameterDescriptors { get; }

    /// <summary>Model state size n (observed + latent).</summary>
    protected int N { get; }

    /// <summary>Observed state size n_o.</summary>
    protected int ObservedSize { get; }

    /// <summary>Input size m.</summary>
    protected int M { get; }

    /// <summary>Hard lower limits per input (-inf = none).</summary>
    protected double[] ControlMin { get; }

    /// <summary>Hard upper limits per input (+inf = none).</summary>
    protected double[] ControlMax { get; }

    /// <summary>Nominal control per input.</summary>
    protected double[] NominalControl { get; }

    /// <summary>Whether plans start from the shifted previous plan.</summary>
    protected bool WarmStart { get; private set; }

    /// <summary>The settings (options) as a validated parameter set.</summary>
    protected ParameterSet Settings => _settings;

    /// <summary>The parameter prefix.</summary>
    protected string Prefix => _prefix;

    /// <summary>The plan being optimised (H x m); derived classes update it in place.</summary>
    protected Span<double> NominalPlan => _nominal;

    /// <summary>The control applied before this plan.</summary>
    protected ReadOnlySpan<double> PreviousControl => _previous;

    /// <summary>The start state of the plan (length n).</summary>
    protected ReadOnlySpan<double> InitialState => _x0;

    /// <summary>The reference over the horizon, (H + 1) x n_o.</summary>
    protected ReadOnlySpan<double> ReferenceRows => _reference;

    /// <summary>The current value of a setting or cost parameter.</summary>
    /// <exception cref="KeyNotFoundException">Unknown name.</exception>
    public ParameterValue GetParameter(string name) => Costs.Contains(name) ? Costs.Get(name) : _settings.Get(name);

    /// <summary>
    /// Validates and applies a parameter at run time (call between ticks). Read-only settings (batch size, horizon,
    /// dt, model horizon limit) are refused; a value that is valid on its own but inconsistent with the rest
    /// (e.g. control_min above control_max) is refused and nothing changes.
    /// </summary>
    public ParameterValidation TrySetParameter(string name, ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("costs.", StringComparison.Ordinal)) return Costs.TrySet(name, value);
        if (!_settings.Contains(name))
        {
            return ParameterValidation.Invalid(null, value,
                $"unknown parameter '{name}' for controller '{Name}'; known: {string.Join(", ", ParameterDescriptors.Select(d => d.Name))}");
        }

        var old = _settings.Get(name);
        var check = _settings.TrySet(name, value, initial: false);
        if (!check.IsValid) return check;
        try
        {
            ApplySettings();
        }
        catch (ArgumentException e)
        {
            _settings.Set(name, old);
            ApplySettings();
            return ParameterValidation.Invalid(_settings.GetDescriptor(name), value, e.Message);
        }

        return check;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _hasPlan = false;
        NominalControl.CopyTo(_previous, 0);
        Array.Clear(_latent);
        OnReset();
    }

    /// <summary>
    /// Replaces the warm start of the next <see cref="Plan"/> with <paramref name="plan"/> (H x m, time-major),
    /// clamped to the control limits: lets a caller that refined or replaced the plan (an STL gradient step, a risk
    /// check's replan) hand its plan back, so sampling continues around what was applied rather than around the
    /// discarded plan. Ignored when warm start is off. Returns false, changing nothing, when the length is not
    /// <c>Horizon * CommandSize</c> or a value is not finite. Allocation-free.
    /// </summary>
    public bool SeedPlan(ReadOnlySpan<double> plan)
    {
        if (plan.Length != _nominal.Length) return false;
        for (int i = 0; i < plan.Length; i++)
        {
            if (!double.IsFinite(plan[i])) return false;
        }

        for (int i = 0; i < plan.Length; i++)
        {
            int j = i % M;
            _nominal[i] = Math.Clamp(plan[i], ControlMin[j], ControlMax[j]);
        }

        _hasPlan = true;
        return true;
    }

    /// <summary>
    /// Plans from <paramref name="state"/> at <paramref name="now"/> toward <paramref name="reference"/>, filling
    /// <see cref="PlannedControls"/>, <see cref="PredictedStates"/> and <see cref="Breakdown"/>; does not shift the plan.
    /// </summary>
    public ControllerStatus Plan(SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference)
    {
        if (state.Length != ObservedSize || reference.Length != ObservedSize) return ControllerStatus.Failed;
        for (int i = 0; i < ObservedSize; i++)
        {
            if (!double.IsFinite(state[i]) || !double.IsFinite(reference[i])) return ControllerStatus.Failed;
        }

        state.CopyTo(_x0);
        _latent.CopyTo(_x0.AsSpan(ObservedSize));
        for (int t = 0; t <= Horizon; t++)
        {
            var row = _reference.AsSpan(t * ObservedSize, ObservedSize);
            if (_preview is null)
            {
                reference.CopyTo(row);
            }
            else
            {
                _preview.Evaluate(now + SimTime.FromNanoseconds(_dtNanoseconds * t), row);
            }
        }

        if (!_hasPlan || !WarmStart)
        {
            for (int t = 0; t < Horizon; t++) NominalControl.CopyTo(_nominal, t * M);
        }

        bool ok = Optimize();
        Rollout(_nominal, _planStates, 1, _scratch);
        var single = new CostInput(_planStates, _nominal, _reference, _previous, 1, Horizon, N, M, ObservedSize, TimeStepS);
        double cost = Costs.EvaluateBreakdown(single);
        _hasPlan = ok;
        return ok && double.IsFinite(cost) ? ControllerStatus.Ok : ControllerStatus.Failed;
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length != M) return ControllerStatus.Failed;
        var status = Plan(now, state, reference);
        if (status == ControllerStatus.Failed)
        {
            command.Clear();
            _hasPlan = false;
            return status;
        }

        bool saturated = false;
        for (int j = 0; j < M; j++)
        {
            double u = _nominal[j];
            command[j] = u;
            _previous[j] = u;
            if (u <= ControlMin[j] || u >= ControlMax[j]) saturated = true;
        }

        if (_latent.Length > 0)
        {
            _x0.CopyTo(_scratch, 0);
            for (int k = 0; k < StepsPerInterval; k++) _model.Step(_scratch, command, _scratch);
            _scratch.AsSpan(ObservedSize).CopyTo(_latent);
        }

        int shift = period.Nanoseconds > 0 ? (int)Math.Max(1, Math.Round(period.Seconds / TimeStepS)) : 1;
        Shift(shift);
        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }

    /// <summary>
    /// Improves <see cref="NominalPlan"/> in place (it holds the warm start on entry) for the start state
    /// <see cref="InitialState"/> and the reference <see cref="ReferenceRows"/>. Returns false when no valid plan was
    /// found. Must not allocate.
    /// </summary>
    protected abstract bool Optimize();

    /// <summary>Called by <see cref="Reset"/> (e.g. to restart the noise stream).</summary>
    protected virtual void OnReset()
    {
    }

    /// <summary>
    /// Re-reads the settings after a change (and once at construction, from the derived constructor via
    /// <see cref="ReadCommonSettings"/>). Overrides call the base and read their own settings; throw
    /// <see cref="ArgumentException"/> naming the parameter when values are inconsistent.
    /// </summary>
    protected virtual void ApplySettings() => ReadCommonSettings();

    /// <summary>
    /// Rolls <paramref name="batch"/> control sequences (H x B x m, time-major) out from <see cref="InitialState"/> into
    /// <paramref name="states"/> ((H + 1) x B x n) with batched model steps; <paramref name="scratch"/> holds B x n.
    /// </summary>
    protected void Rollout(ReadOnlySpan<double> controls, Span<double> states, int batch, Span<double> scratch)
    {
        int n = N, m = M;
        for (int b = 0; b < batch; b++) _x0.CopyTo(states.Slice(b * n, n));
        for (int t = 0; t < Horizon; t++)
        {
            var x = states.Slice(t * batch * n, batch * n);
            var u = controls.Slice(t * batch * m, batch * m);
            var next = states.Slice((t + 1) * batch * n, batch * n);
            _model.StepBatch(x, u, next, batch);
            for (int k = 1; k < StepsPerInterval; k++)
            {
                _model.StepBatch(next, u, scratch[..(batch * n)], batch);
                scratch[..(batch * n)].CopyTo(next);
            }
        }
    }

    /// <summary>Clamps every control of a plan (H x m) to the hard limits.</summary>
    protected void ClampPlan(Span<double> plan)
    {
        for (int k = 0; k < plan.Length; k++)
        {
            int j = k % M;
            plan[k] = Math.Clamp(plan[k], ControlMin[j], ControlMax[j]);
        }
    }

    /// <summary>Reads the shared dynamic settings (limits, nominal control, warm start) and checks their consistency.</summary>
    protected void ReadCommonSettings()
    {
        string inputs = string.Join(", ", _model.InputNames);
        Expand($"{_prefix}.control_min", double.NegativeInfinity, inputs).CopyTo(ControlMin, 0);
        Expand($"{_prefix}.control_max", double.PositiveInfinity, inputs).CopyTo(ControlMax, 0);
        for (int j = 0; j < M; j++)
        {
            if (!(ControlMin[j] <= ControlMax[j]))
            {
                throw new ArgumentException($"Parameter '{_prefix}.control_min'[{j}] = {ControlMin[j]} must be <= '{_prefix}.control_max'[{j}] = {ControlMax[j]}; swap or widen the limits.");
            }
        }

        var nominal = Expand($"{_prefix}.nominal_control", 0.0, inputs);
        for (int j = 0; j < M; j++) NominalControl[j] = Math.Clamp(nominal[j], ControlMin[j], ControlMax[j]);
        WarmStart = _settings.GetBool($"{_prefix}.warm_start");
    }

    /// <summary>Expands an array setting: empty = <paramref name="fill"/>, one value = every input, m values = per input.</summary>
    /// <exception cref="ArgumentException">Any other length; the message names the parameter.</exception>
    protected double[] Expand(string name, double fill, string inputs)
    {
        var values = _settings.GetDoubleArray(name);
        var result = new double[M];
        if (values.Length == 0) Array.Fill(result, fill);
        else if (values.Length == 1) Array.Fill(result, values[0]);
        else if (values.Length == M) values.CopyTo(result);
        else
        {
            throw new ArgumentException($"Parameter '{name}' has {values.Length} values; give none, one (every input) or {M} (one per input: {inputs}).");
        }

        return result;
    }

    private void Shift(int steps)
    {
        if (steps >= Horizon)
        {
            var last = _nominal.AsSpan((Horizon - 1) * M, M);
            for (int t = 0; t < Horizon - 1; t++) last.CopyTo(_nominal.AsSpan(t * M, M));
            return;
        }

        _nominal.AsSpan(steps * M).CopyTo(_nominal);
        for (int t = Horizon - steps; t < Horizon; t++)
        {
            _nominal.AsSpan((Horizon - steps - 1) * M, M).CopyTo(_nominal.AsSpan(t * M, M));
        }
    }
}
