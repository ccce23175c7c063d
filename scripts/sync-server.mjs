// A standard automerge-repo sync server for Safer Plan (docs/SYNC-SERVER.md).
// PORT (default 3030), DATA_DIR (default ./sync-data); loopback only: put an
// authenticating wss:// proxy in front. ALLOW, if set, is a comma-separated
// list of sync addresses (automerge:<id>) this server keeps; others are refused.
import { WebSocketServer } from "ws"
import { Repo } from "@automerge/automerge-repo"
import { WebSocketServerAdapter } from "@automerge/automerge-repo-network-websocket"
import { NodeFSStorageAdapter } from "@automerge/automerge-repo-storage-nodefs"

const port = Number(process.env.PORT ?? 3030)
const dir = process.env.DATA_DIR ?? "sync-data"
const allow = process.env.ALLOW?.split(",").map(a => a.trim().replace(/^automerge:/, ""))
const socket = new WebSocketServer({ host: "127.0.0.1", port })
const repo = new Repo({
  network: [new WebSocketServerAdapter(socket)],
  storage: new NodeFSStorageAdapter(dir),
  peerId: `safer-plan-sync-${port}`,
  // Never announce a partnership to a peer that has not asked for it by id.
  shareConfig: { announce: async () => false, access: async (_peer, doc) => !allow || allow.includes(doc) },
})
socket.on("listening", () => console.log(`sync server on ws://127.0.0.1:${port}, data in ${dir}`))
// Every document is saved on each change. Stopping drops the connections
// (ws would wait for every client to leave), flushes what is loaded (2.5.6
// fails on a handle for an id it never found) and exits.
const ready = () => Object.keys(repo.handles).filter(id => repo.handles[id].isReady())
const stop = () => {
  socket.clients.forEach(client => client.terminate())
  socket.close(() => repo.flush(ready()).finally(() => process.exit(0)))
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
