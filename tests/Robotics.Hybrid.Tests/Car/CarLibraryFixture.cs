using Robotics.Sim.Hybrid.Car;

namespace Robotics.Hybrid.Tests.Car;

/// <summary>Builds the car's per-mode LQR and RoA estimates once for the test class.</summary>
public sealed class CarLibraryFixture
{
    public CarModeLibrary Library { get; } = new(new CarHybridOptions());
}
