using Robotics.Control.Racing;
using Robotics.Control.Tuning;
using Robotics.Nodes.Parameters;
using Robotics.Nodes.Tuning;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Nodes.Racing;

/// <summary>
/// The tuning adapter inside the racing node's process (MPCxLLM + DecisionxLLM). Subscribes to <c>~/instruction</c>
/// (std_msgs/String: the operator's instruction; the text <c>rollback</c> rolls back) and <c>~/tuning_rollback</c>,
/// publishes every decision as JSON on <c>~/tuning_decisions</c>. Model calls run on the thread pool, never on the loop
/// thread; accepted values go through the node's validated parameter path and take effect at the next tick boundary.
/// </summary>
public sealed class RacingTuningComponent : IDisposable
{
    private readonly RacingStateObserver _observer;
    private readonly ResilientLanguageModel _model;
    private readonly DecisionAdvisor _advisor;
    private readonly Publisher<RosString> _decisions;
    private readonly Subscription<RosString> _instructions, _rollback;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private int _inFlight;
    private string _standing = "";

    /// <summary>Creates the component on <paramref name="node"/>.</summary>
    public RacingTuningComponent(Node node, NodeParameters parameters, RacingStateObserver observer, ResilientLanguageModel model,
        TimeProvider clock, double decisionPeriodS, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(parameters);
        _observer = observer ?? throw new ArgumentNullException(nameof(observer));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _logger = (logger ?? throw new ArgumentNullException(nameof(logger))).ForContext<RacingTuningComponent>();
        var memory = new TuningMemory(RacingTuning.DefaultHints);
        Session = new TuningSession(model, new NodeParametersTuningTarget(parameters, RacingMpcController.TunableNames), memory,
            RacingTuning.ControllerDescription, RacingTuning.Tunable, logger);
        _advisor = new DecisionAdvisor(model, memory, logger);
        _decisions = node.CreatePublisher<RosString>("~/tuning_decisions", 10);
        Session.Published += json => _decisions.Publish(new RosString { Data = json });
        _instructions = node.CreateSubscription<RosString>("~/instruction", m => Instruct(m.Data), QosProfile.Default);
        _rollback = node.CreateSubscription<RosString>("~/tuning_rollback", m => Session.Rollback(out string _), QosProfile.Default);
        if (!model.IsConfigured)
        {
            _logger.Warning("Tuning adapter: no language model is configured (llm.endpoint is empty); instructions are answered 'no change' and the controller runs on its parameters");
        }

        if (decisionPeriodS > 0) _ = Task.Run(() => DecisionLoopAsync(TimeSpan.FromSeconds(decisionPeriodS), clock));
    }

    /// <summary>The MPCxLLM session (decisions, rollback).</summary>
    public TuningSession Session { get; }

    /// <summary>The standing instruction (last one given).</summary>
    public string StandingInstruction => Volatile.Read(ref _standing);

    /// <summary>The last tuning task started (for tests and the CLI).</summary>
    public Task<TuningSessionResult?> LastTask { get; private set; } = Task.FromResult<TuningSessionResult?>(null);

    /// <summary>
    /// Handles an instruction as the topic does: "rollback" rolls back; anything else starts a tuning request on the thread
    /// pool unless one is in flight (then it is refused with a published diagnostic). Returns immediately.
    /// </summary>
    public Task<TuningSessionResult?> Instruct(string instruction)
    {
        instruction = (instruction ?? "").Trim();
        if (instruction.Equals("rollback", StringComparison.OrdinalIgnoreCase))
        {
            Session.Rollback(out _);
            return Task.FromResult<TuningSessionResult?>(null);
        }

        if (instruction.Length == 0) return Task.FromResult<TuningSessionResult?>(null);
        if (Interlocked.CompareExchange(ref _inFlight, 1, 0) != 0)
        {
            _logger.Warning("Tuning instruction {Instruction} refused: a tuning request is already in flight", instruction);
            _decisions.Publish(new RosString { Data = System.Text.Json.JsonSerializer.Serialize(new { kind = "busy", instruction, applied = false }) });
            return Task.FromResult<TuningSessionResult?>(null);
        }

        Volatile.Write(ref _standing, instruction);
        string summary = _observer.Summary();
        LastTask = Task.Run(async () =>
        {
            try
            {
                return (TuningSessionResult?)await Session.TuneAsync(instruction, summary, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            finally
            {
                Volatile.Write(ref _inFlight, 0);
            }
        });
        return LastTask;
    }

    /// <summary>One DecisionxLLM check of the standing instruction; a "change" starts a tuning request.</summary>
    public async Task<BehaviourDecision?> CheckOnceAsync(CancellationToken cancellationToken)
    {
        string standing = StandingInstruction;
        if (standing.Length == 0 || Volatile.Read(ref _inFlight) != 0) return null;
        var decision = await _advisor.CheckAsync(standing, _observer.Summary(), cancellationToken).ConfigureAwait(false);
        _decisions.Publish(new RosString
        {
            Data = System.Text.Json.JsonSerializer.Serialize(new { kind = "decision", instruction = standing, change = decision.Change, new_instruction = decision.NewInstruction, detail = decision.Detail }),
        });
        if (decision.Change)
        {
            var task = Instruct(decision.NewInstruction);
            await task.ConfigureAwait(false);
            Volatile.Write(ref _standing, standing); // the operator's instruction stays the standing one
        }

        return decision;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _instructions.Dispose();
        _rollback.Dispose();
        _decisions.Dispose();
        _model.Dispose();
        _stop.Dispose();
    }

    private async Task DecisionLoopAsync(TimeSpan period, TimeProvider clock)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, _stop.Token).ConfigureAwait(false);
                await CheckOnceAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.Warning(e, "Decision check failed; continuing");
            }
        }
    }
}
