namespace Robotics.Control.Npc;

/// <summary>
/// A one-step NARX predictor y_(k+1) = f([u_k .. u_(k-nd+1)], [y_k .. y_(k-dd+1)]), the model form of the
/// Newton-Raphson neural predictive controller (nlsoft <c>recursive_model.py</c>). Implementations must not
/// allocate in <see cref="Predict"/>.
/// </summary>
public interface INarxPredictor
{
    /// <summary>Number of actuator inputs m.</summary>
    int InputSize { get; }

    /// <summary>Number of predicted outputs n.</summary>
    int OutputSize { get; }

    /// <summary>Input delays nd &gt;= 1 (u_k is always the first block).</summary>
    int InputDelays { get; }

    /// <summary>Output delays dd &gt;= 1.</summary>
    int OutputDelays { get; }

    /// <summary>Predicts y_(k+1).</summary>
    /// <param name="inputHistory">nd blocks of m values, newest first: [u_k, u_(k-1), ...].</param>
    /// <param name="outputHistory">dd blocks of n values, newest first: [y_k, y_(k-1), ...].</param>
    /// <param name="next">Output, n values.</param>
    void Predict(ReadOnlySpan<double> inputHistory, ReadOnlySpan<double> outputHistory, Span<double> next);
}
