using System.Reflection;
using System.Runtime.InteropServices;

namespace Robotics.Ros.Dds.Native;

/// <summary>
/// Locates Eclipse Cyclone DDS's C library. Debian ships it as <c>libddsc.so.0debian</c> (package
/// <c>libddsc0debian</c>), other builds as <c>libddsc.so.0</c> or, with the development package, <c>libddsc.so</c>.
/// The environment variable <see cref="OverrideVariable"/> names a file or library name to load instead.
/// </summary>
public static class CycloneLibrary
{
    /// <summary>Environment variable that overrides the library to load (a path or a name for <c>dlopen</c>).</summary>
    public const string OverrideVariable = "ROBOTICS_DDSC_LIBRARY";

    /// <summary>The library name used by the P/Invoke declarations; the resolver maps it to a real file.</summary>
    internal const string ImportName = "ddsc";

    /// <summary>Library names tried in order when <see cref="OverrideVariable"/> is not set.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["libddsc.so.0debian", "libddsc.so.0", "libddsc.so"];

    private static readonly object Gate = new();
    private static bool _registered;
    private static nint _handle;
    private static string? _loadedFrom;
    private static string? _error;

    /// <summary>The name or path the library was loaded from, or null if it has not been loaded.</summary>
    public static string? LoadedFrom
    {
        get
        {
            lock (Gate)
            {
                return _loadedFrom;
            }
        }
    }

    /// <summary>Loads the library (once) and installs the P/Invoke resolver.</summary>
    /// <param name="error">Why the library could not be loaded, naming every candidate tried.</param>
    /// <returns>True when the library is loaded.</returns>
    public static bool TryLoad(out string? error)
    {
        lock (Gate)
        {
            if (!_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(CycloneLibrary).Assembly, Resolve);
                _registered = true;
            }

            if (_handle == 0 && _error is null)
            {
                Load();
            }

            error = _error;
            return _handle != 0;
        }
    }

    /// <summary>Loads the library or throws <see cref="DllNotFoundException"/> with the names tried and how to fix it.</summary>
    public static void EnsureLoaded()
    {
        if (!TryLoad(out string? error))
        {
            throw new DllNotFoundException(error);
        }
    }

    private static void Load()
    {
        string? overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        IReadOnlyList<string> names = string.IsNullOrWhiteSpace(overridden) ? Candidates : [overridden];
        foreach (string name in names)
        {
            if (NativeLibrary.TryLoad(name, out nint handle))
            {
                _handle = handle;
                _loadedFrom = name;
                return;
            }
        }

        _error = string.IsNullOrWhiteSpace(overridden)
            ? $"Cyclone DDS C library not found (tried {string.Join(", ", Candidates)}). Install it with 'apt-get install libddsc0debian' or set {OverrideVariable} to the library's path."
            : $"Cyclone DDS C library '{overridden}' (from {OverrideVariable}) could not be loaded. Fix the path or unset {OverrideVariable}.";
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != ImportName)
        {
            return 0;
        }

        lock (Gate)
        {
            if (_handle == 0 && _error is null)
            {
                Load();
            }

            return _handle;
        }
    }
}
