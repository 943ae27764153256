using Robotics.Core.Time;
using Robotics.Control.Loop;
using Robotics.Drivers.Hardware;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Lifecycle;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Robotics.Ros.Interfaces.LifecycleMsgs;
using Robotics.Ros.Interfaces.RclInterfaces;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Robotics.Sim.Hardware;

namespace Robotics.Nodes.Tests.Hosting;

public sealed class ManagedControlNodeTests : IDisposable
{
    // Mass-spring-damper k = 20 N/m, m = 1 kg under PD control (kp = 50, kd = 10) towards r = 0.1 m.
    // At rest: k x = kp (r - x)  =>  x = kp r / (k + kp). Closed loop x'' = -(k + kp) x - (c + kd) x' + kp r:
    // wn = sqrt(70) = 8.37 rad/s, zeta = 10.4 / (2 wn) = 0.62, so 5 s is ~26 time constants: at rest to < 1e-9.
    private const double K = 20, Kp = 50, R = 0.1;
    private readonly HostHarness _h = new();
    private readonly string _paramsFile = Path.Combine(Path.GetTempPath(), $"hnodes-{Guid.NewGuid():N}.yaml");

    public ManagedControlNodeTests()
    {
        File.WriteAllText(_paramsFile, $$"""
            /**:
              ros__parameters:
                use_sim_time: false
            /rig/msd:
              ros__parameters:
                rate_hz: 100.0
                plant: {stiffness_n_m: {{K}}, damping_n_s_m: 0.4, mass_kg: 1.0}
                controller: {kp: {{Kp}}, kd: 10.0}
                reference:
                  values: [{{R}}]
            """);
    }

    public void Dispose()
    {
        _h.Dispose();
        File.Delete(_paramsFile);
    }

    private ManagedControlNode CreateRig(params string[] extra) =>
        new(_h.Context, ["--ros-args", "-r", "__node:=msd", "-r", "__ns:=/rig", "--params-file", _paramsFile, "-p", "autostart:=false", .. extra],
            SimRigNodeExecutable.Definition);

