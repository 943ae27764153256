using System.Xml.Linq;

namespace Robotics.Cli.Testing;

/// <summary>
/// Test counts read from the TRX files that <c>dotnet test --logger trx</c> writes (one per test project),
/// summed into the one line CI reads: <c>Tests: N passed, M failed[, K skipped]</c>.
/// </summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped, int Files)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads and sums the counters of every TRX file.</summary>
    /// <exception cref="InvalidDataException">A file has no ResultSummary/Counters element.</exception>
    public static TestRunSummary FromTrxFiles(IEnumerable<string> paths)
    {
        int passed = 0, failed = 0, skipped = 0, files = 0;
        foreach (string path in paths)
        {
            var counters = XDocument.Load(path).Root?.Element(Trx + "ResultSummary")?.Element(Trx + "Counters")
                ?? throw new InvalidDataException($"{path}: no ResultSummary/Counters element; is it a TRX file?");
            passed += Count(counters, "passed");
            // Errors, time-outs and aborts are failures too: a test that did not pass and was not skipped.
            failed += Count(counters, "failed") + Count(counters, "error") + Count(counters, "timeout") + Count(counters, "aborted");
            // xunit's skipped tests are counted in total but not in executed (notExecuted stays 0).
            skipped += Math.Max(Count(counters, "notExecuted"), Count(counters, "total") - Count(counters, "executed"));
            files++;
        }

        return new TestRunSummary(passed, failed, skipped, files);
    }

    /// <summary>The summary line, e.g. <c>Tests: 120 passed, 0 failed, 2 skipped</c>.</summary>
    public string ToSummaryLine() =>
        $"Tests: {Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : "");

    private static int Count(XElement counters, string name) =>
        int.TryParse((string?)counters.Attribute(name), out int n) ? n : 0;
}
