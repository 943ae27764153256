using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Networks;

/// <summary>
/// The TorchSharp modules the trainer fits. Their state_dict keys are the tensor names of the artifact format
/// (<c>0.weight</c> ... for an MLP, <c>rnn.weight_ih_l0</c> and <c>head.weight</c> for NARX models), the same
/// keys a PyTorch <c>nn.Sequential</c> or a module with fields <c>rnn</c> and <c>head</c> would have.
/// </summary>
internal static class TorchNetworks
{
    /// <summary>Linear, act, Linear, act, ..., Linear named "0", "1", ... like <c>nn.Sequential</c>.</summary>
    public static Sequential Mlp(int inputs, IReadOnlyList<int> hidden, int outputs, string activation)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = inputs, index = 0;
        foreach (int width in hidden)
        {
            modules.Add(((index++).ToString(), nn.Linear(fanIn, width)));
            modules.Add(((index++).ToString(), activation == "tanh" ? nn.Tanh() : nn.ReLU()));
            fanIn = width;
        }

        modules.Add(((index).ToString(), nn.Linear(fanIn, outputs)));
        return nn.Sequential(modules);
    }
}

/// <summary>
/// One GRU or LSTM layer over [B, L, I] sequences (batch first) and a linear head on every step, written out
/// step by step with PyTorch's documented cell equations and parameter layout (<c>rnn.weight_ih_l0</c> [G H, I],
/// <c>rnn.weight_hh_l0</c> [G H, H], biases [G H]; gates r, z, n or i, f, g, o).
/// </summary>
/// <remarks>
/// Not <c>nn.LSTM</c>: in this libtorch build (2.10.0 CPU via TorchSharp 0.107.0) an <c>nn.LSTM</c> given trained
/// weights returned values that match neither its documented equations nor its own autograd path for some inputs
/// (see docs/learned-dynamics.md). The explicit form is what the managed evaluator implements, so training and
/// run time agree by construction; the cost is a few ms per epoch for these short windows.
/// </remarks>
internal sealed class NarxNetwork : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE0044, CA1823 // registered by name: the state_dict keys become "rnn.*" and "head.*"
    private readonly RecurrentWeights rnn;
    private readonly Linear head;
#pragma warning restore IDE0044, CA1823

    public NarxNetwork(bool lstm, int inputs, int hidden, int outputs) : base("narx")
    {
        IsLstm = lstm;
        Hidden = hidden;
        rnn = new RecurrentWeights(lstm ? 4 : 3, inputs, hidden);
        head = nn.Linear(hidden, outputs);
        RegisterComponents();
    }

    public bool IsLstm { get; }

    public int Hidden { get; }

    /// <summary>Normalised deltas for every step of the window, starting from zero hidden (and cell) state.</summary>
    public override Tensor forward(Tensor input)
    {
        long batch = input.shape[0], steps = input.shape[1];
        int H = Hidden;
        var h = zeros(batch, H);
        var c = zeros(batch, H);
        var outputs = new List<Tensor>((int)steps);
        var inputGates = input.matmul(rnn.WeightIh.t()) + rnn.BiasIh;   // [B, L, G H]
        for (long k = 0; k < steps; k++)
        {
            var gi = inputGates.select(1, k);
            var gh = h.matmul(rnn.WeightHh.t()) + rnn.BiasHh;
            if (IsLstm)
            {
                var a = gi + gh;
                var i = a.narrow(1, 0, H).sigmoid();
                var f = a.narrow(1, H, H).sigmoid();
                var g = a.narrow(1, 2 * H, H).tanh();
                var o = a.narrow(1, 3 * H, H).sigmoid();
                c = f * c + i * g;
                h = o * c.tanh();
            }
            else
            {
                var r = (gi.narrow(1, 0, H) + gh.narrow(1, 0, H)).sigmoid();
                var z = (gi.narrow(1, H, H) + gh.narrow(1, H, H)).sigmoid();
                var n = (gi.narrow(1, 2 * H, H) + r * gh.narrow(1, 2 * H, H)).tanh();
                h = (1 - z) * n + z * h;
            }

            outputs.Add(h);
        }

        return head.forward(stack(outputs, 1));
    }
}

/// <summary>The parameters of one recurrent layer under PyTorch's names (weight_ih_l0 ...) and initialisation.</summary>
internal sealed class RecurrentWeights : nn.Module
{
#pragma warning disable IDE0044, CA1823 // registered by name: the state_dict keys
    private readonly Parameter weight_ih_l0;
    private readonly Parameter weight_hh_l0;
    private readonly Parameter bias_ih_l0;
    private readonly Parameter bias_hh_l0;
#pragma warning restore IDE0044, CA1823

    public RecurrentWeights(int gates, int inputs, int hidden) : base("rnn")
    {
        // PyTorch initialises every RNN parameter from U(-1/sqrt(H), 1/sqrt(H)).
        double bound = 1.0 / Math.Sqrt(hidden);
        weight_ih_l0 = Uniform([gates * hidden, inputs], bound);
        weight_hh_l0 = Uniform([gates * hidden, hidden], bound);
        bias_ih_l0 = Uniform([gates * hidden], bound);
        bias_hh_l0 = Uniform([gates * hidden], bound);
        RegisterComponents();
    }

    public Tensor WeightIh => weight_ih_l0;

    public Tensor WeightHh => weight_hh_l0;

    public Tensor BiasIh => bias_ih_l0;

    public Tensor BiasHh => bias_hh_l0;

    private static Parameter Uniform(long[] shape, double bound) => new(rand(shape) * (2 * bound) - bound);
}
