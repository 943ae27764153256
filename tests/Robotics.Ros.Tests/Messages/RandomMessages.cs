using System.Text;
using Robotics.Core.Randomness;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages;

/// <summary>Fills any generated message with random values within its bounds, through the introspection API.</summary>
internal static class RandomMessages
{
    private const string Alphabet = "abcxyz_/0189 :'\"#-é漢🙂";

    public static IRosMessage Create(MessageTypeSupport support, Rng rng, int depth = 0)
    {
        IRosMessage m = support.CreateMessage();
        foreach (FieldDefinition f in support.Definition.Fields)
        {
            if (!f.IsArray)
            {
                if (f.Kind == RosFieldKind.Message)
                {
                    f.SetValue(m, Create(f.NestedSupport!, rng, depth + 1));
                }
                else
                {
                    f.SetValue(m, Scalar(f, rng));
                }

                continue;
            }

            int max = depth > 2 ? 2 : 4;
            int n = f.ArrayKind switch
            {
                RosArrayKind.Fixed => f.ArraySize,
                RosArrayKind.Bounded => rng.NextInt(Math.Min(f.ArraySize, max) + 1),
                _ => rng.NextInt(max + 1),
            };
            Array current = (Array)f.GetValue(m);
            Array a = Array.CreateInstance(current.GetType().GetElementType()!, n);
            for (int i = 0; i < n; i++)
            {
                a.SetValue(f.Kind == RosFieldKind.Message ? Create(f.NestedSupport!, rng, depth + 1) : Scalar(f, rng), i);
            }

            f.SetValue(m, a);
        }

        return m;
    }

    private static object Scalar(FieldDefinition f, Rng rng)
    {
        ulong u = rng.NextUInt64();
        return f.Kind switch
        {
            RosFieldKind.Bool => (u & 1) == 1,
            RosFieldKind.Byte or RosFieldKind.Char or RosFieldKind.UInt8 => (byte)u,
            RosFieldKind.Int8 => (sbyte)u,
            RosFieldKind.Int16 => (short)u,
            RosFieldKind.UInt16 => (ushort)u,
            RosFieldKind.Int32 => (int)u,
            RosFieldKind.UInt32 => (uint)u,
            RosFieldKind.Int64 => (long)u,
            RosFieldKind.UInt64 => u,
            RosFieldKind.Float32 => (u % 7) switch { 0 => float.NaN, 1 => float.NegativeInfinity, _ => (float)rng.NextGaussian(0, 1e3) },
            RosFieldKind.Float64 => (u % 9) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => -0.0, 3 => double.Epsilon, _ => rng.NextGaussian(0, 1e6) },
            RosFieldKind.String or RosFieldKind.WString => RandomString(rng, f.StringBound),
            _ => throw new InvalidOperationException(f.Kind.ToString()),
        };
    }

    private static string RandomString(Rng rng, int bound)
    {
        int len = rng.NextInt(12);
        var sb = new StringBuilder();
        for (int i = 0; i < len; i++)
        {
            string candidate = sb.ToString() + char.ConvertFromUtf32(char.ConvertToUtf32(Alphabet, Pick(rng)));
            if (bound > 0 && Encoding.UTF8.GetByteCount(candidate) > bound)
            {
                break;
            }

            sb.Clear().Append(candidate);
        }

        return sb.ToString();
    }

    private static int Pick(Rng rng)
    {
        while (true)
        {
            int i = rng.NextInt(Alphabet.Length);
            if (!char.IsLowSurrogate(Alphabet[i]))
            {
                return i;
            }
        }
    }
}
