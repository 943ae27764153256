namespace Robotics.Control.Mip.Networks;

/// <summary>What a hidden neuron of a sparsified network does with its pre-activation a.</summary>
public enum NeuronKind
{
    /// <summary>z = max(0, a): piecewise linear; costs one binary in the MIP unless its bounds make it stable.</summary>
    Relu,

    /// <summary>z = a: linear, never a binary (a ReLU the sparsification replaced by the identity).</summary>
    Identity,
}
