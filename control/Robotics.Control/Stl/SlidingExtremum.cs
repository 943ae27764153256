namespace Robotics.Control.Stl;

/// <summary>
/// Windowed minimum or maximum over a whole array in linear time (the monotone-deque algorithm of Lemire, 2006): each
/// index enters and leaves the deque at most once, whatever the window length.
/// </summary>
internal static class SlidingExtremum
{
    /// <summary>
    /// Future windows: <c>y[k] = ext x[j], j in [k+lo, k+hi]</c>; past windows: <c>j in [k-hi, k-lo]</c>; windows are cut
    /// at the ends of the array, and an empty window gives +inf for min and -inf for max.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> x, int lo, int hi, bool past, bool isMin, Span<double> y, int[] deque)
    {
        int n = x.Length;
        long hiL = hi;
        double empty = isMin ? double.PositiveInfinity : double.NegativeInfinity;
        int head = 0;
        int tail = 0;
        if (!past)
        {
            for (int k = n - 1; k >= 0; k--)
            {
                long add = (long)k + lo;
                if (add < n)
                {
                    double v = x[(int)add];
                    while (tail > head && (isMin ? x[deque[tail - 1]] >= v : x[deque[tail - 1]] <= v))
                    {
                        tail--;
                    }

                    deque[tail++] = (int)add;
                }

                while (tail > head && deque[head] > k + hiL)
                {
                    head++;
                }

                y[k] = tail > head ? x[deque[head]] : empty;
            }
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                long add = (long)k - lo;
                if (add >= 0)
                {
                    double v = x[(int)add];
                    while (tail > head && (isMin ? x[deque[tail - 1]] >= v : x[deque[tail - 1]] <= v))
                    {
                        tail--;
                    }

                    deque[tail++] = (int)add;
                }

                while (tail > head && deque[head] < k - hiL)
                {
                    head++;
                }

                y[k] = tail > head ? x[deque[head]] : empty;
            }
        }
    }
}
