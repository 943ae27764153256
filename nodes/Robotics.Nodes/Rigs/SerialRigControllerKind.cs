namespace Robotics.Nodes.Rigs;

/// <summary>The controller of a rig figure-eight run.</summary>
public enum SerialRigControllerKind
{
    /// <summary>PI through the rig's inverse kinematics with feed-forward (<see cref="Robotics.Control.Npc.Rigs.RigInversePidController"/>).</summary>
    Pid,

    /// <summary>The Newton-Raphson NPC on the analytic lag model (<see cref="Robotics.Control.Npc.Rigs.RigLagPredictor"/>).</summary>
    Npc,
}
