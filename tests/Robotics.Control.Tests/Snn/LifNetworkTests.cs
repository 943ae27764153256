using Robotics.Control.Snn;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Snn;

public class LifNetworkTests
{
    private static LifNetworkDefinition OneNeuron(double drive, double currentLeak, double voltageLeak, double threshold, int refractory)
    {
        var d = new LifNetworkDefinition(1, 1)
        {
            ReadoutLeak = 0.0,
            RefractorySteps = refractory,
        };
        d.CurrentLeak[0] = currentLeak;
        d.VoltageLeak[0] = voltageLeak;
        d.Threshold[0] = threshold;
        d.Bias[0] = drive;
        d.OutputWeights[0] = 1.0;
        return d;
    }

    /// <summary>Inter-spike intervals (in steps) of a neuron driven by a constant input, after a warm-up.</summary>
    private static List<int> Intervals(LifNetwork net, int steps, int warmup)
    {
        var spikes = new List<int>();
        ReadOnlySpan<double> x = [0.0];
        for (int k = 0; k < steps; k++)
        {
            net.Step(x);
            if (net.LastStepSpikes > 0 && k >= warmup) spikes.Add(k);
        }

        var isi = new List<int>();
        for (int i = 1; i < spikes.Count; i++) isi.Add(spikes[i] - spikes[i - 1]);
        return isi;
    }

    // Closed form of the continuous LIF tau v' = -v + V_inf with reset to 0: it reaches theta after
    // T = tau ln(V_inf / (V_inf - theta)); the discrete neuron with beta = exp(-h/tau) and drive
    // c = V_inf (1 - beta) samples that curve exactly at t = k h, so its ISI is within one step of T (+ R steps).
    [Theory]
    [InlineData(0.3, 0.05, 1.0, 0)]
    [InlineData(1.0, 0.02, 2.0, 0)]
    [InlineData(0.9, 0.1, 1.5, 0)]
    [InlineData(0.3, 0.05, 1.0, 3)]
    [InlineData(0.2, 0.08, 0.8, 5)]
    public void ConstantInput_IsiWithinOneStepOfClosedForm(double drive, double tauS, double threshold, int refractory)
    {
        const double h = 0.01;
        double beta = Math.Exp(-h / tauS);
        var net = new LifNetwork(OneNeuron(drive, 0.0, beta, threshold, refractory));
        var isi = Intervals(net, 5000, 0);
        Assert.True(isi.Count > 10);
        double vInf = drive / (1.0 - beta);
        Assert.True(vInf > threshold);
        double closedForm = tauS * Math.Log(vInf / (vInf - threshold)) + refractory * h;
        foreach (int steps in isi)
        {
            Assert.InRange(steps * h, closedForm - h - 1e-12, closedForm + h + 1e-12);
        }
    }

    // With a current leak a the current converges to c / (1 - a); after the transient the ISI obeys the same closed
    // form with V_inf = c / ((1 - a)(1 - beta)).
    [Fact]
    public void ConstantInput_WithCurrentLeak_IsiMatchesSteadyStateClosedForm()
    {
        const double h = 0.01, tauS = 0.05, c = 0.06, a = 0.8, threshold = 1.0;
        double beta = Math.Exp(-h / tauS);
        var net = new LifNetwork(OneNeuron(c, a, beta, threshold, 0));
        var isi = Intervals(net, 5000, 500); // a^500 ~ 1e-49: the current is at its fixed point
        double vInf = c / (1.0 - a) / (1.0 - beta);
        double closedForm = tauS * Math.Log(vInf / (vInf - threshold));
        Assert.True(isi.Count > 10);
        foreach (int steps in isi) Assert.InRange(steps * h, closedForm - h - 1e-12, closedForm + h + 1e-12);
    }

    [Fact]
    public void SubthresholdInput_NeverFires()
    {
        // V_inf = 0.01 / (1 - 0.9) = 0.1 < theta = 1: the voltage converges below threshold.
        var net = new LifNetwork(OneNeuron(0.01, 0.0, 0.9, 1.0, 0));
        var isi = Intervals(net, 2000, 0);
        Assert.Empty(isi);
        Assert.Equal(0, net.SpikeCount);
    }

