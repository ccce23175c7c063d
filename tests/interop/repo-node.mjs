// The reference automerge-repo client's side of scripts/repo-interop.sh.
//   node tests/interop/repo-node.mjs edit <dir> <ws://server>
//     joins what the app uploaded (by the address in <dir>/address), checks
//     it, renames the partnership with a plain JavaScript string, and checks
//     the edit reached the server with a second, fresh client.
//   node tests/interop/repo-node.mjs readback <dir> <ws://server>
//     a fresh client finds the app's answer on the server.
//   node tests/interop/repo-node.mjs join-timed <dir> <ws://server>
//     times joining the large partnership (scripts/repo-bench.sh).
//   node tests/interop/repo-node.mjs stranger - <ws://server>
//     puts a document that is not a Safer Plan partnership on the server and
//     prints its sync address (tests/e2e/sync-server.spec.ts).
import { readFileSync } from "node:fs";
import { Repo } from "@automerge/automerge-repo";
import { BrowserWebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket";
import { str } from "./shared.mjs";

const version = JSON.parse(readFileSync(new URL("../../node_modules/@automerge/automerge-repo/package.json", import.meta.url), "utf8")).version;

// Keep in step with tests/repo_interop.rs.
const NODE_NAME = "Luton and Dunstable CSP (renamed through the server in Node)";
const APP_NAME = "Luton and Dunstable CSP (answered by Safer Plan)";

const [mode, dir, server] = process.argv.slice(2);
const address = mode === "join-timed" || mode === "stranger" ? "" : readFileSync(`${dir}/address`, "utf8").trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function fresh() {
  const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(server)] });
  const handle = await repo.find(address);
  return { repo, handle };
}

/** Waits until a fresh client sees `name` on the server. */
async function serverHas(name) {
  for (let i = 0; i < 40; i++) {
    const { repo, handle } = await fresh();
    const seen = str(handle.doc().name);
    await repo.shutdown();
    if (seen === name) return;
    await sleep(250);
  }
  throw new Error(`the server never had ${name}`);
}

if (mode === "edit") {
  const { repo, handle } = await fresh();
  const doc = handle.doc();
  if (str(doc.format) !== "safer-plan") throw new Error(`not a Safer Plan partnership: ${str(doc.format)}`);
  if (Object.keys(doc.themes).length === 0) throw new Error("the app's themes did not arrive");
  if (str(doc.sync_id) !== address.replace("automerge:", "")) throw new Error(`sync_id is ${str(doc.sync_id)}`);
  handle.change((d) => { d.name = NODE_NAME; }, { message: "Renamed in Node" });
  await serverHas(NODE_NAME);
  await repo.shutdown();
  console.log(`repo interop: Node joined ${str(doc.name)} (${Object.keys(doc.actions).length} actions) and renamed it`);
} else if (mode === "readback") {
  await serverHas(APP_NAME);
  console.log("repo interop: Node read the app's answer from the server");
} else if (mode === "join-timed") {
  // automerge-repo's own client joining the large partnership, for BENCHMARKS.md.
  const large = readFileSync(`${dir}/large-address`, "utf8").trim();
  const started = performance.now();
  const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(server)] });
  const handle = await repo.find(large);
  const actions = Object.keys(handle.doc().actions).length;
  const ms = performance.now() - started;
  const { save } = await import("@automerge/automerge");
  console.log(`automerge-repo ${version}'s Node client joined the large partnership (${actions} actions, ${save(handle.doc()).length} bytes saved) in ${ms.toFixed(0)} ms`);
  await repo.shutdown();
} else if (mode === "stranger") {
  // Automerge, but not a partnership: a list a repo client might keep.
  const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(server)] });
  const handle = repo.create({ title: "Shopping list", items: ["milk", "bread"] });
  for (let i = 0; i < 40; i++) {
    await sleep(250);
    const other = new Repo({ network: [new BrowserWebSocketClientAdapter(server)] });
    const seen = await other.find(handle.url).then((h) => h.doc().title, () => undefined);
    await other.shutdown();
    if (seen === "Shopping list") break;
  }
  await repo.shutdown();
  console.log(handle.url);
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.exit(0);
