namespace Robotics.Control.Mip.Planning;

/// <summary>How <see cref="MipMpcPlanner"/> bounds the ReLU pre-activations (the big-M constants).</summary>
public enum MipBoundTightening
{
    /// <summary>Zonotopes intersected with intervals over the horizon (<see cref="Networks.FoldedReluNetwork.PropagateHorizon"/>) only.</summary>
    Propagation,

    /// <summary>Those bounds, then tightened by two LPs per uncertain ReLU and step (<see cref="Bounds.LpBoundTightener"/>).</summary>
    Lp,
}
