namespace Robotics.Drivers.Serial;

/// <summary>Told once that a serial link is lost, with the exception that showed it.</summary>
public delegate void SerialLostHandler(Exception reason);
