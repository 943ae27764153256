using Xunit.Abstractions;
using Xunit.Sdk;

namespace Robotics.Hil;

/// <summary>Discovers <see cref="RigFactAttribute"/> tests: skipped cases for real-rig classes without hardware.</summary>
public sealed class RigFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var real = testMethod.TestClass.Class.GetCustomAttributes(typeof(RealRigAttribute)).Any();
        if (real && RigTarget.RealRigSkipReason() is { } reason)
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
