namespace Robotics.Control.Tuning;

/// <summary>A parameter a language model may propose values for, and how far one proposal may move it.</summary>
/// <param name="Name">The parameter's name in the controller's parameter set.</param>
/// <param name="MaxStepChange">The largest change one proposal may make (absolute, in the parameter's unit; &gt; 0).</param>
public sealed record TunableParameter(string Name, double MaxStepChange);
