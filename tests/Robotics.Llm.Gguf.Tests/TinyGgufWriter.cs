using System.Text;

namespace Robotics.Llm.Gguf.Tests;

/// <summary>
/// Writes a tiny but complete GGUF v3 llama model (random F32 weights, SPM vocabulary with byte fallback) so the real
/// llama.cpp loading and generation path can be tested without downloading anything. Layout per the GGUF spec
/// (ggml/docs/gguf.md): header, metadata key/values, tensor infos (dims innermost first), padding to
/// general.alignment, tensor data each aligned.
/// </summary>
internal static class TinyGgufWriter
{
    public const int Embedding = 32;
    public const int Heads = 4;
    public const int FeedForward = 64;
    public const int Context = 64;
    public const int Alignment = 32;

    private const uint TypeUInt32 = 4;
    private const uint TypeInt32 = 5;
    private const uint TypeFloat32 = 6;
    private const uint TypeString = 8;
    private const uint TypeArray = 9;

    public static readonly string[] NormalTokens = ["▁", "▁a", "▁the", "▁robot", "a", "e", "o", "t", "s", "▁go", "{", "}"];

    public static int VocabularySize => 3 + 256 + NormalTokens.Length;

    public static void Write(string path, ulong seed)
    {
        var tokens = new List<string> { "<unk>", "<s>", "</s>" };
        var types = new List<int> { 2, 3, 3 };
        var scores = new List<float> { 0, 0, 0 };
        for (int b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(6);
            scores.Add(0);
        }

        for (int i = 0; i < NormalTokens.Length; i++)
        {
            tokens.Add(NormalTokens[i]);
            types.Add(1);
            scores.Add(-1 - i);
        }

        int vocab = tokens.Count;
        var tensors = new List<(string Name, ulong[] Dims, float[] Data)>();
        var rng = new SplitMix(seed);
        float[] Random(int n, float scale)
        {
            var a = new float[n];
            for (int i = 0; i < n; i++) a[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
            return a;
        }

        float[] Ones(int n) => Enumerable.Repeat(1f, n).ToArray();
        tensors.Add(("token_embd.weight", [Embedding, (ulong)vocab], Random(Embedding * vocab, 1f)));
        tensors.Add(("output_norm.weight", [Embedding], Ones(Embedding)));
        float[] output = Random(Embedding * vocab, 1f);
        // Row of </s> (id 2) zeroed: its logit is 0 while the max of the other random logits is positive, so greedy
        // decoding never stops at once and the reply is not empty.
        Array.Clear(output, 2 * Embedding, Embedding);
        tensors.Add(("output.weight", [Embedding, (ulong)vocab], output));
        tensors.Add(("blk.0.attn_norm.weight", [Embedding], Ones(Embedding)));
        foreach (string m in new[] { "attn_q", "attn_k", "attn_v", "attn_output" })
        {
            tensors.Add(($"blk.0.{m}.weight", [Embedding, Embedding], Random(Embedding * Embedding, 0.2f)));
        }

        tensors.Add(("blk.0.ffn_norm.weight", [Embedding], Ones(Embedding)));
        tensors.Add(("blk.0.ffn_gate.weight", [Embedding, FeedForward], Random(Embedding * FeedForward, 0.2f)));
        tensors.Add(("blk.0.ffn_up.weight", [Embedding, FeedForward], Random(Embedding * FeedForward, 0.2f)));
        tensors.Add(("blk.0.ffn_down.weight", [FeedForward, Embedding], Random(Embedding * FeedForward, 0.2f)));

        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write(0x46554747u);
        w.Write(3u);
        w.Write((ulong)tensors.Count);
        var kv = new List<Action>
        {
            () => { Key(w, "general.architecture"); w.Write(TypeString); Str(w, "llama"); },
            () => { Key(w, "general.name"); w.Write(TypeString); Str(w, "robotics-tiny-test"); },
            () => { Key(w, "general.alignment"); w.Write(TypeUInt32); w.Write((uint)Alignment); },
            () => { Key(w, "llama.context_length"); w.Write(TypeUInt32); w.Write((uint)Context); },
            () => { Key(w, "llama.embedding_length"); w.Write(TypeUInt32); w.Write((uint)Embedding); },
            () => { Key(w, "llama.block_count"); w.Write(TypeUInt32); w.Write(1u); },
            () => { Key(w, "llama.feed_forward_length"); w.Write(TypeUInt32); w.Write((uint)FeedForward); },
            () => { Key(w, "llama.attention.head_count"); w.Write(TypeUInt32); w.Write((uint)Heads); },
            () => { Key(w, "llama.attention.head_count_kv"); w.Write(TypeUInt32); w.Write((uint)Heads); },
            () => { Key(w, "llama.rope.dimension_count"); w.Write(TypeUInt32); w.Write((uint)(Embedding / Heads)); },
            () => { Key(w, "llama.attention.layer_norm_rms_epsilon"); w.Write(TypeFloat32); w.Write(1e-5f); },
            () => { Key(w, "llama.vocab_size"); w.Write(TypeUInt32); w.Write((uint)vocab); },
            () => { Key(w, "tokenizer.ggml.model"); w.Write(TypeString); Str(w, "llama"); },
            () =>
            {
                Key(w, "tokenizer.ggml.tokens"); w.Write(TypeArray); w.Write(TypeString); w.Write((ulong)vocab);
                foreach (string t in tokens) Str(w, t);
            },
            () =>
            {
                Key(w, "tokenizer.ggml.scores"); w.Write(TypeArray); w.Write(TypeFloat32); w.Write((ulong)vocab);
                foreach (float s in scores) w.Write(s);
            },
            () =>
            {
                Key(w, "tokenizer.ggml.token_type"); w.Write(TypeArray); w.Write(TypeInt32); w.Write((ulong)vocab);
                foreach (int t in types) w.Write(t);
            },
            () => { Key(w, "tokenizer.ggml.unknown_token_id"); w.Write(TypeUInt32); w.Write(0u); },
            () => { Key(w, "tokenizer.ggml.bos_token_id"); w.Write(TypeUInt32); w.Write(1u); },
            () => { Key(w, "tokenizer.ggml.eos_token_id"); w.Write(TypeUInt32); w.Write(2u); },
        };
        w.Write((ulong)kv.Count);
        foreach (var write in kv) write();

        ulong offset = 0;
        foreach (var (name, dims, data) in tensors)
        {
            Str(w, name);
            w.Write((uint)dims.Length);
            foreach (ulong d in dims) w.Write(d);
            w.Write(0u); // GGML_TYPE_F32
            w.Write(offset);
            offset += Align((ulong)data.Length * 4);
        }

        Pad(w);
        foreach (var (_, _, data) in tensors)
        {
            foreach (float f in data) w.Write(f);
            Pad(w);
        }
    }

    private static ulong Align(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        w.Flush();
        long pos = w.BaseStream.Position;
        long padded = (long)Align((ulong)pos);
        for (long i = pos; i < padded; i++) w.Write((byte)0);
    }

    private static void Key(BinaryWriter w, string key) => Str(w, key);

    private static void Str(BinaryWriter w, string s)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private sealed class SplitMix(ulong state)
    {
        public double NextDouble()
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