    private static LifNetworkDefinition RandomNetwork(int neurons, int inputs, ulong seed, int refractory)
    {
        var rng = new Rng(seed);
        var d = new LifNetworkDefinition(neurons, inputs) { ReadoutLeak = 0.9, RefractorySteps = refractory };
        for (int n = 0; n < neurons; n++)
        {
            d.CurrentLeak[n] = rng.NextUniform(0, 1);
            d.VoltageLeak[n] = rng.NextUniform(0, 1);
            d.Threshold[n] = rng.NextUniform(0.8, 3);
            d.Bias[n] = rng.NextUniform(-0.5, 0.8);
            d.OutputWeights[n] = rng.NextUniform(-0.3, 0.3);
            for (int m = 0; m < inputs; m++) d.InputWeights[n * inputs + m] = rng.NextUniform(-1.5, 1.5);
        }

        return d;
    }

    /// <summary>The equations of the paper, written out one neuron at a time with no shared code.</summary>
    private sealed class ReferenceLif(LifNetworkDefinition d)
    {
        private readonly double[] _i = new double[d.NeuronCount], _v = new double[d.NeuronCount], _s = new double[d.NeuronCount];
        private readonly int[] _r = new int[d.NeuronCount];
        public double Y;

        public int Step(double[] x)
        {
            double sum = 0.0;
            int spikes = 0;
            for (int n = 0; n < d.NeuronCount; n++)
            {
                double drive = 0.0;
                for (int m = 0; m < d.InputCount; m++) drive += d.InputWeights[n * d.InputCount + m] * x[m];
                _i[n] = d.CurrentLeak[n] * _i[n] + drive + d.Bias[n];
                if (_r[n] > 0)
                {
                    _r[n]--;
                    _v[n] = 0.0;
                    _s[n] = 0.0;
                    continue;
                }

                _v[n] = d.VoltageLeak[n] * _v[n] * (1.0 - _s[n]) + _i[n];
                _s[n] = _v[n] >= d.Threshold[n] ? 1.0 : 0.0;
                if (_s[n] == 1.0)
                {
                    _r[n] = d.RefractorySteps;
                    sum += d.OutputWeights[n];
                    spikes++;
                }
            }

            Y = d.ReadoutLeak * Y + (1.0 - d.ReadoutLeak) * sum;
            return spikes;
        }
    }

    [Theory]
    [InlineData(160, 2, 0)]
    [InlineData(160, 2, 4)]
    [InlineData(37, 3, 0)]
    [InlineData(20, 1, 2)]
    public void Step_MatchesDirectReferenceExactly(int neurons, int inputs, int refractory)
    {
        var definition = RandomNetwork(neurons, inputs, 42, refractory);
        var net = new LifNetwork(definition);
        var reference = new ReferenceLif(definition);
        var rng = new Rng(7);
        var x = new double[inputs];
        long totalSpikes = 0;
        for (int k = 0; k < 3000; k++)
        {
            for (int m = 0; m < inputs; m++) x[m] = rng.NextUniform(-1, 1);
            double y = net.Step(x);
            int spikes = reference.Step(x);
            totalSpikes += spikes;
            Assert.Equal(reference.Y, y); // bit-for-bit
            Assert.Equal(spikes, net.LastStepSpikes);
        }

        Assert.Equal(totalSpikes, net.SpikeCount);
        Assert.True(totalSpikes > 1000); // the comparison exercised spiking, not a silent network
    }

    [Fact]
    public void Reset_ReplaysTheSameOutput()
    {
        var net = new LifNetwork(RandomNetwork(50, 2, 3, 1));
        double[] x = [0.3, -0.2];
        var first = new double[200];
        for (int k = 0; k < 200; k++) first[k] = net.Step(x);
        net.Reset();
        for (int k = 0; k < 200; k++) Assert.Equal(first[k], net.Step(x));
    }

    [Fact]
    public void Step_160Neurons_AllocatesNothing()
    {
        var net = new LifNetwork(RandomNetwork(160, 2, 5, 0));
        double[] x = [0.4, -0.1];
        for (int k = 0; k < 100; k++) net.Step(x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 10_000; k++) net.Step(x);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Definition_InvalidThreshold_ThrowsNamingIt()
    {
        var d = new LifNetworkDefinition(2, 2);
        d.Threshold[1] = 0.0;
        var e = Assert.Throws<ArgumentException>(() => new LifNetwork(d));
        Assert.Contains("threshold[1]", e.Message);
    }
}
