using Robotics.Core.Randomness;

namespace Robotics.Control.Evolution;

/// <summary>
/// The covariance matrix adaptation evolution strategy (CMA-ES) for minimisation, with the ask/tell interface and
/// a seeded <see cref="Rng"/>: the same seed and the same fitness values give the same search, bit for bit.
/// </summary>
/// <remarks>
/// <para>Follows Hansen, "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772): weighted recombination of
/// the best mu = lambda/2 candidates, cumulative step-size adaptation (path p_sigma), rank-one (path p_c, with the
/// h_sigma stall) and rank-mu covariance updates, and a lazy eigen-decomposition of C every
/// max(1, floor(1 / (10 D (c1 + c_mu)))) generations. With <see cref="CmaEsOptions.Diagonal"/> it is sep-CMA-ES:
/// C is diagonal and the learning rates c1, c_mu are multiplied by (D + 2)/3.</para>
/// <code>
///   x_k = m + sigma B D z_k, z_k ~ N(0, I)                       sample (ask)
///   m'  = sum_i w_i x_(i)                                         recombination (tell)
///   p_s = (1 - c_s) p_s + sqrt(c_s (2 - c_s) mu_eff) C^(-1/2) (m' - m)/sigma
///   p_c = (1 - c_c) p_c + h_s sqrt(c_c (2 - c_c) mu_eff) (m' - m)/sigma
///   C   = (1 - c1 - c_mu) C + c1 (p_c p_c^T + (1 - h_s) c_c (2 - c_c) C) + c_mu sum_i w_i y_i y_i^T
///   sigma = sigma exp(c_s/d_s (|p_s| / E|N(0,I)| - 1))
/// </code>
/// <para><see cref="Ask"/> and <see cref="Tell"/> allocate nothing after construction; the candidates returned by
/// <see cref="Ask"/> are owned by the optimiser and overwritten by the next call.</para>
/// </remarks>
public sealed class CmaEs
{
    private readonly int _n, _lambda, _mu;
    private readonly double[] _weights;
    private readonly double _muEff, _cc, _cs, _c1, _cmu, _damps, _chiN;
    private readonly double[] _mean, _oldMean, _ps, _pc, _c, _b, _d, _work, _tmp, _step;
    private readonly double[][] _x, _z, _clamped;
    private readonly double[] _fitness, _penalized;
    private readonly int[] _order;
    private readonly Rng _rng;
    private readonly int _eigenGap;
    private int _lastEigen;
    private double _sigma;
    private readonly double[] _best;

    /// <summary>Creates the optimiser around <paramref name="initialMean"/>.</summary>
    /// <param name="initialMean">Start point m_0 (its length is the dimension D &gt;= 1).</param>
    /// <param name="options">Settings (validated).</param>
    /// <param name="rng">The random stream (owned by the optimiser from now on).</param>
    /// <exception cref="ArgumentException">An option is invalid or the mean is empty or not finite.</exception>
    public CmaEs(ReadOnlySpan<double> initialMean, CmaEsOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate();
        if (initialMean.Length < 1)
        {
            throw new ArgumentException("CMA-ES: the initial mean must have at least one coordinate.", nameof(initialMean));
        }

        foreach (double v in initialMean)
        {
            if (!double.IsFinite(v)) throw new ArgumentException("CMA-ES: the initial mean must be finite.", nameof(initialMean));
        }

        Options = options;
        _rng = rng;
        _n = initialMean.Length;
        int n = _n;
        _lambda = options.PopulationSize ?? 4 + (int)Math.Floor(3.0 * Math.Log(n));
        _mu = _lambda / 2;
        _weights = new double[_mu];
        double sum = 0.0;
        for (int i = 0; i < _mu; i++)
        {
            _weights[i] = Math.Log(_mu + 0.5) - Math.Log(i + 1);
            sum += _weights[i];
        }

        double sumSq = 0.0;
        for (int i = 0; i < _mu; i++)
        {
            _weights[i] /= sum;
            sumSq += _weights[i] * _weights[i];
        }

        _muEff = 1.0 / sumSq;
        _cc = (4.0 + _muEff / n) / (n + 4.0 + 2.0 * _muEff / n);
        _cs = (_muEff + 2.0) / (n + _muEff + 5.0);
        double c1 = 2.0 / ((n + 1.3) * (n + 1.3) + _muEff);
        double cmu = Math.Min(1.0 - c1, 2.0 * (_muEff - 2.0 + 1.0 / _muEff) / ((n + 2.0) * (n + 2.0) + _muEff));
        if (options.Diagonal)
        {
            double factor = (n + 2.0) / 3.0;
            c1 = Math.Min(1.0, c1 * factor);
            cmu = Math.Min(1.0 - c1, cmu * factor);
        }

        _c1 = c1;
        _cmu = cmu;
        _damps = 1.0 + 2.0 * Math.Max(0.0, Math.Sqrt((_muEff - 1.0) / (n + 1.0)) - 1.0) + _cs;
        _chiN = Math.Sqrt(n) * (1.0 - 1.0 / (4.0 * n) + 1.0 / (21.0 * n * n));
        _eigenGap = Math.Max(1, (int)Math.Floor(1.0 / (10.0 * n * (_c1 + _cmu))));

        _mean = initialMean.ToArray();
        _oldMean = new double[n];
        _ps = new double[n];
        _pc = new double[n];
        _d = new double[n];
        Array.Fill(_d, 1.0);
        _work = new double[n];
        _tmp = new double[n];
        _step = new double[n];
        if (options.Diagonal)
        {
            _c = new double[n];
            Array.Fill(_c, 1.0);
            _b = [];
        }
        else
        {
            _c = new double[n * n];
            _b = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                _c[i * n + i] = 1.0;
                _b[i * n + i] = 1.0;
            }
        }

