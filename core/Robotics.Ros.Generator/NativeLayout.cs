namespace Robotics.Ros.Generator;

/// <summary>Native C layout (x86-64/aarch64 LP64) of the idlc-generated struct for a message.</summary>
internal sealed record StructLayout(int Size, int Align, int[] Offsets);

/// <summary>Computes native layouts and Cyclone DDS 0.10.x ops bytecode like idlc -t.</summary>
internal sealed class DescriptorBuilder
{
    // dds_opcodes.h
    public const uint OpRts = 0x00u << 24, OpAdr = 0x01u << 24;
    public const uint V1By = 1, V2By = 2, V4By = 3, V8By = 4, VStr = 5, VBst = 6, VSeq = 7, VArr = 8, VStu = 10, VBsq = 11, VExt = 13, VBln = 14;
    public const uint FlagFp = 1u << 1, FlagSgn = 1u << 2;
    public const uint TopicFixedSize = 1u << 4;
    public const int SequenceSize = 24; // dds_sequence_t {uint32 _maximum, _length; void* _buffer; bool _release}

    private readonly InterfaceSet _set;
    private readonly Dictionary<string, StructLayout> _layouts = new(StringComparer.Ordinal);

    public DescriptorBuilder(InterfaceSet set) => _set = set;

    public StructLayout Layout(MsgSpec m)
    {
        if (_layouts.TryGetValue(m.RosName, out StructLayout? l))
        {
            return l;
        }

        int off = 0, align = 1;
        var offsets = new int[m.Fields.Count];
        if (m.Fields.Count == 0)
        {
            off = 1;
        }

        for (int i = 0; i < m.Fields.Count; i++)
        {
            (int size, int a) = FieldSizeAlign(m.Fields[i].Type);
            off = (off + a - 1) / a * a;
            offsets[i] = off;
            off += size;
            align = Math.Max(align, a);
        }

        int total = (off + align - 1) / align * align;
        l = new StructLayout(total, align, offsets);
        _layouts[m.RosName] = l;
        return l;
    }

    public (int Size, int Align) ElementSizeAlign(FieldType t) => t.Kind switch
    {
        Prim.Bool or Prim.Byte or Prim.Char or Prim.Int8 or Prim.UInt8 => (1, 1),
        Prim.Int16 or Prim.UInt16 => (2, 2),
        Prim.Int32 or Prim.UInt32 or Prim.Float32 => (4, 4),
        Prim.Int64 or Prim.UInt64 or Prim.Float64 => (8, 8),
        Prim.String => t.StringBound > 0 ? (t.StringBound + 1, 1) : (8, 8),
        Prim.WString => throw new NotSupportedException("wstring fields are not supported by the Cyclone native layout"),
        Prim.Message => (Layout(_set.Resolve(t)).Size, Layout(_set.Resolve(t)).Align),
        _ => throw new InvalidOperationException(),
    };

    public (int Size, int Align) FieldSizeAlign(FieldType t)
    {
        if (t.Array is ArrKind.Unbounded or ArrKind.Bounded)
        {
            return (SequenceSize, 8);
        }

        (int s, int a) = ElementSizeAlign(t);
        return t.Array == ArrKind.Fixed ? (s * t.ArraySize, a) : (s, a);
    }

