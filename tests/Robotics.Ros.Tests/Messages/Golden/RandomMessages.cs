using System.Text;
using Robotics.Core.Randomness;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages.Golden;

/// <summary>
/// Builds random messages of any type through its <see cref="MessageDefinition"/> (field accessors), within the
/// type's bounds: fixed arrays at their length, bounded sequences and strings up to and including their bound,
/// unbounded ones short. Floating-point fields get arbitrary bit patterns (NaN payloads, infinities, subnormals),
/// integers their full range, unbounded strings some multi-byte UTF-8.
/// </summary>
internal static class RandomMessages
{
    private const string Ascii = "abcXYZ019 _-/:'\"#{}[],";
    private static readonly string[] Multibyte = ["é", "€", "漢", "😀"];

    /// <summary>Every message support reachable from the registry: messages, service requests/responses and their wrapped forms, keyed uniquely.</summary>
    public static IReadOnlyDictionary<string, MessageTypeSupport> AllSupports()
    {
        var all = new SortedDictionary<string, MessageTypeSupport>(StringComparer.Ordinal);
        foreach (MessageTypeSupport m in MessageTypeRegistry.AllMessages)
        {
            all[m.RosTypeName] = m;
        }

        foreach (ServiceTypeSupport s in MessageTypeRegistry.AllServices)
        {
            all[s.Request.RosTypeName] = s.Request;
            all[s.Response.RosTypeName] = s.Response;
            all[s.Request.RosTypeName + "#wrapped"] = s.WrappedRequest;
            all[s.Response.RosTypeName + "#wrapped"] = s.WrappedResponse;
        }

        return all;
    }

    /// <summary>A random message of <paramref name="support"/>'s type.</summary>
    /// <param name="support">The type.</param>
    /// <param name="rng">Random source.</param>
    /// <param name="textFriendlyFloats">
    /// When true, floating-point values are finite or the canonical NaN / infinities (NaN payloads do not survive
    /// a text round trip such as YAML's <c>.nan</c>); otherwise arbitrary bit patterns.
    /// </param>
    public static IRosMessage Create(MessageTypeSupport support, Rng rng, bool textFriendlyFloats = false)
    {
        TextFriendly = textFriendlyFloats;
        IRosMessage message = support.CreateMessage();
        if (message is WrappedServiceMessage wrapped)
        {
            wrapped.Guid = rng.NextUInt64();
            wrapped.SequenceNumber = (long)rng.NextUInt64();
            Fill(wrapped.Payload, wrapped.Payload.TypeSupport, rng);
        }
        else
        {
            Fill(message, support, rng);
        }

        return message;
    }

    private static void Fill(IRosMessage message, MessageTypeSupport support, Rng rng)
    {
        foreach (FieldDefinition f in support.Definition.Fields)
        {
            if (f.ArrayKind == RosArrayKind.None)
            {
                if (f.Kind == RosFieldKind.Message)
                {
                    MessageTypeSupport nested = f.NestedSupport!;
                    IRosMessage child = nested.CreateMessage();
                    Fill(child, nested, rng);
                    f.SetValue(message, child);
                }
                else
                {
                    f.SetValue(message, Scalar(f, rng));
                }

                continue;
            }

            int length = f.ArrayKind switch
            {
                RosArrayKind.Fixed => f.ArraySize,
                RosArrayKind.Bounded => rng.NextInt(f.ArraySize + 1),
                _ => rng.NextInt(4),
            };
            Array array;
            if (f.Kind == RosFieldKind.Message)
            {
                MessageTypeSupport nested = f.NestedSupport!;
                array = Array.CreateInstance(nested.MessageType, length);
                for (int i = 0; i < length; i++)
                {
                    IRosMessage child = nested.CreateMessage();
                    Fill(child, nested, rng);
                    array.SetValue(child, i);
                }
            }
            else
            {
                array = Array.CreateInstance(ElementType(f.Kind), length);
                for (int i = 0; i < length; i++)
                {
                    array.SetValue(Scalar(f, rng), i);
                }
            }

            f.SetValue(message, array);
        }
    }

    private static Type ElementType(RosFieldKind kind) => kind switch
    {
        RosFieldKind.Bool => typeof(bool),
        RosFieldKind.Byte or RosFieldKind.Char or RosFieldKind.UInt8 => typeof(byte),
        RosFieldKind.Int8 => typeof(sbyte),
        RosFieldKind.Int16 => typeof(short),
        RosFieldKind.UInt16 => typeof(ushort),
        RosFieldKind.Int32 => typeof(int),
        RosFieldKind.UInt32 => typeof(uint),
        RosFieldKind.Int64 => typeof(long),
        RosFieldKind.UInt64 => typeof(ulong),
        RosFieldKind.Float32 => typeof(float),
        RosFieldKind.Float64 => typeof(double),
        RosFieldKind.String or RosFieldKind.WString => typeof(string),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a primitive kind"),
    };

    private static object Scalar(FieldDefinition f, Rng rng)
    {
        ulong bits = rng.NextUInt64();
        return f.Kind switch
        {
            RosFieldKind.Bool => (bits & 1) == 1,
            RosFieldKind.Byte or RosFieldKind.Char or RosFieldKind.UInt8 => (byte)bits,
            RosFieldKind.Int8 => (sbyte)bits,
            RosFieldKind.Int16 => (short)bits,
            RosFieldKind.UInt16 => (ushort)bits,
            RosFieldKind.Int32 => (int)bits,
            RosFieldKind.UInt32 => (uint)bits,
            RosFieldKind.Int64 => (long)bits,
            RosFieldKind.UInt64 => bits,
            RosFieldKind.Float32 => TextFriendly ? (float)FriendlyDouble(bits, rng) : BitConverter.Int32BitsToSingle((int)bits),
            RosFieldKind.Float64 => TextFriendly ? FriendlyDouble(bits, rng) : BitConverter.Int64BitsToDouble((long)bits),
            RosFieldKind.String or RosFieldKind.WString => RandomString(f.StringBound, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "not a primitive kind"),
        };
    }

    [ThreadStatic]
    private static bool TextFriendly;

    private static double FriendlyDouble(ulong bits, Rng rng)
    {
        switch (rng.NextInt(16))
        {
            case 0: return double.NaN;
            case 1: return double.PositiveInfinity;
            case 2: return double.NegativeInfinity;
            case 3: return -0.0;
            case 4: return Math.Round(rng.NextUniform(-1000, 1000), rng.NextInt(4));
            default:
                double d = BitConverter.Int64BitsToDouble((long)bits);
                return double.IsFinite(d) ? d : rng.NextGaussian() * 1e6;
        }
    }

    private static string RandomString(int bound, Rng rng)
    {
        var sb = new StringBuilder();
        if (bound > 0)
        {
            // Bounded strings: ASCII (the bound counts bytes), sometimes exactly at the bound.
            int n = rng.NextInt(4) == 0 ? bound : rng.NextInt(Math.Min(bound, 12) + 1);
            for (int i = 0; i < n; i++)
            {
                sb.Append(Ascii[rng.NextInt(Ascii.Length)]);
            }

            return sb.ToString();
        }

        int count = rng.NextInt(7);
        for (int i = 0; i < count; i++)
        {
            sb.Append(rng.NextInt(5) == 0 ? Multibyte[rng.NextInt(Multibyte.Length)] : Ascii[rng.NextInt(Ascii.Length)].ToString());
        }

        return sb.ToString();
    }
}
