// Reads back, with @automerge/automerge, what Safer Plan wrote after
// merging Node's edits (app-changed.automerge, from tests/interop.rs):
// the app's own edits are there, and what Node wrote as text is still text
// (the app never rewrote it). Run by scripts/interop.sh:
//   node tests/interop/node-readback.mjs <dir>
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as Automerge from "@automerge/automerge";
import * as shared from "./shared.mjs";

const dir = process.argv[2] ?? process.env.INTEROP_DIR;
assert.ok(dir, "usage: node node-readback.mjs <dir>");
const { str } = shared;
const doc = Automerge.load(new Uint8Array(readFileSync(join(dir, "app-changed.automerge"))));
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));

const action4 = Object.values(doc.actions).find((a) => str(a.number) === "4");
// Text in JavaScript is a plain string; a scalar would be an ImmutableString.
assert.equal(typeof action4.title, "string", "Node's title is still text");
assert.equal(action4.title, shared.NODE_TITLE);

const mine = doc.actions[shared.NODE_ACTION.id];
assert.equal(typeof mine.title, "string", "the action Node added keeps its text title");
assert.equal(mine.title, shared.NODE_ACTION.title);
assert.deepEqual([...mine.tags], shared.NODE_ACTION.tags);
const updates = Object.values(mine.progress);
assert.equal(updates.length, 1, "the app added a progress update to Node's action");
assert.equal(updates[0].narrative, shared.APP_NARRATIVE);
assert.equal(str(updates[0].status), "on-track");

assert.equal(str(doc.actions["action-02"].title), shared.APP_TITLE, "the app's retitle reads back");

const values = doc.indicators[expected.indicator].values;
assert.equal(values[shared.NODE_QUARTER].value, shared.NODE_VALUE);
assert.equal(values[shared.NODE_QUARTER].note, shared.NODE_VALUE_NOTE);
assert.equal(values[shared.APP_QUARTER].value, shared.APP_VALUE);
assert.equal(doc.indicators[expected.indicator].notes, shared.NODE_INDICATOR_NOTES);

console.log(`node: @automerge/automerge ${shared.version} read the app's edits back; Node's text is still text`);
