namespace Robotics.Control.Mip.Networks;

/// <summary>
/// A <see cref="ReluDynamicsNetwork"/> with every linear (identity) neuron folded away: only the K ReLU neurons remain,
/// each with an affine pre-activation over the step's inputs v = [x; u] and the outputs of the ReLUs before it
/// (skip connections), and the next state is affine in v and all ReLU outputs:
/// <code>
/// a_r = P_r · v + Q_r · z_{&lt;r} + c_r,   z_r = max(0, a_r),   r = 1 .. K (input layer first)
/// x'  = A · v + B · z + d                  (A already contains the identity skip x' = x + ...)
/// </code>
/// </summary>
/// <remarks>
/// <para>Why: a sparsified network keeps most of its neurons as identities. Encoded one by one they cost the MIP a
/// continuous variable and a dense equality row each per step (about 600 variables and 10k nonzeros over a horizon
/// of 10 for the pusher at 8 ReLUs) and, worse, interval bound propagation through two stacked linear layers
/// loses every cancellation between them, so the big-M bounds of the ReLUs behind them and the state boxes grow
/// needlessly. Folded, the composed linear maps are exact (a network with 0 ReLUs is the affine model x' = A v + d,
/// and its interval bounds are exact for one step), and the MIP has only ReLU-count neuron variables per step.</para>
/// <para>Exactness: folding only re-associates sums of products, so <see cref="Step"/> equals
/// <see cref="ReluDynamicsNetwork.Step(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>
/// up to rounding (about 1e-15 relative; tested to 1e-12).</para>
/// <para>Allocation: <see cref="Step"/> and <see cref="PropagateBounds"/> allocate nothing; one instance serves one thread.</para>
/// </remarks>
public sealed class FoldedReluNetwork
{
    private readonly double[] _pre;     // [K, n + m + K]: columns v then z (strictly lower-triangular in z)
    private readonly double[] _preBias; // [K]
    private readonly double[] _out;     // [n, n + m + K]
    private readonly double[] _outBias; // [n]
    private readonly double[] _z;
    private readonly double[] _zLo;
    private readonly double[] _zHi;

    /// <summary>Creates the folded network from its coefficient matrices (see the class summary).</summary>
    /// <param name="stateSize">n.</param>
    /// <param name="inputSize">m.</param>
    /// <param name="reluCount">K.</param>
    /// <param name="preActivation">[K, n + m + K] row-major: P then Q (Q must be strictly lower-triangular).</param>
    /// <param name="preBias">c [K].</param>
    /// <param name="output">[n, n + m + K] row-major: A then B.</param>
    /// <param name="outputBias">d [n].</param>
    /// <param name="reluLayers">The hidden layer each ReLU came from (length K; for reporting).</param>
    /// <exception cref="ArgumentException">The sizes disagree or Q reads a later ReLU.</exception>
    public FoldedReluNetwork(int stateSize, int inputSize, int reluCount, double[] preActivation, double[] preBias, double[] output, double[] outputBias, int[] reluLayers)
    {
        ArgumentNullException.ThrowIfNull(preActivation);
        ArgumentNullException.ThrowIfNull(preBias);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outputBias);
        ArgumentNullException.ThrowIfNull(reluLayers);
        int width = stateSize + inputSize + reluCount;
        if (stateSize <= 0 || inputSize <= 0 || reluCount < 0 || preActivation.Length != reluCount * width || preBias.Length != reluCount
            || output.Length != stateSize * width || outputBias.Length != stateSize || reluLayers.Length != reluCount)
        {
            throw new ArgumentException($"A folded network with n = {stateSize}, m = {inputSize}, K = {reluCount} needs [K, n+m+K] pre-activation weights, K biases, [n, n+m+K] output weights, n output biases and K layer indices.", nameof(preActivation));
        }

