namespace Robotics.Drivers.Serial;

/// <summary>Opens the <see cref="ISerialLink"/> that <see cref="SerialLinkOptions.Kind"/> selects.</summary>
public static class SerialLinkFactory
{
    /// <summary>Opens <paramref name="portName"/> (a device path or symlink; PTYs work).</summary>
    /// <exception cref="IOException">The port cannot be opened (missing, busy, not a terminal).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied or (System.IO.Ports) the port is missing.</exception>
    public static ISerialLink Open(string portName, SerialLinkOptions? options = null)
    {
        options ??= new SerialLinkOptions();
        return options.ResolvedKind == SerialLinkKind.Posix
            ? PosixTtyLink.Open(portName, options)
            : SerialPortLink.Open(portName, options);
    }

    /// <summary>
    /// Candidate serial ports on this machine: on Linux <c>/dev/serial/by-id/*</c> (stable names, listed
    /// first), <c>/dev/ttyACM*</c> and <c>/dev/ttyUSB*</c>; elsewhere <see cref="System.IO.Ports.SerialPort.GetPortNames"/>.
    /// Pseudo-terminals are never listed: pass their path explicitly.
    /// </summary>
    public static IReadOnlyList<string> ListCandidatePorts()
    {
        var ports = new List<string>();
        if (OperatingSystem.IsLinux())
        {
            const string byId = "/dev/serial/by-id";
            if (Directory.Exists(byId)) ports.AddRange(Directory.GetFiles(byId).Order(StringComparer.Ordinal));
            ports.AddRange(Directory.GetFiles("/dev", "ttyACM*").Order(StringComparer.Ordinal));
            ports.AddRange(Directory.GetFiles("/dev", "ttyUSB*").Order(StringComparer.Ordinal));
        }
        else
        {
            ports.AddRange(System.IO.Ports.SerialPort.GetPortNames().Order(StringComparer.Ordinal));
        }

        return ports;
    }
}