    /// <summary>True when the sample has no pointers (no unbounded strings, no sequences) anywhere.</summary>
    public bool IsFixedSize(MsgSpec m)
    {
        foreach (FieldSpec f in m.Fields)
        {
            if (f.Type.Array is ArrKind.Unbounded or ArrKind.Bounded)
            {
                return false;
            }

            if (f.Type.Kind is Prim.String or Prim.WString && f.Type.StringBound == 0)
            {
                return false;
            }

            if (f.Type.Kind == Prim.Message && !IsFixedSize(_set.Resolve(f.Type)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Ops words and instruction count for <paramref name="top"/>, optionally prefixed by the rmw_cyclonedds request header.</summary>
    public (uint[] Ops, uint NOps) Ops(MsgSpec top, bool wrapped = false)
    {
        var words = new List<uint>();
        var start = new Dictionary<string, int>(StringComparer.Ordinal);
        var fixups = new List<(int Word, int Insn, string Target, uint High)>();
        uint nops = 0;
        Emit(top, wrapped);
        foreach (var (word, insn, target, high) in fixups)
        {
            int rel = start[target] - insn;
            words[word] = high | ((uint)rel & 0xffffu);
        }

        return (words.ToArray(), nops);

        void Emit(MsgSpec m, bool withHeader)
        {
            start[m.RosName] = words.Count;
            StructLayout l = Layout(m);
            int shift = 0;
            if (withHeader)
            {
                words.Add(OpAdr | (V8By << 16));
                words.Add(0);
                words.Add(OpAdr | (V8By << 16) | FlagSgn);
                words.Add(8);
                nops += 2;
                shift = 16;
            }

            if (m.Fields.Count == 0)
            {
                words.Add(OpAdr | (V1By << 16));
                words.Add((uint)shift);
                nops++;
            }

            for (int i = 0; i < m.Fields.Count; i++)
            {
                EmitField(m.Fields[i].Type, (uint)(l.Offsets[i] + shift));
                nops++;
            }

            words.Add(OpRts);
            nops++;
            foreach (FieldSpec f in m.Fields)
            {
                if (f.Type.Kind == Prim.Message)
                {
                    MsgSpec child = _set.Resolve(f.Type);
                    if (!start.ContainsKey(child.RosName))
                    {
                        Emit(child, false);
                    }
                }
            }
        }

        void EmitField(FieldType t, uint offset)
        {
            int insn = words.Count;
            (uint v, uint flags) = Code(t);
            if (t.Array == ArrKind.None)
            {
                words.Add(OpAdr | (v << 16) | flags);
                words.Add(offset);
                if (v == VBst)
                {
                    words.Add((uint)t.StringBound + 1);
                }
                else if (v == VExt)
                {
                    words.Add(0);
                    fixups.Add((words.Count - 1, insn, t.NestedRosName!, 3u << 16));
                }

                return;
            }

            uint coll = t.Array switch { ArrKind.Fixed => VArr, ArrKind.Bounded => VBsq, _ => VSeq };
            uint sub = v == VExt ? VStu : v;
            words.Add(OpAdr | (coll << 16) | (sub << 8) | flags);
            words.Add(offset);
            if (t.Array is ArrKind.Fixed or ArrKind.Bounded)
            {
                words.Add((uint)t.ArraySize);
            }

            if (sub == VBst)
            {
                if (t.Array == ArrKind.Fixed)
                {
                    words.Add(0); // idlc: ARR BST carries a zero word before the string size, BSQ/SEQ BST do not
                }

                words.Add((uint)t.StringBound + 1);
            }
            else if (sub == VStu)
            {
                uint elemSize = (uint)ElementSizeAlign(t).Size;
                if (t.Array == ArrKind.Fixed)
                {
                    words.Add(0);
                    fixups.Add((words.Count - 1, insn, t.NestedRosName!, 5u << 16));
                    words.Add(elemSize);
                }
                else if (t.Array == ArrKind.Bounded)
                {
                    words.Add(elemSize);
                    words.Add(0);
                    fixups.Add((words.Count - 1, insn, t.NestedRosName!, 5u << 16));
                }
                else
                {
                    words.Add(elemSize);
                    words.Add(0);
                    fixups.Add((words.Count - 1, insn, t.NestedRosName!, 4u << 16));
                }
            }
        }
    }

    private static (uint V, uint Flags) Code(FieldType t) => t.Kind switch
    {
        Prim.Bool => (VBln, 0u),
        Prim.Byte or Prim.Char or Prim.UInt8 => (V1By, 0u),
        Prim.Int8 => (V1By, FlagSgn),
        Prim.UInt16 => (V2By, 0u),
        Prim.Int16 => (V2By, FlagSgn),
        Prim.UInt32 => (V4By, 0u),
        Prim.Int32 => (V4By, FlagSgn),
        Prim.Float32 => (V4By, FlagFp),
        Prim.UInt64 => (V8By, 0u),
        Prim.Int64 => (V8By, FlagSgn),
        Prim.Float64 => (V8By, FlagFp),
        Prim.String => t.StringBound > 0 ? (VBst, 0u) : (VStr, 0u),
        Prim.Message => (VExt, 0u),
        _ => throw new NotSupportedException(t.Kind.ToString()),
    };
}
