namespace Robotics.Control.Mpc.Costs;

/// <summary>Shared kernels of the quadratic state-error terms: f * sum_i q_i d_i^2 at one plan step.</summary>
internal static class QuadraticError
{
    public static void AddCosts(in CostInput input, int t, ReadOnlySpan<double> target, double[] q, bool[] angle, double factor, Span<double> costs)
    {
        int n = input.StateSize, batch = input.Batch, r = q.Length;
        var states = input.States.Slice(t * batch * n, batch * n);
        for (int b = 0; b < batch; b++)
        {
            int o = b * n;
            double c = 0;
            for (int i = 0; i < r; i++)
            {
                double d = states[o + i] - target[i];
                if (angle[i]) d = Math.IEEERemainder(d, 2.0 * Math.PI);
                c += q[i] * d * d;
            }

            costs[b] += factor * c;
        }
    }

    public static void AddGradient(in CostInput input, int t, ReadOnlySpan<double> target, double[] q, bool[] angle, double factor, Span<double> stateGradient)
    {
        int n = input.StateSize;
        var x = input.State(t, 0);
        for (int i = 0; i < q.Length; i++)
        {
            double d = x[i] - target[i];
            if (angle[i]) d = Math.IEEERemainder(d, 2.0 * Math.PI);
            stateGradient[t * n + i] += 2.0 * factor * q[i] * d;
        }
    }
}
