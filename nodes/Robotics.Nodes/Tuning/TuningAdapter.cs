using Robotics.Control.Tuning;
using Serilog;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// MPCxLLM: turns an instruction and a summary of recent behaviour into a checked parameter proposal. It builds the
/// prompt (rules, the whitelisted parameters with ranges, retrieved hints, the fenced instruction), asks the model
/// through <see cref="ResilientLanguageModel"/>, reads the reply and validates it against the <see cref="TuningPolicy"/>.
/// It never applies anything itself: the node applies an accepted decision at a tick boundary through the same
/// validated parameter path a human's <c>ros2 param set</c> uses. Every proposal, rationale and decision is logged.
/// </summary>
public sealed class TuningAdapter
{
    private readonly ResilientLanguageModel model;
    private readonly TuningMemory memory;
    private readonly string controllerDescription;
    private readonly ILogger logger;

    /// <summary>Creates the adapter.</summary>
    /// <param name="model">The model (possibly unconfigured: then every call is "no change").</param>
    /// <param name="policy">What may be tuned.</param>
    /// <param name="memory">Tuning hints retrieved into the prompt.</param>
    /// <param name="controllerDescription">What the controller and its cost terms do, for the prompt.</param>
    /// <param name="logger">Structured log of proposals and decisions.</param>
    public TuningAdapter(ResilientLanguageModel model, TuningPolicy policy, TuningMemory memory, string controllerDescription, ILogger logger)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        this.memory = memory ?? throw new ArgumentNullException(nameof(memory));
        this.controllerDescription = controllerDescription ?? "";
        this.logger = (logger ?? throw new ArgumentNullException(nameof(logger))).ForContext<TuningAdapter>();
    }

    /// <summary>The policy.</summary>
    public TuningPolicy Policy { get; }

    /// <summary>Hints retrieved per instruction (default 2, as the paper's main loop).</summary>
    public int HintCount { get; init; } = 2;

    /// <summary>Asks for and checks a proposal.</summary>
    /// <param name="instruction">The operator's instruction.</param>
    /// <param name="stateSummary">Recent behaviour, compactly.</param>
    /// <param name="cancellationToken">Cancels on shutdown.</param>
    /// <returns>The outcome (not applied).</returns>
    public async Task<TuningOutcome> ProposeAsync(string instruction, string stateSummary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var hints = memory.Retrieve(instruction, HintCount);
        var reply = await model.AskAsync(TuningPrompt.System(Policy, controllerDescription), TuningPrompt.User(instruction, stateSummary ?? "", hints), cancellationToken)
            .ConfigureAwait(false);
        if (reply.Status != LanguageModelCallStatus.Ok)
        {
            string why = $"no change: language model {reply.Status}: {reply.Detail}";
            logger.Warning("Tuning {Instruction}: {Summary}", instruction, why);
            return new TuningOutcome(instruction, reply, null, why);
        }

        if (!TuningReplyParser.TryParse(reply.Text, out var proposal, out string error))
        {
            string why = $"proposal rejected, nothing changed: {error}";
            logger.Warning("Tuning {Instruction}: {Summary}; reply length {Length}", instruction, why, reply.Text.Length);
            return new TuningOutcome(instruction, reply, null, why);
        }

        var decision = TuningValidator.Validate(proposal!, Policy);
        logger.Information("Tuning {Instruction}: proposed {@Proposal}, rationale {Rationale}: {Summary}",
            instruction, proposal!.Values.Select(v => $"{v.Key}={v.Value}").ToArray(), decision.Rationale, decision.Summary);
        foreach (var item in decision.Items)
        {
            if (item.Outcome != TuningItemOutcome.Accepted)
            {
                logger.Information("Tuning {Parameter} {Outcome}: {Reason}", item.Name, item.Outcome, item.Reason);
            }
        }

        return new TuningOutcome(instruction, reply, decision, decision.Summary);
    }
}
