using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Robotics.Benchmarks;

/// <summary>
/// Simulated seconds per wall-clock second for benchmarks that simulate <see cref="SimulatorThroughputBenchmarks.SimulatedSeconds"/>
/// per operation (names ending in <c>10s</c>): 10 s / mean. Empty for other benchmarks.
/// </summary>
public sealed class RealTimeFactorColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(RealTimeFactorColumn);

    /// <inheritdoc />
    public string ColumnName => "RealTimeFactor";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Simulated seconds per wall-clock second (10 s / Mean)";

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!benchmarkCase.Descriptor.WorkloadMethod.Name.EndsWith("10s", StringComparison.Ordinal)) return "-";
        if (summary[benchmarkCase]?.ResultStatistics is not { } stats) return "NA";
        return (SimulatorThroughputBenchmarks.SimulatedSeconds / (stats.Mean * 1e-9)).ToString("N0", CultureInfo.InvariantCulture) + "x";
    }
}
