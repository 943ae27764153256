using System.Buffers.Binary;

namespace Robotics.Drivers.Serial;

/// <summary>
/// The rig wire framing: <c>COBS(version u8 = 1 | type u8 | link_seq u8 | body | CRC-16/CCITT-FALSE LE) 0x00</c>,
/// the CRC covering version..body, at most <see cref="MaxFrameLength"/> bytes before COBS.
/// <see cref="Encode"/> builds a frame; an instance is a streaming decoder that splits bytes at 0x00,
/// checks everything and counts every error. Allocation-free after construction.
/// </summary>
/// <remarks>
/// Error classes (each counted, never retried: samples are superseded by the next one):
/// COBS errors (invalid stuffing, e.g. garbage or a truncated frame glued to the next one), CRC errors,
/// length errors (shorter than the 5-byte header+CRC, or more than <see cref="MaxEncodedLength"/> bytes before a delimiter) and
/// version errors (CRC fine, version byte not 1). Unknown message types are delivered; the session ignores them.
/// A decoder is used from one thread (the link's receive thread); the counters can be read from any thread.
/// </remarks>
public sealed class FrameCodec
{
    /// <summary>The protocol version byte that starts every frame.</summary>
    public const byte ProtocolVersion = 1;

    /// <summary>Largest frame before COBS: version, type, link_seq, body, CRC (RIG_MAX_RAW in proto.h).</summary>
    public const int MaxFrameLength = 196;

    /// <summary>Bytes of a frame that are not body: version, type, link_seq and the 2-byte CRC.</summary>
    public const int Overhead = 5;

    /// <summary>Largest body (RIG_MAX_BODY in proto.h).</summary>
    public const int MaxBodyLength = MaxFrameLength - Overhead;

    /// <summary>Largest encoded frame including COBS overhead and the 0x00 delimiter (RIG_MAX_WIRE in proto.h).</summary>
    public const int MaxEncodedLength = 200;

    private readonly FrameHandler _onFrame;
    private readonly byte[] _encoded = new byte[MaxEncodedLength];
    private readonly byte[] _decoded = new byte[MaxEncodedLength];
    private int _length;
    private bool _overflow;
    private long _frames, _cobsErrors, _crcErrors, _lengthErrors, _versionErrors, _bytes;

    /// <summary>Creates a decoder that hands each good frame to <paramref name="onFrame"/>.</summary>
    public FrameCodec(FrameHandler onFrame)
    {
        _onFrame = onFrame ?? throw new ArgumentNullException(nameof(onFrame));
    }

    /// <summary>Good frames delivered.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Blocks between delimiters that were not valid COBS.</summary>
    public long CobsErrors => Volatile.Read(ref _cobsErrors);

    /// <summary>Frames whose CRC did not match.</summary>
    public long CrcErrors => Volatile.Read(ref _crcErrors);

    /// <summary>Frames too short for the header and CRC, or too long before a delimiter.</summary>
    public long LengthErrors => Volatile.Read(ref _lengthErrors);

    /// <summary>Frames with a good CRC but a version byte other than <see cref="ProtocolVersion"/>.</summary>
    public long VersionErrors => Volatile.Read(ref _versionErrors);

    /// <summary>Bytes pushed into the decoder.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>All decode errors.</summary>
    public long Errors => CobsErrors + CrcErrors + LengthErrors + VersionErrors;

    /// <summary>
    /// Encodes one frame (with its trailing 0x00) into <paramref name="destination"/> and returns its length.
    /// </summary>
    /// <exception cref="ArgumentException">The body is longer than <see cref="MaxBodyLength"/> or the destination is too small.</exception>
    public static int Encode(byte type, byte linkSequence, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (body.Length > MaxBodyLength)
        {
            throw new ArgumentException($"Frame body has {body.Length} bytes; the protocol allows at most {MaxBodyLength}.", nameof(body));
        }

        Span<byte> raw = stackalloc byte[MaxFrameLength];
        int length = body.Length + Overhead;
        raw[0] = ProtocolVersion;
        raw[1] = type;
        raw[2] = linkSequence;
        body.CopyTo(raw[3..]);
        ushort crc = Crc16CcittFalse.Compute(raw[..(length - 2)]);
        BinaryPrimitives.WriteUInt16LittleEndian(raw[(length - 2)..], crc);
        if (destination.Length < Cobs.MaxEncodedLength(length) + 1)
        {
            throw new ArgumentException($"Frame destination has {destination.Length} bytes; {Cobs.MaxEncodedLength(length) + 1} are needed.", nameof(destination));
        }

        int encoded = Cobs.Encode(raw[..length], destination);
        destination[encoded] = 0;
        return encoded + 1;
    }

    /// <summary>Feeds received bytes; complete good frames are delivered synchronously.</summary>
    public void Push(ReadOnlySpan<byte> bytes)
    {
        _bytes += bytes.Length;
        foreach (byte b in bytes)
        {
            if (b != 0)
            {
                if (_length < _encoded.Length)
                {
                    _encoded[_length++] = b;
                }
                else if (!_overflow)
                {
                    _overflow = true;
                    _lengthErrors++;
                }

                continue;
            }

            if (_overflow)
            {
                _overflow = false;
                _length = 0;
                continue;
            }

            if (_length > 0)
            {
                DecodeBlock(_encoded.AsSpan(0, _length));
                _length = 0;
            }
        }
    }

    /// <summary>Drops a partly received frame (e.g. after reopening the port).</summary>
    public void Reset()
    {
        _length = 0;
        _overflow = false;
    }

    private void DecodeBlock(ReadOnlySpan<byte> block)
    {
        int length = Cobs.Decode(block, _decoded);
        if (length < 0)
        {
            _cobsErrors++;
            return;
        }

        if (length < Overhead || length > MaxFrameLength)
        {
            _lengthErrors++;
            return;
        }

        ReadOnlySpan<byte> frame = _decoded.AsSpan(0, length);
        ushort expected = BinaryPrimitives.ReadUInt16LittleEndian(frame[(length - 2)..]);
        if (Crc16CcittFalse.Compute(frame[..(length - 2)]) != expected)
        {
            _crcErrors++;
            return;
        }

        if (frame[0] != ProtocolVersion)
        {
            _versionErrors++;
            return;
        }

        _frames++;
        _onFrame(frame[1], frame[2], frame[3..(length - 2)]);
    }
}
