using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// One term of an MPC cost, in the style of Nav2's MPPI critics: it has a name, an enabled flag, a weight and its
/// own parameters, and adds its weighted cost to a batched cost vector.
/// </summary>
/// <remarks>
/// Parameter names are <c>costs.&lt;name&gt;.&lt;parameter&gt;</c>, always including <c>costs.&lt;name&gt;.enabled</c>
/// and <c>costs.&lt;name&gt;.weight</c>. <see cref="Configure"/> runs once per controller (it may allocate and
/// throws <see cref="ArgumentException"/> naming the parameter); <see cref="AddCosts"/> and
/// <see cref="AddGradient"/> run every plan and allocate nothing. A term instance belongs to one controller.
/// </remarks>
public interface ICostTerm
{
    /// <summary>The term's name (lower_snake), e.g. <c>goal</c>.</summary>
    string Name { get; }

    /// <summary>Whether the term contributes (a disabled term is skipped and reports 0).</summary>
    bool Enabled { get; set; }

    /// <summary>The weight multiplying the term's cost (&gt;= 0).</summary>
    double Weight { get; set; }

    /// <summary>The term's parameter descriptors with their full names (<c>costs.&lt;name&gt;.*</c>).</summary>
    IReadOnlyList<ParameterDescriptor> Parameters { get; }

    /// <summary>The current value of one of the term's parameters (full name).</summary>
    ParameterValue GetParameter(string name);

    /// <summary>
    /// Validates and applies a parameter (full name). Before <see cref="Configure"/> any parameter may be set;
    /// afterwards the new value must also fit the configured sizes, else it is rejected and nothing changes.
    /// Call between plans, never during one.
    /// </summary>
    ParameterValidation TrySetParameter(string name, ParameterValue value);

    /// <summary>Checks the parameters against the sizes and preallocates buffers.</summary>
    /// <exception cref="ArgumentException">A parameter does not fit the sizes; the message names it and the fix.</exception>
    void Configure(MpcDimensions dimensions);

    /// <summary>Adds weight x cost of every trajectory in <paramref name="input"/> to <paramref name="costs"/> (length B).</summary>
    void AddCosts(in CostInput input, Span<double> costs);

    /// <summary>
    /// For a single trajectory (batch 1), adds the gradient of weight x cost with respect to the states
    /// ((H + 1) x n) and the controls (H x m) to the spans given.
    /// </summary>
    void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient);
}
