using System.Runtime.InteropServices;

namespace Robotics.Ros.Tests.Messages.Golden;

/// <summary>
/// Cyclone DDS's own XCDR1 code (libddsc 0.10.2, <c>dds/ddsi/ddsi_cdrstream.h</c>), used as an independent oracle:
/// <c>dds_stream_writeLE</c> serializes a native sample with an ops program, <c>dds_stream_normalize_data</c> is the
/// validator Cyclone runs on every received sample, <c>dds_stream_read</c> decodes CDR into a native sample.
/// Loaded explicitly (<c>libddsc.so.0debian</c>, then <c>libddsc.so.0</c>, <c>libddsc.so</c>); tests skip when absent.
/// </summary>
internal static unsafe class CycloneCdr
{
    private const uint Xcdr1 = 1;
    private static readonly nint Library = Load();

    private static readonly delegate* unmanaged<DdsOstream*, uint, uint, void> OstreamLeInit =
        (delegate* unmanaged<DdsOstream*, uint, uint, void>)Export("dds_ostreamLE_init");

    private static readonly delegate* unmanaged<DdsOstream*, void> OstreamLeFini =
        (delegate* unmanaged<DdsOstream*, void>)Export("dds_ostreamLE_fini");

    private static readonly delegate* unmanaged<DdsOstream*, byte*, uint*, uint*> StreamWriteLe =
        (delegate* unmanaged<DdsOstream*, byte*, uint*, uint*>)Export("dds_stream_writeLE");

    private static readonly delegate* unmanaged<byte*, uint*, uint, byte, uint, uint*, uint*> NormalizeData =
        (delegate* unmanaged<byte*, uint*, uint, byte, uint, uint*, uint*>)Export("dds_stream_normalize_data");

    private static readonly delegate* unmanaged<DdsIstream*, uint, byte*, uint, void> IstreamInit =
        (delegate* unmanaged<DdsIstream*, uint, byte*, uint, void>)Export("dds_istream_init");

    private static readonly delegate* unmanaged<DdsIstream*, void> IstreamFini =
        (delegate* unmanaged<DdsIstream*, void>)Export("dds_istream_fini");

    private static readonly delegate* unmanaged<DdsIstream*, byte*, uint*, uint*> StreamRead =
        (delegate* unmanaged<DdsIstream*, byte*, uint*, uint*>)Export("dds_stream_read");

    private static readonly delegate* unmanaged<byte*, uint*, void> StreamFreeSample =
        (delegate* unmanaged<byte*, uint*, void>)Export("dds_stream_free_sample");

    /// <summary>Null when libddsc loaded; otherwise why the Cyclone oracle tests are skipped.</summary>
    public static string? SkipReason { get; } = Library == 0
        ? "libddsc (Debian libddsc0debian / cyclonedds-dev) is not installed; the Cyclone serializer oracle is unavailable"
        : null;

    /// <summary>Cyclone's XCDR1 little-endian encoding of a native sample, with the 4-byte header 00 01 00 00 prepended.</summary>
    public static byte[] Serialize(nint sample, uint[] ops)
    {
        DdsOstream os;
        OstreamLeInit(&os, 0, Xcdr1);
        try
        {
            fixed (uint* o = ops)
            {
                StreamWriteLe(&os, (byte*)sample, o);
            }

            var result = new byte[4 + os.Index];
            result[1] = 0x01;
            new ReadOnlySpan<byte>(os.Buffer, (int)os.Index).CopyTo(result.AsSpan(4));
            return result;
        }
        finally
        {
            OstreamLeFini(&os);
        }
    }

    /// <summary>
    /// Cyclone's receive-side validation of an XCDR1 little-endian sample (header included; the header itself is
    /// not checked here). True when <c>dds_stream_normalize_data</c> accepts the body.
    /// </summary>
    public static bool Accepts(ReadOnlySpan<byte> sample, uint[] ops)
    {
        if (sample.Length < 4)
        {
            return false;
        }

        byte[] body = sample[4..].ToArray(); // normalize works in place
        uint off = 0;
        fixed (byte* b = body)
        fixed (uint* o = ops)
        {
            // An empty body still needs a valid pointer.
            byte dummy = 0;
            byte* p = body.Length == 0 ? &dummy : b;
            return NormalizeData(p, &off, (uint)body.Length, 0, Xcdr1, o) != null;
        }
    }

    /// <summary>
    /// Decodes a valid XCDR1 sample (header included) into a zeroed native sample of <paramref name="size"/> bytes
    /// with <c>dds_stream_read</c>, then re-encodes it with <c>dds_stream_writeLE</c>.
    /// </summary>
    public static byte[] ReadThenWrite(ReadOnlySpan<byte> sample, uint[] ops, int size, Func<nint, byte[]>? inspect = null)
    {
        byte[] body = sample[4..].ToArray();
        byte* native = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(size, 8));
        try
        {
            DdsIstream istr;
            fixed (byte* b = body)
            fixed (uint* o = ops)
            {
                byte dummy = 0;
                IstreamInit(&istr, (uint)body.Length, body.Length == 0 ? &dummy : b, Xcdr1);
                StreamRead(&istr, native, o);
                IstreamFini(&istr);
            }

            return inspect is null ? Serialize((nint)native, ops) : inspect((nint)native);
        }
        finally
        {
            fixed (uint* o = ops)
            {
                StreamFreeSample(native, o); // frees strings and sequence buffers Cyclone allocated
            }

            NativeMemory.Free(native);
        }
    }

    private static nint Load()
    {
        foreach (string name in new[] { "libddsc.so.0debian", "libddsc.so.0", "libddsc.so" })
        {
            if (NativeLibrary.TryLoad(name, out nint h))
            {
                return h;
            }
        }

        return 0;
    }

    private static nint Export(string name) =>
        Library != 0 && NativeLibrary.TryGetExport(Library, name, out nint p) ? p : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct DdsOstream
    {
        public byte* Buffer;
        public uint Size;
        public uint Index;
        public uint XcdrVersion;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DdsIstream
    {
        public byte* Buffer;
        public uint Size;
        public uint Index;
        public uint XcdrVersion;
    }
}
