namespace Robotics.Nodes.Tests.Rigs;

/// <summary>
/// The tests that close a real-time loop over a PTY to <c>rig_emu</c>. They run one at a time and after every parallel
/// collection, alone: on a 2-core machine a CPU-heavy test running beside them (an MPPI node, a training run) stalls the
/// 200 Hz loop for 100 ms and more, which is a property of the test machine, not of the serial stack being measured.
/// </summary>
[CollectionDefinition("serial rig emulator", DisableParallelization = true)]
public sealed class SerialRigEmulatorCollection;
