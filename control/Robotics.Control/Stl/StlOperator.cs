namespace Robotics.Control.Stl;

/// <summary>The operators of a <see cref="StlFormula"/> node.</summary>
public enum StlOperator
{
    /// <summary>Always true (robustness +infinity).</summary>
    True,

    /// <summary>Always false (robustness -infinity).</summary>
    False,

    /// <summary>A comparison of two arithmetic expressions; robustness is the signed margin.</summary>
    Predicate,

    /// <summary>Negation: robustness -rho.</summary>
    Not,

    /// <summary>Conjunction: min.</summary>
    And,

    /// <summary>Disjunction: max.</summary>
    Or,

    /// <summary>Implication a -&gt; b, i.e. (not a) or b.</summary>
    Implies,

    /// <summary>Equivalence a &lt;-&gt; b, i.e. (a -&gt; b) and (b -&gt; a).</summary>
    Iff,

    /// <summary>Future: holds at every sample of [t+a, t+b].</summary>
    Always,

    /// <summary>Future: holds at some sample of [t+a, t+b].</summary>
    Eventually,

    /// <summary>Past: held at every sample of [t-b, t-a].</summary>
    Historically,

    /// <summary>Past: held at some sample of [t-b, t-a].</summary>
    Once,

    /// <summary>Future: the right side holds at some t' in [t+a, t+b] and the left side at every sample of [t, t'].</summary>
    Until,

    /// <summary>Past: the right side held at some t' in [t-b, t-a] and the left side at every sample of [t', t].</summary>
    Since,
}
