using Robotics.Models.Dynamics;

namespace Robotics.Control.Npc;

/// <summary>
/// A state-space dynamics model x_(k+1) = f(x_k, u_k) (e.g. a learned MLP artifact) seen as a NARX predictor with
/// nd = dd = 1 and the measured outputs equal to the full state.
/// </summary>
public sealed class DynamicsModelPredictor : INarxPredictor
{
    private readonly IDynamicsModel _model;

    /// <summary>Wraps <paramref name="model"/> (which must be stateless: <see cref="IDynamicsModel.LatentSize"/> = 0).</summary>
    /// <exception cref="ArgumentException">The model keeps a latent state.</exception>
    public DynamicsModelPredictor(IDynamicsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.LatentSize != 0)
        {
            throw new ArgumentException($"DynamicsModelPredictor: the model has a latent state of {model.LatentSize}; use a feed-forward (MLP/analytic) model.", nameof(model));
        }

        _model = model;
    }

    /// <inheritdoc />
    public int InputSize => _model.InputSize;

    /// <inheritdoc />
    public int OutputSize => _model.StateSize;

    /// <inheritdoc />
    public int InputDelays => 1;

    /// <inheritdoc />
    public int OutputDelays => 1;

    /// <summary>The model's time step, s.</summary>
    public double TimeStep => _model.TimeStep;

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> inputHistory, ReadOnlySpan<double> outputHistory, Span<double> next) =>
        _model.Step(outputHistory[..OutputSize], inputHistory[..InputSize], next);
}