        for (int r = 0; r < reluCount; r++)
        {
            for (int q = r; q < reluCount; q++)
            {
                if (preActivation[r * width + stateSize + inputSize + q] != 0) throw new ArgumentException($"ReLU {r} reads ReLU {q}, which is not before it.", nameof(preActivation));
            }
        }

        StateSize = stateSize;
        InputSize = inputSize;
        ReluCount = reluCount;
        _pre = (double[])preActivation.Clone();
        _preBias = (double[])preBias.Clone();
        _out = (double[])output.Clone();
        _outBias = (double[])outputBias.Clone();
        ReluLayers = (int[])reluLayers.Clone();
        _z = new double[reluCount];
        _zLo = new double[reluCount];
        _zHi = new double[reluCount];
    }

    /// <summary>n.</summary>
    public int StateSize { get; }

    /// <summary>m.</summary>
    public int InputSize { get; }

    /// <summary>K, the number of ReLU neurons (binaries per step before bound tightening).</summary>
    public int ReluCount { get; }

    /// <summary>Width of a coefficient row: n + m + K (columns v = [x; u], then z).</summary>
    public int RowWidth => StateSize + InputSize + ReluCount;

    /// <summary>The hidden layer (0-based) each ReLU came from.</summary>
    public IReadOnlyList<int> ReluLayers { get; }

    /// <summary>Pre-activation coefficients [K, n + m + K] (P then Q), row-major.</summary>
    public ReadOnlySpan<double> PreActivationWeights => _pre;

    /// <summary>Pre-activation biases c [K].</summary>
    public ReadOnlySpan<double> PreActivationBias => _preBias;

    /// <summary>Next-state coefficients [n, n + m + K] (A then B), row-major; A includes the identity skip of x.</summary>
    public ReadOnlySpan<double> OutputWeights => _out;

    /// <summary>Next-state bias d [n].</summary>
    public ReadOnlySpan<double> OutputBias => _outBias;

    /// <summary>Folds a layered network (exactly; see the remarks).</summary>
    public static FoldedReluNetwork Fold(ReluDynamicsNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.StateSize, m = network.InputSize, k = network.ReluCount;
        int v = n + m, width = v + k, cols = width + 1;   // last column: constant 1
        // Every signal is an affine expression over [v; z; 1].
        var signals = new double[v][];
        for (int i = 0; i < v; i++)
        {
            signals[i] = new double[cols];
            signals[i][i] = 1;
        }

        var pre = new double[k * width];
        var preBias = new double[k];
        var layerOf = new int[k];
        int r = 0;
        for (int l = 0; l < network.HiddenLayers.Count; l++)
        {
            var layer = network.HiddenLayers[l];
            var next = new double[layer.Outputs][];
            for (int j = 0; j < layer.Outputs; j++)
            {
                var e = new double[cols];
                e[width] = layer.Bias[j];
                for (int i = 0; i < layer.Inputs; i++)
                {
                    double w = layer.Weight(j, i);
                    if (w == 0) continue;
                    var s = signals[i];
                    for (int c = 0; c < cols; c++) e[c] += w * s[c];
                }

                if (layer.Kinds[j] == NeuronKind.Identity)
                {
                    next[j] = e;
                    continue;
                }

                Array.Copy(e, 0, pre, r * width, width);
                preBias[r] = e[width];
                layerOf[r] = l;
                var z = new double[cols];
                z[v + r] = 1;
                next[j] = z;
                r++;
            }

            signals = next;
        }

        var output = new double[n * width];
        var outBias = new double[n];
        var wo = network.OutputWeights;
        int last = signals.Length;
        for (int q = 0; q < n; q++)
        {
            var e = new double[cols];
            e[q] = 1;   // x' = x + ...
            e[width] = network.OutputBias[q];
            for (int j = 0; j < last; j++)
            {
                double w = wo[q * last + j];
                if (w == 0) continue;
                var s = signals[j];
                for (int c = 0; c < cols; c++) e[c] += w * s[c];
            }

            Array.Copy(e, 0, output, q * width, width);
            outBias[q] = e[width];
        }

        return new FoldedReluNetwork(n, m, k, pre, preBias, output, outBias, layerOf);
    }

    /// <summary>
    /// The same network over scaled variables x̃ = x / sx, ũ = u / su (columns of v multiplied by the scale, next-state
    /// rows divided by sx). ReLU outputs are not scaled.
    /// </summary>
    public FoldedReluNetwork Scaled(ReadOnlySpan<double> stateScale, ReadOnlySpan<double> inputScale)
    {
        int n = StateSize, m = InputSize, w = RowWidth;
        var pre = (double[])_pre.Clone();
        var output = (double[])_out.Clone();
        var outBias = (double[])_outBias.Clone();
        for (int i = 0; i < n + m; i++)
        {
            double s = i < n ? stateScale[i] : inputScale[i - n];
            for (int r = 0; r < ReluCount; r++) pre[r * w + i] *= s;
            for (int q = 0; q < n; q++) output[q * w + i] *= s;
        }

        for (int q = 0; q < n; q++)
        {
            for (int c = 0; c < w; c++) output[q * w + c] /= stateScale[q];
            outBias[q] /= stateScale[q];
        }

        return new FoldedReluNetwork(n, m, ReluCount, pre, _preBias, output, outBias, [.. ReluLayers]);
    }

    /// <summary>x' = F(x, u); also the ReLU pre-activations into <paramref name="preActivations"/> (length K) when it is not empty. Allocation-free.</summary>
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> preActivations = default)
    {
        int n = StateSize, m = InputSize, w = RowWidth;
        for (int r = 0; r < ReluCount; r++)
        {
            var row = _pre.AsSpan(r * w, w);
            double a = _preBias[r];
            for (int i = 0; i < n; i++) a += row[i] * state[i];
            for (int i = 0; i < m; i++) a += row[n + i] * input[i];
            for (int q = 0; q < r; q++) a += row[n + m + q] * _z[q];
            if (!preActivations.IsEmpty) preActivations[r] = a;
            _z[r] = a > 0 ? a : 0;
        }

        // nextState may alias state: accumulate into the ReLU scratch-free loop row by row after reading all of state.
        Span<double> result = stackalloc double[n];
        for (int q = 0; q < n; q++)
        {
            var row = _out.AsSpan(q * w, w);
            double s = _outBias[q];
            for (int i = 0; i < n; i++) s += row[i] * state[i];
            for (int i = 0; i < m; i++) s += row[n + i] * input[i];
            for (int j = 0; j < ReluCount; j++) s += row[n + m + j] * _z[j];
            result[q] = s;
        }

        result.CopyTo(nextState);
    }

    /// <summary>
    /// Interval bound propagation through one step from x in [<paramref name="stateLow"/>, <paramref name="stateHigh"/>],
    /// u in [<paramref name="inputLow"/>, <paramref name="inputHigh"/>]: bounds of each ReLU pre-activation (length K)
    /// and of the next state. Exact for the affine part (no loss between folded linear layers). Allocation-free.
    /// </summary>
    public void PropagateBounds(ReadOnlySpan<double> stateLow, ReadOnlySpan<double> stateHigh, ReadOnlySpan<double> inputLow, ReadOnlySpan<double> inputHigh,
        Span<double> preLow, Span<double> preHigh, Span<double> nextLow, Span<double> nextHigh)
    {
        int n = StateSize, m = InputSize, w = RowWidth;
        for (int r = 0; r < ReluCount; r++)
        {
            var row = _pre.AsSpan(r * w, w);
            double lo = _preBias[r], hi = _preBias[r];
            Accumulate(row, stateLow, stateHigh, inputLow, inputHigh, r, ref lo, ref hi);
            preLow[r] = lo;
            preHigh[r] = hi;
            _zLo[r] = Math.Max(0, lo);
            _zHi[r] = Math.Max(0, hi);
        }

        for (int q = 0; q < n; q++)
        {
            var row = _out.AsSpan(q * w, w);
            double lo = _outBias[q], hi = _outBias[q];
            Accumulate(row, stateLow, stateHigh, inputLow, inputHigh, ReluCount, ref lo, ref hi);
            nextLow[q] = lo;
            nextHigh[q] = hi;
        }

        void Accumulate(ReadOnlySpan<double> row, ReadOnlySpan<double> xl, ReadOnlySpan<double> xh, ReadOnlySpan<double> ul, ReadOnlySpan<double> uh, int relus, ref double lo, ref double hi)
        {
            for (int i = 0; i < n; i++) Add(row[i], xl[i], xh[i], ref lo, ref hi);
            for (int i = 0; i < m; i++) Add(row[n + i], ul[i], uh[i], ref lo, ref hi);
            for (int j = 0; j < relus; j++) Add(row[n + m + j], _zLo[j], _zHi[j], ref lo, ref hi);
        }

        static void Add(double c, double l, double h, ref double lo, ref double hi)
        {
            if (c >= 0) { lo += c * l; hi += c * h; }
            else { lo += c * h; hi += c * l; }
        }
    }
    /// <summary>
    /// Bounds of every ReLU pre-activation and state over a whole horizon from the known x_0, with the inputs free in
    /// their box: zonotope (affine-form) propagation, intersected step by step with plain interval propagation from the
    /// previous step's box and with the clip box.
    /// </summary>
    /// <remarks>
    /// Interval propagation over a horizon forgets that x_t and u_t enter the next step through the same (nearly
    /// linear) map, so its boxes grow geometrically (the wrapping effect; on the pusher at 8 ReLUs they were 20x the
    /// sampled ranges after 10 steps). Here every state is an affine form c + G e over noise symbols e in [-1, 1]: two
    /// per step for the inputs and one per uncertain ReLU (DeepZ's relaxation z = lambda a + mu + mu e_new with
    /// lambda = u / (u - l), mu = -lambda l / 2). Affine maps are exact on these forms, so only the ReLUs lose
    /// anything. Both bounds are sound, so is their intersection. Allocates (design-time, once per plan).
    /// </remarks>
    /// <param name="initialState">x_0 (length n).</param>
    /// <param name="inputLow">u_min: length m (the same box every step) or H·m (one box per step, e.g. a trust region around a plan).</param>
    /// <param name="inputHigh">u_max: length m or H·m, like <paramref name="inputLow"/>.</param>
    /// <param name="horizon">H.</param>
    /// <param name="clipLow">Hard lower state bounds for x_1 .. x_H (length n; -infinity for none).</param>
    /// <param name="clipHigh">Hard upper state bounds (length n; +infinity for none).</param>
    /// <param name="preLow">Out: [H, K] lower pre-activation bounds.</param>
    /// <param name="preHigh">Out: [H, K] upper pre-activation bounds.</param>
    /// <param name="stateLow">Out: [H + 1, n] lower state bounds (row 0 = x_0); a row with low &gt; high means the clip box is unreachable.</param>
    /// <param name="stateHigh">Out: [H + 1, n] upper state bounds.</param>
    public void PropagateHorizon(ReadOnlySpan<double> initialState, ReadOnlySpan<double> inputLow, ReadOnlySpan<double> inputHigh, int horizon,
        ReadOnlySpan<double> clipLow, ReadOnlySpan<double> clipHigh, Span<double> preLow, Span<double> preHigh, Span<double> stateLow, Span<double> stateHigh)
    {
        int n = StateSize, m = InputSize, k = ReluCount, w = RowWidth;
        bool perStep = inputLow.Length == horizon * m && horizon > 1;
        if ((inputLow.Length != m && !perStep) || inputHigh.Length != inputLow.Length)
        {
            throw new ArgumentException($"input bounds: expected {m} or {horizon * m} values (one box, or one per step), found {inputLow.Length} and {inputHigh.Length}.", nameof(inputLow));
        }

        int symbols = horizon * (m + k);
        var center = new double[w];                 // affine forms of v = [x; u] and z for the current step
        var gens = new double[w][];
        for (int i = 0; i < w; i++) gens[i] = new double[symbols];
        var nextCenter = new double[n];
        var nextGens = new double[n][];
        for (int i = 0; i < n; i++) nextGens[i] = new double[symbols];
        var ibpPreLo = new double[k];
        var ibpPreHi = new double[k];
        var ibpNextLo = new double[n];
        var ibpNextHi = new double[n];
        var boxLo = new double[n];
        var boxHi = new double[n];
        for (int i = 0; i < n; i++)
        {
            center[i] = initialState[i];
            boxLo[i] = boxHi[i] = initialState[i];
            stateLow[i] = stateHigh[i] = initialState[i];
        }

        int used = 0;
        for (int t = 0; t < horizon; t++)
        {
            var ul = perStep ? inputLow.Slice(t * m, m) : inputLow;
            var uh = perStep ? inputHigh.Slice(t * m, m) : inputHigh;
            for (int j = 0; j < m; j++)
            {
                center[n + j] = 0.5 * (ul[j] + uh[j]);
                Array.Clear(gens[n + j]);
                gens[n + j][used++] = 0.5 * (uh[j] - ul[j]);
            }

            PropagateBounds(boxLo, boxHi, ul, uh, ibpPreLo, ibpPreHi, ibpNextLo, ibpNextHi);
            for (int r = 0; r < k; r++)
            {
                var row = _pre.AsSpan(r * w, w);
                int zi = n + m + r;
                var g = gens[zi];
                Array.Clear(g);
                double c = Combine(row, n + m + r, center, gens, g, used) + _preBias[r];
                double radius = 0;
                for (int s = 0; s < used; s++) radius += Math.Abs(g[s]);
                double lo = Math.Max(c - radius, ibpPreLo[r]);
                double hi = Math.Min(c + radius, ibpPreHi[r]);
                preLow[t * k + r] = lo;
                preHigh[t * k + r] = hi;
                if (hi <= 0)
                {
                    center[zi] = 0;
                    Array.Clear(g);
                }
                else if (lo >= 0)
                {
                    center[zi] = c;
                }
                else
                {
                    double lambda = hi / (hi - lo), mu = -lambda * lo / 2;
                    for (int s = 0; s < used; s++) g[s] *= lambda;
                    center[zi] = lambda * c + mu;
                    g[used++] = mu;
                }
            }

            for (int q = 0; q < n; q++)
            {
                var row = _out.AsSpan(q * w, w);
                Array.Clear(nextGens[q]);
                double c = Combine(row, w, center, gens, nextGens[q], used) + _outBias[q];
                nextCenter[q] = c;
                double radius = 0;
                for (int s = 0; s < used; s++) radius += Math.Abs(nextGens[q][s]);
                double lo = Math.Max(Math.Max(c - radius, ibpNextLo[q]), clipLow[q]);
                double hi = Math.Min(Math.Min(c + radius, ibpNextHi[q]), clipHigh[q]);
                stateLow[(t + 1) * n + q] = lo;
                stateHigh[(t + 1) * n + q] = hi;
                boxLo[q] = lo;
                boxHi[q] = Math.Max(lo, hi);
            }

            for (int q = 0; q < n; q++)
            {
                center[q] = nextCenter[q];
                nextGens[q].CopyTo(gens[q], 0);
            }
        }

        static double Combine(ReadOnlySpan<double> row, int columns, double[] center, double[][] gens, double[] into, int used)
        {
            double c = 0;
            for (int i = 0; i < columns; i++)
            {
                double coefficient = row[i];
                if (coefficient == 0) continue;
                c += coefficient * center[i];
                var gi = gens[i];
                for (int s = 0; s < used; s++) into[s] += coefficient * gi[s];
            }

            return c;
        }
    }
}
