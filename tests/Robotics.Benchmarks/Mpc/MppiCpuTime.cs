using System.Globalization;
using System.Runtime.InteropServices;

namespace Robotics.Benchmarks.Mpc;

/// <summary>
/// Thread CPU time per MPPI plan for the <see cref="MppiBenchmarks"/> cases (<c>--mppi-cpu-time</c>): on the shared
/// 2-core machine wall-clock times are inflated by other processes, while the CPU time of the planning thread is
/// what the targets (plans per second on one core) ask about. Prints a markdown table.
/// </summary>
public static class MppiCpuTime
{
    private const int ClockThreadCpuTime = 3;   // CLOCK_THREAD_CPUTIME_ID (Linux)

    /// <summary>Runs the measurement: 3 warm-up plans per case, then 7 interleaved rounds of 10 plans; median and minimum CPU ms.</summary>
    public static int Run()
    {
        var bench = new MppiBenchmarks();
        bench.Setup();
        (string Name, Func<double> Plan)[] cases =
        [
            ("PlanBicycleAnalytic", bench.PlanBicycleAnalytic),
            ("PlanBicycleRk4", bench.PlanBicycleRk4),
            ("PlanMsdMlp", bench.PlanMsdMlp),
            ("PlanMsdMlpPerSample", bench.PlanMsdMlpPerSample),
            ("PlanBicycleMlp", bench.PlanBicycleMlp),
            ("PlanBicycleMlpPerSample", bench.PlanBicycleMlpPerSample),
            ("CemPlanBicycleAnalytic", bench.CemPlanBicycleAnalytic),
        ];
        foreach (var (_, plan) in cases)
        {
            for (int i = 0; i < 3; i++) plan();
        }

        // Rounds interleave the cases, so that a change of machine load hits all of them alike.
        const int rounds = 7;
        var times = new double[cases.Length, rounds];
        var allocated = new long[cases.Length];
        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < cases.Length; c++)
            {
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                double t0 = ThreadCpuMs();
                for (int i = 0; i < 10; i++) cases[c].Plan();
                times[c, r] = (ThreadCpuMs() - t0) / 10;
                allocated[c] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        }

        Console.WriteLine($"| benchmark | CPU ms / plan (median of {rounds} interleaved rounds of 10) | min | plans/s (median) | allocated B / plan |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int c = 0; c < cases.Length; c++)
        {
            var row = new double[rounds];
            for (int r = 0; r < rounds; r++) row[r] = times[c, r];
            Array.Sort(row);
            double ms = row[rounds / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {ms:F2} | {row[0]:F2} | {1000 / ms:F1} | {allocated[c] / (rounds * 10.0):F0} |"));
        }

        return 0;
    }

    private static double ThreadCpuMs()
    {
        if (clock_gettime(ClockThreadCpuTime, out var ts) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        return ts.Seconds * 1e3 + ts.Nanoseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
