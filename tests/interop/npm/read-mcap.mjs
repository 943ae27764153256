// Independent check of our MCAP files with @mcap/core (2.2.2): reads each file with the indexed reader (summary CRC
// checked on open, every chunk CRC checked while reading messages) and with the stream reader (validateCrcs), and
// recomputes the Data End CRC over the data section. Prints one JSON object per file; exits 1 on the first failure.
// Usage: node read-mcap.mjs FILE.mcap [FILE.mcap ...]
import { readFile } from "node:fs/promises";
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { crc32 } from "@foxglove/crc";

async function check(path) {
  const bytes = new Uint8Array(await readFile(path));
  const readable = {
    size: async () => BigInt(bytes.byteLength),
    read: async (offset, length) => bytes.subarray(Number(offset), Number(offset + length)),
  };
  const reader = await McapIndexedReader.Initialize({ readable });
  const counts = new Map();
  let total = 0;
  let first = null;
  let last = null;
  for await (const m of reader.readMessages({ validateCrcs: true })) {
    counts.set(m.channelId, (counts.get(m.channelId) ?? 0) + 1);
    total++;
    if (first === null || m.logTime < first) first = m.logTime;
    if (last === null || m.logTime > last) last = m.logTime;
  }
  if (reader.statistics && reader.statistics.messageCount !== BigInt(total)) {
    throw new Error(`statistics say ${reader.statistics.messageCount} messages, the chunks hold ${total}`);
  }
  const dataCrc = crc32(bytes.subarray(0, Number(reader.dataEndOffset)));
  if (reader.dataSectionCrc !== undefined && reader.dataSectionCrc !== 0 && reader.dataSectionCrc !== dataCrc) {
    throw new Error(`data section CRC mismatch: Data End says ${reader.dataSectionCrc}, bytes give ${dataCrc}`);
  }

  const stream = new McapStreamReader({ validateCrcs: true });
  stream.append(bytes);
  let streamMessages = 0;
  let sawFooter = false;
  for (let r; (r = stream.nextRecord()); ) {
    if (r.type === "Message") streamMessages++;
    if (r.type === "Footer") sawFooter = true;
  }
  if (!stream.done() || !sawFooter) throw new Error("stream reader did not reach the footer");
  if (streamMessages !== total) throw new Error(`stream reader saw ${streamMessages} messages, indexed reader ${total}`);

  const metadata = [];
  for await (const md of reader.readMetadata()) metadata.push(md.name);
  return {
    file: path,
    profile: reader.header.profile,
    library: reader.header.library,
    messageCount: total,
    chunkCount: reader.chunkIndexes.length,
    dataSectionCrc: dataCrc,
    summaryCrc: reader.footer.summaryCrc,
    firstLogTime: first === null ? null : first.toString(),
    lastLogTime: last === null ? null : last.toString(),
    metadata,
    channels: [...reader.channelsById.values()].map((c) => {
      const s = reader.schemasById.get(c.schemaId);
      return {
        id: c.id,
        topic: c.topic,
        messageEncoding: c.messageEncoding,
        schemaName: s?.name ?? null,
        schemaEncoding: s?.encoding ?? null,
        schemaText: s ? new TextDecoder().decode(s.data) : null,
        metadata: Object.fromEntries(c.metadata),
        messageCount: counts.get(c.id) ?? 0,
      };
    }),
  };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node read-mcap.mjs FILE.mcap [...]");
  process.exit(2);
}
for (const f of files) {
  try {
    console.log(JSON.stringify(await check(f)));
  } catch (e) {
    console.error(`${f}: ${e?.message ?? e}`);
    process.exit(1);
  }
}
