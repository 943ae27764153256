// Independent Foxglove WebSocket client (@foxglove/ws-protocol 0.8.0 over ws 8.23.0): connects with the given
// subprotocol, waits for serverInfo and the advertised channels, subscribes to every channel, and waits until each has
// delivered --count messages (or --timeout ms pass). Prints one JSON object; exits 1 on timeout or error.
// Usage: node foxglove-client.mjs --url ws://127.0.0.1:8765 [--subprotocol foxglove.sdk.v1] [--count 3] [--timeout 10000] [--topics /a,/b]
import WebSocket from "ws";
import wsProtocol from "@foxglove/ws-protocol";
const { FoxgloveClient } = wsProtocol;

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const url = args.url ?? "ws://127.0.0.1:8765";
const subprotocol = args.subprotocol ?? "foxglove.sdk.v1";
const wanted = Number(args.count ?? 3);
// --topics /a,/b: wait only for these (event-driven topics such as transition_event may stay quiet).
const waitFor = args.topics ? new Set(String(args.topics).split(",")) : null;
const timeoutMs = Number(args.timeout ?? 10000);

const ws = new WebSocket(url, [subprotocol]);
const client = new FoxgloveClient({ ws });
const result = { url, requestedSubprotocol: subprotocol, negotiatedSubprotocol: null, serverInfo: null, channels: [] };
const byChannel = new Map();
const bySubscription = new Map();

function finish(code, error) {
  if (error) result.error = String(error);
  console.log(JSON.stringify(result));
  try { client.close(); } catch { /* closing anyway */ }
  process.exit(code);
}

const timer = setTimeout(() => finish(1, `timeout after ${timeoutMs} ms`), timeoutMs);
function maybeDone() {
  const watched = waitFor ? result.channels.filter((c) => waitFor.has(c.topic)) : result.channels;
  if (watched.length > 0 && (!waitFor || watched.length === waitFor.size) && watched.every((c) => c.received >= wanted)) {
    clearTimeout(timer);
    for (const id of bySubscription.keys()) client.unsubscribe(id);
    setTimeout(() => finish(0), 50);
  }
}

client.on("open", () => { result.negotiatedSubprotocol = ws.protocol; });
client.on("error", (e) => { clearTimeout(timer); finish(1, e?.message ?? e); });
client.on("close", (e) => { if (!result.done) { clearTimeout(timer); finish(1, `closed by server (code ${e?.code})`); } });
client.on("serverInfo", (info) => { result.serverInfo = info; });
client.on("advertise", (channels) => {
  for (const c of channels) {
    if (byChannel.has(c.id)) continue;
    const entry = { id: c.id, topic: c.topic, encoding: c.encoding, schemaName: c.schemaName, schemaEncoding: c.schemaEncoding,
      schemaLength: c.schema.length, received: 0, firstPayloadHex: null, firstTimestamp: null };
    byChannel.set(c.id, entry);
    result.channels.push(entry);
    bySubscription.set(client.subscribe(c.id), entry);
  }
});
client.on("message", ({ subscriptionId, timestamp, data }) => {
  const entry = bySubscription.get(subscriptionId);
  if (!entry) return;
  entry.received++;
  if (entry.firstPayloadHex === null) {
    entry.firstPayloadHex = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 16)).toString("hex");
    entry.firstTimestamp = timestamp.toString();
  }
  maybeDone();
});
