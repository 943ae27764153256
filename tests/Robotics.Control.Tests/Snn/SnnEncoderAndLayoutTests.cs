using Robotics.Control.Snn;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Snn;

public class SnnEncoderAndLayoutTests
{
    // For y_k = v k h the filter d_k = a d_{k-1} + (1 - a)(-v), a = Tf/(Tf + h), converges to -v (the error rate).
    [Fact]
    public void Encoder_RampMeasurement_DerivativeConvergesToMinusSlope()
    {
        var encoder = new SnnErrorEncoder(0.5, 0.25, 0.2);
        Span<double> x = stackalloc double[2];
        const double h = 0.01, v = 0.3;
        for (int k = 0; k < 2000; k++) encoder.Encode(v * k * h, 1.0, h, x);
        Assert.Equal(-v, encoder.Derivative, 1e-9);
        Assert.Equal(-v / 0.25, x[1], 1e-9);
        Assert.Equal((1.0 - v * 1999 * h) / 0.5, x[0], 1e-12);
    }

    [Fact]
    public void Layout_CentreGenome_GivesZeroWeightsAndMirroredPairs()
    {
        var spec = new SnnPopulationSpec { Name = "t", Neurons = 4, InputWeightMax = 1.5, ThresholdMin = 1, ThresholdMax = 3 };
        var layout = new SnnPopulationLayout(spec);
        Assert.Equal(5 * 2 + 3, layout.Dimension);
        var genome = new double[layout.Dimension];
        Array.Fill(genome, 0.5);
        genome[0] = 1.0;  // pair 0 w_e -> +1.5
        genome[4] = 0.0;  // pair 0 threshold -> 1
        genome[8] = 0.75; // pair 1 w_out -> 0.5 * 0.02
        var d = layout.CreateDefinition();
        layout.Decode(genome, d);
        Assert.Equal(1.5, d.InputWeights[0]);
        Assert.Equal(-1.5, d.InputWeights[2]);
        Assert.Equal(0.0, d.InputWeights[1]);
        Assert.Equal(1.0, d.Threshold[0]);
        Assert.Equal(1.0, d.Threshold[1]);
        Assert.Equal(0.01, d.OutputWeights[2], 1e-15);
        Assert.Equal(-0.01, d.OutputWeights[3], 1e-15);
        Assert.Equal(0.9, d.ReadoutLeak, 1e-15); // middle of [0.88, 0.92]
    }

    [Fact]
    public void Controller_Update_AllocatesNothingAndClamps()
    {
        var d = new LifNetworkDefinition(4, 2) { ReadoutLeak = 0.0 };
        for (int n = 0; n < 4; n++)
        {
            d.Bias[n] = 2.0;          // fires every step (v = i = 2 >= 1)
            d.OutputWeights[n] = 0.1; // 4 spikes x 0.1 = 0.4 N > 0.2 N limit
        }

        var c = new SnnAltitudeController([d], new SnnErrorEncoder(0.5, 0.25, 0.2), 0.0, -0.1, 0.2);
        double[] state = [1.0, 0.0], reference = [1.0], command = new double[1];
        var period = SimTime.FromSeconds(0.01);
        Assert.Equal(Robotics.Control.Loop.ControllerStatus.Saturated, c.Update(SimTime.Zero, period, state, reference, command));
        Assert.Equal(0.2, command[0]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++) c.Update(SimTime.Zero, period, state, reference, command);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(4 * 1001, c.TotalSpikes);
    }
}
