using System.Text.Json;
using Robotics.Control.Tuning;
using Robotics.Core.Parameters;
using Serilog;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// MPCxLLM: takes an instruction and a state summary, asks the model through <see cref="TuningAdapter"/>, and applies an
/// accepted proposal all-or-nothing through an <see cref="ITuningTarget"/> (for a node: its validated parameter path,
/// effective at the next tick boundary). Keeps the previous values for <see cref="Rollback"/>. Every proposal,
/// rationale and decision is logged (Serilog, structured) and raised as one JSON line on <see cref="Published"/>.
/// </summary>
public sealed class TuningSession
{
    private readonly ResilientLanguageModel _model;
    private readonly ITuningTarget _target;
    private readonly TuningMemory _memory;
    private readonly string _description;
    private readonly IReadOnlyList<TunableParameter> _tunable;
    private readonly ILogger _logger;
    private readonly Stack<KeyValuePair<string, double>[]> _history = new();
    private readonly Lock _gate = new();

    /// <summary>Creates the session.</summary>
    public TuningSession(ResilientLanguageModel model, ITuningTarget target, TuningMemory memory, string controllerDescription,
        IReadOnlyList<TunableParameter> tunable, ILogger logger)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _target = target ?? throw new ArgumentNullException(nameof(target));
        _memory = memory ?? throw new ArgumentNullException(nameof(memory));
        _description = controllerDescription ?? "";
        _tunable = tunable ?? throw new ArgumentNullException(nameof(tunable));
        _logger = (logger ?? throw new ArgumentNullException(nameof(logger))).ForContext<TuningSession>();
    }

    /// <summary>Raised with one JSON object per decision or rollback (the node publishes it on <c>~/tuning_decisions</c>).</summary>
    public event Action<string>? Published;

    /// <summary>Number of applied proposals that can be rolled back.</summary>
    public int HistoryDepth
    {
        get
        {
            lock (_gate) return _history.Count;
        }
    }

    /// <summary>Whether a language model is configured.</summary>
    public bool IsConfigured => _model.IsConfigured;

    /// <summary>Asks the model for new values for <paramref name="instruction"/> and applies an accepted proposal all at once.</summary>
    public async Task<TuningSessionResult> TuneAsync(string instruction, string stateSummary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var snapshot = _target.Snapshot();
        var adapter = new TuningAdapter(_model, new TuningPolicy(snapshot, _tunable), _memory, _description, _logger);
        var outcome = await adapter.ProposeAsync(instruction, stateSummary ?? "", cancellationToken).ConfigureAwait(false);
        bool applied = false;
        string detail = outcome.Summary;
        KeyValuePair<string, double>[] changes = [];
        if (outcome.CanApply)
        {
            changes = outcome.Decision!.Changes.ToArray();
            var previous = changes.Select(c => KeyValuePair.Create(c.Key, snapshot.GetDouble(c.Key))).ToArray();
            if (changes.Length == 0)
            {
                detail = "accepted, but every value equals the current one: nothing to change";
            }
            else if (_target.TryApplyAll(changes, out string error))
            {
                applied = true;
                lock (_gate) _history.Push(previous);
                detail = $"applied {string.Join(", ", changes.Select(c => $"{c.Key}={c.Value:G6}"))}; {outcome.Summary}";
            }
            else
            {
                detail = $"refused by the parameter path, nothing changed: {error}";
                changes = [];
            }
        }

        _logger.Information("Tuning decision for {Instruction}: applied {Applied}, changes {@Changes}, rationale {Rationale}: {Detail}",
            instruction, applied, changes.Select(c => $"{c.Key}={c.Value:G6}").ToArray(), outcome.Decision?.Rationale ?? "", detail);
        Publish(new
        {
            kind = "proposal",
            instruction,
            model_status = outcome.Reply.Status.ToString(),
            proposal = outcome.Decision?.Items.Select(i => new { name = i.Name, proposed = i.Proposed, current = i.Current, applied = i.Applied, outcome = i.Outcome.ToString(), reason = i.Reason }).ToArray(),
            rationale = outcome.Decision?.Rationale ?? "",
            accepted = outcome.CanApply,
            applied,
            detail,
        });
        return new TuningSessionResult(outcome, applied, detail, changes);
    }

    /// <summary>Restores the values changed by the last applied proposal (through the same parameter path).</summary>
    public bool Rollback(out string detail)
    {
        KeyValuePair<string, double>[]? previous;
        lock (_gate)
        {
            if (!_history.TryPop(out previous)) previous = null;
        }

        if (previous is null)
        {
            detail = "nothing to roll back";
        }
        else if (_target.TryApplyAll(previous, out string error))
        {
            detail = $"rolled back to {string.Join(", ", previous.Select(c => $"{c.Key}={c.Value:G6}"))}";
        }
        else
        {
            lock (_gate) _history.Push(previous);
            detail = $"rollback refused by the parameter path: {error}";
            previous = null;
        }

        _logger.Information("Tuning rollback: {Detail}", detail);
        Publish(new { kind = "rollback", applied = previous is not null, detail });
        return previous is not null;
    }

    // Rejected items can carry NaN/infinite numbers (an unknown name has no current value; the model may send NaN).
    private static readonly JsonSerializerOptions s_json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private void Publish(object record) => Published?.Invoke(JsonSerializer.Serialize(record, s_json));
}