        _x = new double[_lambda][];
        _z = new double[_lambda][];
        _clamped = new double[_lambda][];
        for (int k = 0; k < _lambda; k++)
        {
            _x[k] = new double[n];
            _z[k] = new double[n];
            _clamped[k] = new double[n];
        }

        _fitness = new double[_lambda];
        _penalized = new double[_lambda];
        _order = new int[_lambda];
        _sigma = options.InitialSigma;
        _best = _mean.ToArray();
        BestFitness = double.PositiveInfinity;
    }

    /// <summary>The settings.</summary>
    public CmaEsOptions Options { get; }

    /// <summary>Dimension D.</summary>
    public int Dimension => _n;

    /// <summary>Population size lambda.</summary>
    public int PopulationSize => _lambda;

    /// <summary>Number of parents mu.</summary>
    public int ParentCount => _mu;

    /// <summary>Completed generations (calls of <see cref="Tell"/>).</summary>
    public int Generation { get; private set; }

    /// <summary>Current step size sigma.</summary>
    public double Sigma => _sigma;

    /// <summary>Current distribution mean m.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>Best fitness seen so far (of a box-clamped candidate as evaluated; the first lowest wins ties).</summary>
    public double BestFitness { get; private set; }

    /// <summary>The (box-clamped) candidate with <see cref="BestFitness"/>; the initial mean before the first tell.</summary>
    public ReadOnlySpan<double> BestSolution => _best;

    /// <summary>Ratio of the largest to the smallest standard deviation along the principal axes of C.</summary>
    public double AxisRatio
    {
        get
        {
            double max = 0.0, min = double.PositiveInfinity;
            foreach (double v in _d)
            {
                max = Math.Max(max, v);
                min = Math.Min(min, v);
            }

            return max / min;
        }
    }

    /// <summary>Samples a new population; returns the candidates clamped into the bounds (the points to evaluate).
    /// The arrays are reused by the next call.</summary>
    public IReadOnlyList<double[]> Ask()
    {
        int n = _n;
        UpdateEigen();
        for (int k = 0; k < _lambda; k++)
        {
            double[] z = _z[k], x = _x[k], clamped = _clamped[k];
            for (int i = 0; i < n; i++) z[i] = _rng.NextGaussian();
            if (Options.Diagonal)
            {
                for (int i = 0; i < n; i++) x[i] = _mean[i] + _sigma * _d[i] * z[i];
            }
            else
            {
                for (int i = 0; i < n; i++) _tmp[i] = _d[i] * z[i];
                for (int i = 0; i < n; i++)
                {
                    double s = 0.0;
                    int row = i * n;
                    for (int j = 0; j < n; j++) s += _b[row + j] * _tmp[j];
                    x[i] = _mean[i] + _sigma * s;
                }
            }

            for (int i = 0; i < n; i++) clamped[i] = Math.Clamp(x[i], Options.LowerBound, Options.UpperBound);
        }

        return _clamped;
    }

    /// <summary>Updates the distribution with the fitness (lower is better) of the candidates of the last
    /// <see cref="Ask"/>, in the same order. NaN counts as +infinity.</summary>
    /// <exception cref="ArgumentException">The number of values is not lambda.</exception>
    public void Tell(ReadOnlySpan<double> fitness)
    {
        if (fitness.Length != _lambda)
        {
            throw new ArgumentException($"CMA-ES: {fitness.Length} fitness values given, population size is {_lambda}.", nameof(fitness));
        }

        int n = _n;
        for (int k = 0; k < _lambda; k++)
        {
            double f = double.IsNaN(fitness[k]) ? double.PositiveInfinity : fitness[k];
            double distance = 0.0;
            for (int i = 0; i < n; i++)
            {
                double diff = _x[k][i] - _clamped[k][i];
                distance += diff * diff;
            }

            _fitness[k] = f;
            _penalized[k] = f + Options.BoundPenalty * distance;
            _order[k] = k;
        }

        // Stable insertion sort by penalised fitness: ties keep sampling order, so the result is deterministic.
        for (int i = 1; i < _lambda; i++)
        {
            int key = _order[i];
            int j = i - 1;
            while (j >= 0 && _penalized[_order[j]] > _penalized[key])
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = key;
        }

        // The best solution is the clamped point that was actually evaluated, so it is judged by its raw fitness;
        // the penalty only steers the distribution back into the box.
        for (int k = 0; k < _lambda; k++)
        {
            if (_fitness[k] < BestFitness)
            {
                BestFitness = _fitness[k];
                _clamped[k].CopyTo(_best, 0);
            }
        }

        // Recombination.
        _mean.CopyTo(_oldMean, 0);
        Array.Clear(_mean);
        for (int r = 0; r < _mu; r++)
        {
            double[] x = _x[_order[r]];
            double w = _weights[r];
            for (int i = 0; i < n; i++) _mean[i] += w * x[i];
        }

        for (int i = 0; i < n; i++) _step[i] = (_mean[i] - _oldMean[i]) / _sigma;

        // C^(-1/2) y_w = B D^-1 B^T y_w (diagonal: y_w / d).
        if (Options.Diagonal)
        {
            for (int i = 0; i < n; i++) _work[i] = _step[i] / _d[i];
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0.0;
                for (int i = 0; i < n; i++) s += _b[i * n + j] * _step[i];
                _tmp[j] = s / _d[j];
            }

            for (int i = 0; i < n; i++)
            {
                double s = 0.0;
                int row = i * n;
                for (int j = 0; j < n; j++) s += _b[row + j] * _tmp[j];
                _work[i] = s;
            }
        }

        double csFactor = Math.Sqrt(_cs * (2.0 - _cs) * _muEff);
        double psNorm2 = 0.0;
        for (int i = 0; i < n; i++)
        {
            _ps[i] = (1.0 - _cs) * _ps[i] + csFactor * _work[i];
            psNorm2 += _ps[i] * _ps[i];
        }

        double psNorm = Math.Sqrt(psNorm2);
        int g = Generation + 1;
        bool hsig = psNorm / Math.Sqrt(1.0 - Math.Pow(1.0 - _cs, 2.0 * g)) / _chiN < 1.4 + 2.0 / (n + 1.0);
        double ccFactor = Math.Sqrt(_cc * (2.0 - _cc) * _muEff);
        for (int i = 0; i < n; i++) _pc[i] = (1.0 - _cc) * _pc[i] + (hsig ? ccFactor * _step[i] : 0.0);

        double deltaH = hsig ? 0.0 : _cc * (2.0 - _cc);
        double keep = 1.0 - _c1 - _cmu;
        if (Options.Diagonal)
        {
            for (int i = 0; i < n; i++)
            {
                double rankMu = 0.0;
                for (int r = 0; r < _mu; r++)
                {
                    double y = (_x[_order[r]][i] - _oldMean[i]) / _sigma;
                    rankMu += _weights[r] * y * y;
                }

                _c[i] = keep * _c[i] + _c1 * (_pc[i] * _pc[i] + deltaH * _c[i]) + _cmu * rankMu;
            }
        }
        else
        {
            // Scale the parents' steps y_r = (x_r - m_old)/sigma into the z buffers (no longer needed).
            for (int r = 0; r < _mu; r++)
            {
                double[] x = _x[_order[r]], y = _z[_order[r]];
                for (int i = 0; i < n; i++) y[i] = (x[i] - _oldMean[i]) / _sigma;
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double rankMu = 0.0;
                    for (int r = 0; r < _mu; r++)
                    {
                        double[] y = _z[_order[r]];
                        rankMu += _weights[r] * y[i] * y[j];
                    }

                    double value = keep * _c[i * n + j] + _c1 * (_pc[i] * _pc[j] + deltaH * _c[i * n + j]) + _cmu * rankMu;
                    _c[i * n + j] = value;
                    _c[j * n + i] = value;
                }
            }
        }

        _sigma *= Math.Exp(_cs / _damps * (psNorm / _chiN - 1.0));
        Generation = g;
    }

    /// <summary>Runs ask/evaluate/tell for <paramref name="generations"/> generations.</summary>
    /// <param name="evaluate">Fills the fitness of each candidate (the evaluator may run in parallel; see
    /// <see cref="ParallelFitness{TWorkspace}"/>).</param>
    /// <param name="generations">Number of generations.</param>
    /// <param name="onGeneration">Optional callback after each generation (progress).</param>
    public void Run(Action<IReadOnlyList<double[]>, double[]> evaluate, int generations, Action<CmaEs>? onGeneration = null)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        var fitness = new double[_lambda];
        for (int g = 0; g < generations; g++)
        {
            var candidates = Ask();
            evaluate(candidates, fitness);
            Tell(fitness);
            onGeneration?.Invoke(this);
        }
    }

    private void UpdateEigen()
    {
        int n = _n;
        if (Options.Diagonal)
        {
            for (int i = 0; i < n; i++) _d[i] = Math.Sqrt(Math.Max(_c[i], 1e-300));
            return;
        }

        if (Generation == 0 || Generation - _lastEigen < _eigenGap) return;
        _lastEigen = Generation;
        SymmetricEigen.Decompose(_c, n, _b, _d, _work);
        for (int i = 0; i < n; i++) _d[i] = Math.Sqrt(Math.Max(_d[i], 1e-300));
    }
}
