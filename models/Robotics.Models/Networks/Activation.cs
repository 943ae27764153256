namespace Robotics.Models.Networks;

/// <summary>Element-wise activation of a layer.</summary>
public enum Activation
{
    /// <summary>y = z (output layers).</summary>
    Identity,

    /// <summary>y = max(z, 0).</summary>
    Relu,

    /// <summary>y = tanh(z).</summary>
    Tanh,
}