    private void Run(ManagedControlNode node, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            node.TickOnce();
            _h.Clock.Advance(node.Period);
        }
    }

    private Client<ChangeStateRequest, ChangeStateResponse> ChangeStateClient() =>
        _h.Tester.CreateClient<ChangeStateRequest, ChangeStateResponse>("/rig/msd/change_state");

    private static bool Change(ManagedControlNode node, Client<ChangeStateRequest, ChangeStateResponse> c, byte id) =>
        HostHarness.Call(node, c, new ChangeStateRequest { Transition = new Transition { Id = id } }).Success;

    [Fact]
    public void LifecycleServices_ConfigureActivate_ThenTheRigTracksToTheClosedFormRestPoint()
    {
        using var node = CreateRig();
        var events = new List<TransitionEvent>();
        using var sub = _h.Tester.CreateSubscription<TransitionEvent>("/rig/msd/transition_event", events.Add, QosProfile.Default);
        var change = ChangeStateClient();
        var getState = _h.Tester.CreateClient<GetStateRequest, GetStateResponse>("/rig/msd/get_state");

        Assert.Equal(State.PRIMARY_STATE_UNCONFIGURED, HostHarness.Call(node, getState, new GetStateRequest()).CurrentState.Id);
        Assert.True(Change(node, change, Transition.TRANSITION_CONFIGURE));
        Assert.True(Change(node, change, Transition.TRANSITION_ACTIVATE));
        Assert.Equal("active", HostHarness.Call(node, getState, new GetStateRequest()).CurrentState.Label);
        Assert.False(Change(node, change, Transition.TRANSITION_CONFIGURE)); // not possible from active

        Run(node, 500);

        double expected = Kp * R / (K + Kp); // 0.0714285...
        Assert.Equal(expected, node.Loop!.State[0], 6);
        var exec = new Executor();
        exec.Add(_h.Tester);
        exec.SpinSome();
        Assert.Equal([1, 10, 3, 30], events.Select(e => (int)e.Transition.Id));
        Assert.Equal(["configuring", "inactive", "activating", "active"], events.Select(e => e.GoalState.Label));
    }

    [Fact]
    public void Deactivate_WritesTheSafeCommandBeforeTheNextTick()
    {
        using var node = CreateRig("-p", "sim.safe_command:=[-0.25]");
        var change = ChangeStateClient();
        Assert.True(Change(node, change, Transition.TRANSITION_CONFIGURE));
        Assert.True(Change(node, change, Transition.TRANSITION_ACTIVATE));
        Run(node, 100);
        var sim = (SimHardware)node.Parts!.Hardware;
        Assert.NotEqual(-0.25, sim.AppliedCommand[0]);

        Assert.True(Change(node, change, Transition.TRANSITION_DEACTIVATE));

        // No tick has run since the request: the rig already holds its safe command and refuses commands.
        Assert.Equal(-0.25, sim.AppliedCommand[0]);
        Assert.Equal(HardwareLifecycleState.Inactive, sim.LifecycleState);
        Assert.Equal(LifecycleState.Inactive, node.State);
        Run(node, 3);
        Assert.Equal(-0.25, node.Loop!.Command[0]);
        Assert.Equal(-0.25, sim.AppliedCommand[0]);
    }

    [Fact]
    public void SetParameters_IsValidated_AndTakesEffectAtTheNextTick()
    {
        using var node = CreateRig("-p", "autostart:=true");
        Assert.True(node.Start());
        Assert.Equal(LifecycleState.Active, node.State);
        Run(node, 500);
        var set = _h.Tester.CreateClient<SetParametersRequest, SetParametersResponse>("/rig/msd/set_parameters");

        var refused = HostHarness.Call(node, set, new SetParametersRequest
        {
            Parameters =
            [
                new Parameter { Name = "controller.kp", Value = new ParameterValue { Type = 4, StringValue = "fast" } },
                new Parameter { Name = "rate_hz", Value = new ParameterValue { Type = 3, DoubleValue = 50 } },
                new Parameter { Name = "plant.mass_kg", Value = new ParameterValue { Type = 3, DoubleValue = 2 } },
                new Parameter { Name = "controller.kq", Value = new ParameterValue { Type = 3, DoubleValue = 2 } },
            ],
        });
        Assert.All(refused.Results, r => Assert.False(r.Successful));
        Assert.Contains("must be of type double", refused.Results[0].Reason);
        Assert.Contains("read-only", refused.Results[1].Reason);
        Assert.Contains("read-only", refused.Results[2].Reason);
        Assert.Contains("not declared", refused.Results[3].Reason);

        var before = node.Controller;
        var ok = HostHarness.Call(node, set, new SetParametersRequest
        {
            Parameters = [new Parameter { Name = "controller.kp", Value = new ParameterValue { Type = 3, DoubleValue = 150 } }],
        });
        Assert.True(ok.Results[0].Successful, ok.Results[0].Reason);
        Assert.Same(before, node.Controller); // not applied between ticks
        Assert.Equal(50.0, node.Parameters.GetDouble("controller.kp"));

        node.TickOnce();
        _h.Clock.Advance(node.Period);

        Assert.NotSame(before, node.Controller);
        Assert.Equal(150.0, node.Parameters.GetDouble("controller.kp"));
        // At rest the derivative term is zero: the tick's command is the new proportional action.
        Assert.Equal(150 * (R - node.Loop!.State[0]), node.Loop.Command[0], 9);
        Run(node, 500);
        Assert.Equal(150 * R / (K + 150), node.Loop.State[0], 6);
    }

    [Fact]
    public void ParameterServices_ListGetDescribe_AndParameterEvents()
    {
        using var node = CreateRig();
        var events = new List<ParameterEvent>();
        using var sub = _h.Tester.CreateSubscription<ParameterEvent>("/parameter_events", events.Add, QosProfile.ParameterEvents);
        var list = _h.Tester.CreateClient<ListParametersRequest, ListParametersResponse>("/rig/msd/list_parameters");
        var get = _h.Tester.CreateClient<GetParametersRequest, GetParametersResponse>("/rig/msd/get_parameters");
        var describe = _h.Tester.CreateClient<DescribeParametersRequest, DescribeParametersResponse>("/rig/msd/describe_parameters");
        var types = _h.Tester.CreateClient<GetParameterTypesRequest, GetParameterTypesResponse>("/rig/msd/get_parameter_types");
        var atomic = _h.Tester.CreateClient<SetParametersAtomicallyRequest, SetParametersAtomicallyResponse>("/rig/msd/set_parameters_atomically");

        var names = HostHarness.Call(node, list, new ListParametersRequest { Prefixes = ["controller"], Depth = 0 }).Result;
        Assert.Contains("controller.kp", names.Names);
        Assert.DoesNotContain("rate_hz", names.Names);
        Assert.Equal(["controller"], names.Prefixes);

        var values = HostHarness.Call(node, get, new GetParametersRequest { Names = ["rate_hz", "controller.kp", "nope"] }).Values;
        Assert.Equal(100.0, values[0].DoubleValue);
        Assert.Equal(50.0, values[1].DoubleValue);
        Assert.Equal(0, values[2].Type);

        var d = HostHarness.Call(node, describe, new DescribeParametersRequest { Names = ["rate_hz"] }).Descriptors[0];
        Assert.True(d.ReadOnly);
        Assert.Equal(3, d.Type);
        Assert.Equal(0.1, d.FloatingPointRange[0].FromValue);
        Assert.Equal(new byte[] { 3, 4, 2 }, HostHarness.Call(node, types, new GetParameterTypesRequest { Names = ["controller.kd", "plant_type", "seed"] }).Types);

        var refused = HostHarness.Call(node, atomic, new SetParametersAtomicallyRequest
        {
            Parameters =
            [
                new Parameter { Name = "controller.kd", Value = new ParameterValue { Type = 3, DoubleValue = 1 } },
                new Parameter { Name = "seed", Value = new ParameterValue { Type = 2, IntegerValue = 3 } },
            ],
        }).Result;
        Assert.False(refused.Successful);
        Assert.Contains("seed", refused.Reason);
        Assert.Equal(10.0, node.Parameters.GetDouble("controller.kd"));

        // Unconfigured: no loop, so an accepted set applies at once and is announced.
        var ok = HostHarness.Call(node, atomic, new SetParametersAtomicallyRequest
        {
            Parameters = [new Parameter { Name = "controller.kd", Value = new ParameterValue { Type = 2, IntegerValue = 4 } }],
        }).Result;
        Assert.True(ok.Successful, ok.Reason);
        Assert.Equal(4.0, node.Parameters.GetDouble("controller.kd"));
        var exec = new Executor();
        exec.Add(_h.Tester);
        exec.SpinSome();
        var changed = Assert.Single(events, e => e.ChangedParameters.Length > 0);
        Assert.Equal("/rig/msd", changed.Node);
        Assert.Equal("controller.kd", changed.ChangedParameters[0].Name);
        Assert.Equal(4.0, changed.ChangedParameters[0].Value.DoubleValue);
    }

    [Fact]
    public void UnknownParameterInNamedBlock_IsAnErrorNamingFileAndLine()
    {
        File.AppendAllText(_paramsFile, "\nrig/msd:\n  ros__parameters:\n    controller.kpp: 3.0\n");
        var ex = Assert.Throws<ArgumentException>(() => CreateRig());
        Assert.Contains($"{_paramsFile}:13", ex.Message);
        Assert.Contains("'controller.kpp' is not declared by node '/rig/msd'", ex.Message);
    }

    [Fact]
    public void ParamsFileForAnotherNode_IsAnErrorListingTheNodesItNames()
    {
        File.WriteAllText(_paramsFile, "# for the rig only\n/rig/msd:\n  ros__parameters:\n    rate_hz: 50.0\n");
        var ex = Assert.Throws<ArgumentException>(() => new ManagedControlNode(_h.Context,
            ["--ros-args", "-r", "__node:=other", "--params-file", _paramsFile], SimRigNodeExecutable.Definition));
        Assert.Contains($"{_paramsFile}: no block applies to node '/other'", ex.Message);
        Assert.Contains("'/rig/msd' (line 2)", ex.Message);
    }

    [Fact]
    public void BadDashPValue_NamesTheParameterAndRange()
    {
        var ex = Assert.Throws<ArgumentException>(() => CreateRig("-p", "rate_hz:=-5"));
        Assert.Contains("-p rate_hz:=-5", ex.Message);
        Assert.Contains("outside the allowed range", ex.Message);
    }

    [Fact]
    public void DriverFault_WritesSafeCommandFirst_ThenDeactivates_AndDiagnosticsSayError()
    {
        var hw = new FlakyHardware(failAfterWrites: 5);
        var definition = new ControlNodeDefinition
        {
            DefaultName = "flaky",
            DefaultRateHz = 100,
            DefaultHardwareId = "flaky_rig",
            Configure = _ => new ControlNodeParts(hw, new ConstantController(2.0), new ZeroReference()),
        };
        using var node = new ManagedControlNode(_h.Context, [], definition);
        Assert.True(node.Start());
        var statuses = new List<TickStatus>();
        for (int i = 0; i < 10; i++)
        {
            statuses.Add(node.TickOnce());
            _h.Clock.Advance(node.Period);
        }

        Assert.Equal(TickStatus.WriteFault, statuses[5]);
        Assert.Equal(LifecycleState.Inactive, node.State);
        Assert.Equal(1, node.DriverFaults);
        // After the refused command: one safe-command write attempt, then the hardware's deactivate.
        Assert.Equal(["write 2", "write 2", "write 2", "write 2", "write 2", "write 2", "write 0", "deactivate"], hw.Calls.Where(c => c != "read"));
        var status = node.Diagnose();
        Assert.Equal(DiagnosticStatus.ERROR, status.Level);
        Assert.Equal("flaky_rig", status.HardwareId);
        Assert.Contains("refused a write", status.Message);
    }

    [Fact]
    public void Diagnostics_PublishedEverySecond_WithMeasuredRate()
    {
        using var node = CreateRig("-p", "autostart:=true");
        Assert.True(node.Start());
        var got = new List<DiagnosticArray>();
        using var sub = _h.Tester.CreateSubscription<DiagnosticArray>("/diagnostics", got.Add, QosProfile.Default);
        var exec = new Executor();
        exec.Add(_h.Tester);
        node.Diagnose(); // opens the window
        for (int i = 0; i < 100; i++)
        {
            node.TickOnce();
            _h.Clock.Advance(node.Period);
            node.Executor.SpinSome();
        }

        exec.SpinSome();
        var last = got[^1].Status[0];
        Assert.Equal("msd: control loop", last.Name);
        Assert.Equal("sim", last.HardwareId);
        Assert.Equal(DiagnosticStatus.OK, last.Level);
        // 100 ticks of 10 ms on the ManualClock: exactly 100 Hz.
        Assert.Equal("100", last.Values.Single(v => v.Key == "rate_hz").Value);
    }

    [Fact]
    public void LogEvents_GoToRosout_WithTheNodesLoggerName()
    {
        var logs = new List<Log>();
        using var sub = _h.Tester.CreateSubscription<Log>("/rosout", logs.Add, QosProfile.TransientLocal(1000));
        using var node = CreateRig();
        node.Logger.Warning("hello {Who}", "rosout");
        var exec = new Executor();
        exec.Add(_h.Tester);
        exec.SpinSome();
        var log = Assert.Single(logs, l => l.Msg.Contains("hello", StringComparison.Ordinal));
        Assert.Equal("rig.msd", log.Name);
        Assert.Equal(Log.WARN, log.Level);
        Assert.Equal("hello \"rosout\"", log.Msg);
    }

    [Fact]
    public void HostTick_AllocatesNothing_InSteadyState()
    {
        var definition = new ControlNodeDefinition
        {
            DefaultName = "bare",
            DefaultRateHz = 1000,
            Configure = _ => new ControlNodeParts(
                new SimHardware(new Robotics.Sim.Plants.MassSpringDamper(), [0.0, 0.0], new SimHardwareOptions(), new Robotics.Core.Randomness.Rng(1)),
                new Robotics.Control.Pid.PidController(new Robotics.Control.Pid.PidParameters { Kp = 50, Kd = 5 }, 2, 1),
                new Robotics.Control.References.ConstantReference(0.1)),
        };
        using var node = new ManagedControlNode(_h.Context, [], definition);
        Assert.True(node.Start());
        Run(node, 200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(node, 1000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class FlakyHardware(int failAfterWrites) : HardwareComponent("flaky", new HardwareInterfaceInfo(["x"], ["u"]))
    {
        public List<string> Calls { get; } = [];

        protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
        {
            Calls.Add("read");
            state[0] = 0;
            return HardwareResult.Ok;
        }

        protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command)
        {
            Calls.Add($"write {command[0]}");
            return Calls.Count(c => c.StartsWith("write", StringComparison.Ordinal)) > failAfterWrites && command[0] != 0 ? HardwareResult.Error : HardwareResult.Ok;
        }

        protected override HardwareResult OnDeactivate()
        {
            Calls.Add("deactivate");
            return HardwareResult.Ok;
        }
    }

    private sealed class ConstantController(double u) : IController
    {
        public string Name => "constant";
        public int StateSize => 1;
        public int ReferenceSize => 1;
        public int CommandSize => 1;
        public void Reset() { }

        public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
        {
            command[0] = u;
            return ControllerStatus.Ok;
        }
    }

    private sealed class ZeroReference : IReferenceSource
    {
        public int Size => 1;
        public void Evaluate(SimTime time, Span<double> reference) => reference[0] = 0;
    }
}
