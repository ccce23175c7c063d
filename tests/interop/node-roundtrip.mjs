// Another Automerge tool working on a Safer Plan partnership, the way a
// JavaScript developer would write it: plain JavaScript strings and numbers
// (which @automerge/automerge 3.x stores as text objects and integers).
// Run by scripts/interop.sh:
//   node tests/interop/node-roundtrip.mjs <dir with demo.automerge and expected.json>
//
// 1. Opens the app's "Download as Automerge document" file and checks it
//    reads the actions the app sees.
// 2. In one change: retitles action 4 and adds a progress update to it,
//    records an indicator value with a note, rewrites the indicator's notes,
//    and adds a new action; saves node-changed.automerge.
// 3. Builds a new partnership from docs/FORMAT.md; saves node-new.automerge.
// tests/interop.rs opens and merges both; node-readback.mjs then reads the
// app's own edits back.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Automerge from "@automerge/automerge";
import * as shared from "./shared.mjs";

const dir = process.argv[2] ?? process.env.INTEROP_DIR;
assert.ok(dir, "usage: node node-roundtrip.mjs <dir>");
const { str } = shared;

const doc = Automerge.load(new Uint8Array(readFileSync(join(dir, "demo.automerge"))));
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));

assert.equal(str(doc.format), "safer-plan");
assert.equal(Number(doc.format_version), 1);
assert.equal(str(doc.id), expected.id);
assert.equal(str(doc.name), expected.name);

// The status the app shows: that of the latest-dated update, then the
// latest recorded, then the highest id (Action::updates_latest_first).
function status(action) {
  const updates = Object.values(action.progress);
  updates.sort(
    (a, b) =>
      str(b.date).localeCompare(str(a.date)) ||
      Number(b.recorded_at) - Number(a.recorded_at) ||
      (str(b.id) < str(a.id) ? -1 : str(b.id) > str(a.id) ? 1 : 0),
  );
  return updates.length ? str(updates[0].status) : "not-started";
}

const read = Object.entries(doc.actions).map(([key, a]) => {
  assert.equal(str(a.id), key, "each action is keyed by its id");
  for (const u of Object.values(a.progress)) assert.equal(typeof u.narrative, "string");
  return { id: key, number: str(a.number), title: str(a.title), status: status(a), updates: Object.keys(a.progress).length };
});
const byId = (x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
assert.deepEqual(read.sort(byId), [...expected.actions].sort(byId));

const action4 = read.find((a) => a.number === "4");
assert.ok(action4, "the demo has an action 4");
const indicatorId = Object.keys(doc.indicators).sort()[0];
assert.equal(indicatorId, expected.indicator, "the first indicator, as the app sorts ids");

const changed = Automerge.change(doc, { message: shared.NODE_MESSAGE, time: Math.floor(Date.now() / 1000) }, (d) => {
  const a = d.actions[action4.id];
  a.title = shared.NODE_TITLE;
  a.progress[shared.NODE_UPDATE_ID] = {
    id: shared.NODE_UPDATE_ID,
    date: shared.NODE_UPDATE_DATE,
    status: "complete",
    narrative: shared.NODE_NARRATIVE,
    author_name: shared.NODE_AUTHOR[0],
    author_organisation: shared.NODE_AUTHOR[1],
    recorded_at: shared.NODE_RECORDED_AT,
  };
  const indicator = d.indicators[indicatorId];
  indicator.values[shared.NODE_QUARTER] = {
    value: shared.NODE_VALUE,
    note: shared.NODE_VALUE_NOTE,
    recorded_by: shared.NODE_AUTHOR[0],
    recorded_organisation: shared.NODE_AUTHOR[1],
    recorded_at: shared.NODE_RECORDED_AT,
  };
  indicator.notes = shared.NODE_INDICATOR_NOTES;
  d.actions[shared.NODE_ACTION.id] = structuredClone(shared.NODE_ACTION);
});
writeFileSync(join(dir, "node-changed.automerge"), Automerge.save(changed));

// A partnership made outside Safer Plan, from docs/FORMAT.md alone.
const made = Automerge.from(structuredClone(shared.NODE_PARTNERSHIP));
writeFileSync(join(dir, "node-new.automerge"), Automerge.save(made));

console.log(
  `node: @automerge/automerge ${shared.version} read ${read.length} actions matching the app; ` +
    `edited action 4, an indicator and added an action with plain JavaScript values; built a new partnership`,
);
