namespace Robotics.Core.Tests;

/// <summary>Printed by <c>python3 tests/golden/rng/rng_golden.py</c>.</summary>
internal static class RngGolden
{
    public const ulong Seed0First = 0x16CDF0742BF25750UL;
    public const ulong Seed0Second = 0xE5CB66564EB785BBUL;
}
