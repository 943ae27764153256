using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Sparsification;

/// <summary>
/// An MLP whose hidden neuron j computes z = alpha_j relu(a) + (1 - alpha_j) a, i.e. a leaky ReLU with slope
/// 1 - alpha_j for a &lt; 0: alpha = 1 is a ReLU, alpha = 0 the identity. alpha_j is either fixed (0 or 1) or free,
/// alpha_j = sigmoid(logit_j), trained with the weights.
/// </summary>
internal sealed class GatedReluMlp : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE0044, CA1823 // registered by name
    private readonly ModuleList<Linear> layers;
    private readonly ParameterList gates;
#pragma warning restore IDE0044, CA1823
    private readonly Tensor[] _fixedMask;
    private readonly Tensor[] _fixedValue;

    public GatedReluMlp(int inputs, int[] hidden, int outputs) : base("gated_mlp")
    {
        var list = new List<Linear>();
        int fanIn = inputs;
        foreach (int width in hidden)
        {
            list.Add(nn.Linear(fanIn, width));
            fanIn = width;
        }

        list.Add(nn.Linear(fanIn, outputs));
        layers = nn.ModuleList(list.ToArray());
        gates = nn.ParameterList(hidden.Select(w => new Parameter(torch.full(w, 3.0f))).ToArray());
        _fixedMask = hidden.Select(w => torch.ones(w)).ToArray();
        _fixedValue = hidden.Select(w => torch.ones(w)).ToArray();
        Hidden = hidden;
        RegisterComponents();
    }

    public int[] Hidden { get; }

    public Linear Layer(int index) => layers[index];

    /// <summary>The gate values alpha of hidden layer <paramref name="layer"/> (fixed or sigmoid of the logits).</summary>
    public Tensor Alpha(int layer) => _fixedMask[layer] * _fixedValue[layer] + (1 - _fixedMask[layer]) * gates[layer].sigmoid();

    /// <summary>Mean alpha over the free neurons (the L1 pressure; alpha &gt;= 0 so |alpha| = alpha), or 0 when none is free.</summary>
    public Tensor FreeGateMean()
    {
        Tensor? sum = null;
        double count = 0;
        for (int l = 0; l < Hidden.Length; l++)
        {
            var free = 1 - _fixedMask[l];
            count += free.sum().item<float>();
            var s = (free * gates[l].sigmoid()).sum();
            sum = sum is null ? s : sum + s;
        }

        return count > 0 ? sum! / count : torch.zeros(1).sum();
    }

    /// <summary>Fixes every neuron: true = ReLU (alpha 1), false = identity (alpha 0).</summary>
    public void FixAll(bool[][] relu)
    {
        for (int l = 0; l < Hidden.Length; l++)
        {
            _fixedMask[l] = torch.ones(Hidden[l]);
            _fixedValue[l] = torch.tensor(relu[l].Select(r => r ? 1f : 0f).ToArray());
        }
    }

    /// <summary>Frees the ReLU neurons (gate logits reset to <paramref name="logit"/>); identity neurons stay fixed.</summary>
    public void FreeRelus(bool[][] relu, float logit)
    {
        using var noGrad = torch.no_grad();
        for (int l = 0; l < Hidden.Length; l++)
        {
            _fixedMask[l] = torch.tensor(relu[l].Select(r => r ? 0f : 1f).ToArray());
            _fixedValue[l] = torch.zeros(Hidden[l]);
            gates[l].fill_(logit);
        }
    }

    public override Tensor forward(Tensor input)
    {
        var h = input;
        for (int l = 0; l < Hidden.Length; l++)
        {
            var a = layers[l].forward(h);
            var alpha = Alpha(l);
            h = alpha * a.relu() + (1 - alpha) * a;
        }

        return layers[Hidden.Length].forward(h);
    }
}
