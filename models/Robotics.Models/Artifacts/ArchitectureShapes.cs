namespace Robotics.Models.Artifacts;

/// <summary>The tensors (PyTorch state_dict names and shapes) an architecture needs, for validation on load.</summary>
internal static class ArchitectureShapes
{
    public static List<(string Name, int[] Shape)> Expected(ModelMetadata m)
    {
        int n = m.State.Count, inputs = n + m.Inputs.Count;
        var arch = m.Architecture;
        var result = new List<(string, int[])>();
        switch (m.Family)
        {
            case ModelFamily.Mlp:
            case ModelFamily.Residual:
                AddMlp(result, "", inputs, arch.HiddenSizes, n);
                break;
            case ModelFamily.Ensemble:
                for (int k = 0; k < arch.EnsembleSize; k++) AddMlp(result, $"members.{k}.", inputs, arch.HiddenSizes, n);
                break;
            case ModelFamily.Gru:
            case ModelFamily.Lstm:
                int h = arch.RecurrentHiddenSize, g = (m.Family == ModelFamily.Lstm ? 4 : 3) * h;
                result.Add(("rnn.weight_ih_l0", [g, inputs]));
                result.Add(("rnn.weight_hh_l0", [g, h]));
                result.Add(("rnn.bias_ih_l0", [g]));
                result.Add(("rnn.bias_hh_l0", [g]));
                result.Add(("head.weight", [n, h]));
                result.Add(("head.bias", [n]));
                break;
        }

        return result;
    }

    private static void AddMlp(List<(string, int[])> result, string prefix, int inputs, int[] hidden, int outputs)
    {
        int fanIn = inputs;
        for (int l = 0; l <= hidden.Length; l++)
        {
            int fanOut = l == hidden.Length ? outputs : hidden[l];
            result.Add(($"{prefix}{2 * l}.weight", [fanOut, fanIn]));
            result.Add(($"{prefix}{2 * l}.bias", [fanOut]));
            fanIn = fanOut;
        }
    }
}
