using System.Buffers.Binary;

namespace Robotics.Llm.Gguf;

/// <summary>
/// The fixed part of a GGUF file header (magic <c>GGUF</c>, version, tensor count, metadata count), read and checked
/// before llama.cpp sees the file so that a wrong path or a wrong file gives a message naming the file and the fix.
/// </summary>
/// <param name="Version">GGUF format version (2 or 3).</param>
/// <param name="TensorCount">Number of tensors the header announces.</param>
/// <param name="MetadataCount">Number of metadata key/value pairs the header announces.</param>
public sealed record GgufHeader(uint Version, ulong TensorCount, ulong MetadataCount)
{
    /// <summary>Bytes of the fixed header: magic (4), version (4), tensor count (8), metadata count (8).</summary>
    public const int Size = 24;

    /// <summary>The magic number, the ASCII bytes <c>GGUF</c> read as a little-endian uint32.</summary>
    public const uint Magic = 0x46554747;

    /// <summary>
    /// Reads and checks the header of <paramref name="path"/>. Throws <see cref="ArgumentException"/> when the file is
    /// missing, is not GGUF, is truncated, has an unsupported version or announces no tensors.
    /// </summary>
    /// <param name="path">Path of the .gguf file.</param>
    /// <returns>The header.</returns>
    public static GgufHeader Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("--llm-gguf needs the path of a .gguf model file, got an empty path.");
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"GGUF model '{full}' is a directory; pass the .gguf file inside it.");
        }

        if (!File.Exists(full))
        {
            throw new ArgumentException($"GGUF model file '{full}' does not exist; check the path given to --llm-gguf (a .gguf file, e.g. one served by llama-server -m).");
        }

        Span<byte> head = stackalloc byte[Size];
        int read;
        using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            read = stream.ReadAtLeast(head, Size, throwOnEndOfStream: false);
        }

        if (read < 4 || BinaryPrimitives.ReadUInt32LittleEndian(head) != Magic)
        {
            string start = Convert.ToHexString(head[..Math.Min(read, 4)]);
            throw new ArgumentException($"'{full}' is not a GGUF file (it starts with bytes {(start.Length == 0 ? "<empty>" : start)}, a GGUF file starts with 'GGUF' = 47475546); pass a .gguf model (convert other formats with llama.cpp's convert_hf_to_gguf.py).");
        }

        if (read < Size)
        {
            throw new ArgumentException($"GGUF file '{full}' is truncated: {read} bytes, the header alone needs {Size}; the download or copy is incomplete, fetch the file again.");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        ulong tensors = BinaryPrimitives.ReadUInt64LittleEndian(head[8..]);
        ulong metadata = BinaryPrimitives.ReadUInt64LittleEndian(head[16..]);
        if (version is not (2 or 3))
        {
            throw new ArgumentException($"GGUF file '{full}' has format version {version}; this llama.cpp reads versions 2 and 3; re-convert the model with a current llama.cpp.");
        }

        if (tensors == 0 || tensors > 1_000_000 || metadata > 1_000_000)
        {
            throw new ArgumentException($"GGUF file '{full}' announces {tensors} tensors and {metadata} metadata entries, which is not a model; pass a model file (not a vocabulary-only or damaged file).");
        }

        return new GgufHeader(version, tensors, metadata);
    }
}
