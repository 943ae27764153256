using Robotics.Core.Parameters;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Plants;

public class BlimpTests
{
    private const double H = 1e-3;

    private static double[] Simulate(Blimp plant, double[] initial, double thrust, double seconds)
    {
        double[] state = (double[])initial.Clone();
        int steps = (int)Math.Round(seconds / H);
        for (int i = 0; i < steps; i++) plant.Advance(i * H, H, state, [thrust]);
        return state;
    }

    [Fact]
    public void ZeroThrust_SinksToTerminalVelocityOfDragEquation()
    {
        var p = new BlimpParameters { GroundContact = false };
        var plant = new Blimp(p);
        // Terminal speed v solves c_lin v + c_quad v^2 = W_net:
        //   v_t = (-c_lin + sqrt(c_lin^2 + 4 c_quad W_net)) / (2 c_quad)
        // With the defaults (0.01, 0.18, 0.03): v_t = (-0.01 + sqrt(0.0217)) / 0.36 = 0.38141 m/s.
        double vt = (-p.LinearDragNSPerM + Math.Sqrt(p.LinearDragNSPerM * p.LinearDragNSPerM + 4 * p.QuadraticDragNS2PerM2 * p.NetWeightN))
            / (2 * p.QuadraticDragNS2PerM2);
        Assert.Equal(0.38141, vt, 1e-5);
        // Linearised time constant (m + m_a) / (c_lin + 2 c_quad v_t) = 0.69 / 0.1473 = 4.7 s: after 150 s the
        // remaining transient is ~ exp(-32) of 0.38 m/s.
        double[] state = Simulate(plant, [100.0, 0.0], 0.0, 150.0);
        Assert.Equal(-vt, state[1], 1e-9);
    }

    [Fact]
    public void ThrustInsideDeadband_HasNoEffect()
    {
        var plant = new Blimp(new BlimpParameters { GroundContact = false, ThrustDeadbandN = 0.01 });
        double[] withSmallThrust = Simulate(plant, [2.0, 0.1], 0.0099, 5.0);
        double[] withoutThrust = Simulate(plant, [2.0, 0.1], 0.0, 5.0);
        Assert.Equal(withoutThrust, withSmallThrust);
        Assert.Equal(0.0, plant.CalcEffectiveThrust(-0.0099));
        Assert.Equal(0.01, plant.CalcEffectiveThrust(0.01));
    }

    [Fact]
    public void ThrustAboveLimit_IsClipped()
    {
        var plant = new Blimp(new BlimpParameters { GroundContact = false, ThrustMinN = -0.1, ThrustMaxN = 0.2 });
        Assert.Equal(Simulate(plant, [1.0, 0.0], 0.2, 3.0), Simulate(plant, [1.0, 0.0], 5.0, 3.0));
        Assert.Equal(Simulate(plant, [1.0, 0.0], -0.1, 3.0), Simulate(plant, [1.0, 0.0], -5.0, 3.0));
        Assert.Equal(0.2, plant.CalcEffectiveThrust(5.0));
        Assert.Equal(-0.1, plant.CalcEffectiveThrust(-5.0));
    }

    [Fact]
    public void HoverThrustEqualToNetWeight_HoldsAltitude()
    {
        var p = new BlimpParameters();
        var plant = new Blimp(p);
        double[] state = Simulate(plant, [1.5, 0.0], p.NetWeightN, 10.0);
        Assert.Equal(1.5, state[0], 1e-12);
        Assert.Equal(0.0, state[1], 1e-12);
    }

    [Fact]
    public void GroundContact_StopsAtFloorWithoutPenetration()
    {
        var plant = new Blimp();
        double[] state = [0.5, 0.0];
        double minAltitude = double.MaxValue;
        for (int i = 0; i < 20_000; i++)
        {
            plant.Advance(i * H, H, state, [0.0]);
            minAltitude = Math.Min(minAltitude, state[0]);
        }

        Assert.Equal(0.0, minAltitude);
        Assert.Equal([0.0, 0.0], state);

        // Lifting off: thrust above the net weight accelerates it upwards again.
        plant.Advance(0, H, state, [0.1]);
        Assert.True(state[0] > 0 && state[1] > 0);
    }

    [Fact]
    public void Constructor_InvertedThrustLimits_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Blimp(new BlimpParameters { ThrustMinN = 0.3, ThrustMaxN = 0.2 }));
        Assert.Contains("thrust_min_n", ex.Message);
    }

    [Fact]
    public void FromParameters_ReadsBoolAndDoubles()
    {
        var set = new ParameterSet(Blimp.Parameters);
        set.Set("ground_contact", ParameterValue.FromBool(false));
        set.Set("net_weight_n", ParameterValue.FromDouble(0.05));
        var plant = Blimp.FromParameters(set);
        Assert.False(plant.Options.GroundContact);
        Assert.Equal(0.05, plant.Options.NetWeightN);
    }
}
