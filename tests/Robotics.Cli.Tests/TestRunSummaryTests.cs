using Robotics.Cli.Testing;

namespace Robotics.Cli.Tests;

public sealed class TestRunSummaryTests
{
    private static string WriteTrx(string counters)
    {
        string path = Path.Combine(Path.GetTempPath(), $"robotics-{Guid.NewGuid():N}.trx");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Failed">
                <Counters {counters} />
              </ResultSummary>
            </TestRun>
            """);
        return path;
    }

    [Fact]
    public void SumsCountersAcrossFiles_CountingErrorsAndTimeoutsAsFailures()
    {
        var a = WriteTrx("""total="10" executed="9" passed="7" failed="1" error="1" timeout="0" aborted="0" notExecuted="1" """);
        var b = WriteTrx("""total="5" executed="5" passed="4" failed="0" error="0" timeout="1" aborted="0" notExecuted="0" """);
        try
        {
            var summary = TestRunSummary.FromTrxFiles([a, b]);
            Assert.Equal(new TestRunSummary(Passed: 11, Failed: 3, Skipped: 1, Files: 2), summary);
            Assert.Equal("Tests: 11 passed, 3 failed, 1 skipped", summary.ToSummaryLine());
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void XunitSkips_AreCountedFromTotalMinusExecuted()
    {
        // The counters vstest writes for 44 passing tests and one [Fact(Skip = ...)]: notExecuted stays 0.
        var trx = WriteTrx("""total="45" executed="44" passed="44" failed="0" error="0" timeout="0" aborted="0" notExecuted="0" """);
        try
        {
            Assert.Equal("Tests: 44 passed, 0 failed, 1 skipped", TestRunSummary.FromTrxFiles([trx]).ToSummaryLine());
        }
        finally
        {
            File.Delete(trx);
        }
    }

    [Fact]
    public void NoSkips_OmitsTheSkippedPart() =>
        Assert.Equal("Tests: 5 passed, 0 failed", new TestRunSummary(5, 0, 0, 1).ToSummaryLine());

    [Fact]
    public void NotATrxFile_IsReportedWithItsPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"robotics-{Guid.NewGuid():N}.trx");
        File.WriteAllText(path, "<html/>");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => TestRunSummary.FromTrxFiles([path]));
            Assert.Contains(path, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
