// Captures real automerge-repo protocol frames for the native tests in
// core/src/doc/repo/tests.rs: runs scripts/sync-server.mjs on loopback, puts
// a recording proxy in front of it, and drives @automerge/automerge-repo's own
// WebSocket clients through it. Writes the first frame of each kind, the
// document id, and what cbor-x decodes each frame to (expected.txt).
//   node scripts/capture-repo-messages.mjs core/src/doc/repo/fixtures
import { spawn } from "node:child_process"
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { WebSocketServer, WebSocket } from "ws"
import { decode } from "cbor-x"
import { Repo, parseAutomergeUrl, stringifyAutomergeUrl } from "@automerge/automerge-repo"
import { BrowserWebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket"
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs"

const out = process.argv[2] ?? "core/src/doc/repo/fixtures"
const serverPort = 47301, proxyPort = 47302
const work = mkdtempSync(join(tmpdir(), "repo-capture-"))
const sleep = ms => new Promise(r => setTimeout(r, ms))

const server = spawn(process.execPath, ["scripts/sync-server.mjs"], {
  env: { ...process.env, PORT: String(serverPort), DATA_DIR: join(work, "server") },
  stdio: ["ignore", "pipe", "inherit"],
})
await new Promise(r => server.stdout.on("data", d => String(d).includes("sync server on") && r()))

// Every frame through the proxy, in order: [client name, direction, bytes].
const frames = []
let nextClient = ""
const proxy = new WebSocketServer({ host: "127.0.0.1", port: proxyPort })
proxy.on("connection", down => {
  const who = nextClient
  const up = new WebSocket(`ws://127.0.0.1:${serverPort}`)
  const pending = []
  up.on("open", () => pending.splice(0).forEach(f => up.send(f)))
  down.on("message", data => {
    frames.push([who, "to-server", new Uint8Array(data)])
    up.readyState === WebSocket.OPEN ? up.send(data) : pending.push(data)
  })
  up.on("message", data => {
    frames.push([who, "to-client", new Uint8Array(data)])
    down.send(data)
  })
  down.on("close", () => up.close())
  up.on("close", () => down.close())
})

function client(name, storage) {
  nextClient = name
  return new Repo({
    network: [new BrowserWebSocketClientAdapter(`ws://127.0.0.1:${proxyPort}`)],
    storage: storage ? new NodeFSStorageAdapter(join(work, name)) : undefined,
    peerId: `capture-${name}`,
  })
}

// A: a partner with storage creates the document; it reaches the server.
const a = client("a", true)
const handle = a.create({ format: "safer-plan", name: "Luton CSP" })
await sleep(1500)
handle.change(d => { d.name = "Luton Community Safety Partnership" })
await sleep(1000)

// B: an ephemeral client joins by the document's address.
const b = client("b", false)
const found = await b.find(handle.url)
if (found.doc().name !== "Luton Community Safety Partnership") throw new Error("B did not receive A's edit")
await sleep(500)

// C: asks for an address the server does not have.
const c = client("c", false)
const missing = stringifyAutomergeUrl(new Uint8Array(16).fill(7))
await c.find(missing).then(() => { throw new Error("found a missing document") }, () => {})
await sleep(500)

// D: a client that only speaks a protocol version the server does not.
nextClient = "d"
const d = new WebSocket(`ws://127.0.0.1:${proxyPort}`)
await new Promise(r => d.on("open", r))
d.send(new Uint8Array([0xa3, 0x64, ...Buffer.from("type"), 0x64, ...Buffer.from("join"),
  0x68, ...Buffer.from("senderId"), 0x69, ...Buffer.from("capture-d"),
  0x78, 0x19, ...Buffer.from("supportedProtocolVersions"), 0x81, 0x62, ...Buffer.from("99")]))
await sleep(500)

const pick = (who, dir, type, n = 0) => frames.filter(([w, d, f]) => w === who && d === dir && decode(f).type === type)[n]
const wanted = {
  "join": pick("a", "to-server", "join"),
  "join-ephemeral": pick("b", "to-server", "join"),
  "peer": pick("a", "to-client", "peer"),
  "sync-to-server": pick("a", "to-server", "sync"),
  "sync-to-server-edit": pick("a", "to-server", "sync", 1),
  "request": pick("b", "to-server", "request"),
  "sync-from-server": pick("b", "to-client", "sync"),
  "doc-unavailable": pick("c", "to-client", "doc-unavailable"),
  "error": pick("d", "to-client", "error"),
}
mkdirSync(out, { recursive: true })
const expected = []
for (const [name, frame] of Object.entries(wanted)) {
  if (!frame) throw new Error(`no ${name} frame was captured`)
  const bytes = frame[2]
  writeFileSync(join(out, `${name}.cbor`), bytes)
  const m = decode(bytes)
  const meta = m.peerMetadata ? `${m.peerMetadata.storageId ?? "-"} ${m.peerMetadata.isEphemeral}` : "- -"
  expected.push([name, m.type, m.senderId ?? "-", m.targetId ?? "-", m.documentId ?? "-", m.data?.length ?? "-", meta].join(" "))
}
writeFileSync(join(out, "expected.txt"), expected.join("\n") + "\n")
const { documentId, binaryDocumentId } = parseAutomergeUrl(handle.url)
writeFileSync(join(out, "document-id.txt"), documentId + "\n")
writeFileSync(join(out, "document-id.hex"), Buffer.from(binaryDocumentId).toString("hex") + "\n")
writeFileSync(join(out, "document.automerge"), (await import("@automerge/automerge")).save(handle.doc()))
console.log(expected.join("\n"))

d.close(); await a.shutdown(); await b.shutdown(); await c.shutdown()
proxy.close(); server.kill("SIGTERM")
rmSync(work, { recursive: true, force: true })
process.exit(0)
