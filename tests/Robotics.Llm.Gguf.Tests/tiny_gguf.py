# Writes the same kind of tiny GGUF v3 llama model as TinyGgufWriter.cs (weights from a different RNG, so replies differ)
# for trying the CLI by hand: python3 tests/Robotics.Llm.Gguf.Tests/tiny_gguf.py /tmp/tiny.gguf
import struct, sys
import numpy as np
E,H,FF,CTX,AL=32,4,64,64,32
normal=["▁","▁a","▁the","▁robot","a","e","o","t","s","▁go","{","}"]
toks=["<unk>","<s>","</s>"]+[f"<0x{b:02X}>" for b in range(256)]+normal
types=[2,3,3]+[6]*256+[1]*len(normal); scores=[0.0]*259+[-1.0-i for i in range(len(normal))]
V=len(toks); r=np.random.default_rng(7)
def rnd(shape,s): return (r.uniform(-1,1,shape)*s).astype('<f4')
out=rnd((V,E),1.0); out[2]=0
T=[("token_embd.weight",[E,V],rnd((V,E),1.0)),("output_norm.weight",[E],np.ones(E,'<f4')),("output.weight",[E,V],out),("blk.0.attn_norm.weight",[E],np.ones(E,'<f4'))]
for m in ["attn_q","attn_k","attn_v","attn_output"]: T.append((f"blk.0.{m}.weight",[E,E],rnd((E,E),0.2)))
T+= [("blk.0.ffn_norm.weight",[E],np.ones(E,'<f4')),("blk.0.ffn_gate.weight",[E,FF],rnd((FF,E),0.2)),("blk.0.ffn_up.weight",[E,FF],rnd((FF,E),0.2)),("blk.0.ffn_down.weight",[FF,E],rnd((E,FF),0.2))]
b=bytearray()
def s(x): x=x.encode(); b.extend(struct.pack('<Q',len(x))+x)
def u32(k,v): s(k); b.extend(struct.pack('<II',4,v))
kv=[]
b.extend(b'GGUF'+struct.pack('<IQ',3,len(T)))
n=0; body=bytearray(); bb=b; b=body
s("general.architecture"); b.extend(struct.pack('<I',8)); s("llama"); n+=1
u32("general.alignment",AL); u32("llama.context_length",CTX); u32("llama.embedding_length",E); u32("llama.block_count",1)
u32("llama.feed_forward_length",FF); u32("llama.attention.head_count",H); u32("llama.attention.head_count_kv",H); u32("llama.rope.dimension_count",E//H); n+=8
s("llama.attention.layer_norm_rms_epsilon"); b.extend(struct.pack('<If',6,1e-5)); n+=1
s("tokenizer.ggml.model"); b.extend(struct.pack('<I',8)); s("llama"); n+=1
s("tokenizer.ggml.tokens"); b.extend(struct.pack('<IIQ',9,8,V)); [s(t) for t in toks]; n+=1
s("tokenizer.ggml.scores"); b.extend(struct.pack('<IIQ',9,6,V)+struct.pack(f'<{V}f',*scores)); n+=1
s("tokenizer.ggml.token_type"); b.extend(struct.pack('<IIQ',9,5,V)+struct.pack(f'<{V}i',*types)); n+=1
u32("tokenizer.ggml.unknown_token_id",0); u32("tokenizer.ggml.bos_token_id",1); u32("tokenizer.ggml.eos_token_id",2); n+=3
off=0
for name,dims,data in T:
    s(name); b.extend(struct.pack('<I',len(dims))+struct.pack(f'<{len(dims)}Q',*dims)+struct.pack('<IQ',0,off)); off+=(data.nbytes+AL-1)//AL*AL
bb.extend(struct.pack('<Q',n)); bb.extend(body); b=bb
pad=lambda: b.extend(b'\0'*((-len(b))%AL))
pad()
for _,_,d in T: b.extend(d.tobytes()); pad()
open(sys.argv[1],'wb').write(b)
