// Opens the app's "Download as Automerge document" file with the
// @automerge/automerge npm package, checks it reads the actions the app
// sees, then edits action 4 as another Automerge tool would and saves the
// result for tests/interop.rs to merge back. Run by scripts/interop.sh:
//   node tests/interop/node-roundtrip.mjs <dir with demo.automerge and expected.json>
//
// Layout notes for other tools: titles, ids, dates, statuses and names are
// scalar strings (ImmutableString here; a plain JS string would become a
// text object, which Safer Plan refuses for those fields). Narratives are
// text objects, so a plain JS string is right for them.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Automerge from "@automerge/automerge";

// Keep in step with the constants in tests/interop.rs.
const NODE_TITLE = "Review the serious youth violence strategy (edited in Node)";
const NODE_UPDATE_ID = "node-update-1";
const NODE_UPDATE_DATE = "2020-03-20";
const NODE_NARRATIVE = "Draft strategy 2020\u201323 agreed by the board \u2014 \u00a30 extra cost.";
const NODE_AUTHOR = ["Youth Offending Service Manager", "Luton Council"];
const NODE_RECORDED_AT = 1584705600;
const NODE_MESSAGE = "Edited action 4 in another Automerge tool";

const dir = process.argv[2] ?? process.env.INTEROP_DIR;
assert.ok(dir, "usage: node node-roundtrip.mjs <dir>");

/** A scalar string (ImmutableString) or text (string) as a JS string. */
const str = (v) => (Automerge.isImmutableString(v) ? v.toString() : v);

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

const changed = Automerge.change(
  doc,
  { message: NODE_MESSAGE, time: Math.floor(Date.now() / 1000) },
  (d) => {
    const a = d.actions[action4.id];
    a.title = new Automerge.ImmutableString(NODE_TITLE);
    a.progress[NODE_UPDATE_ID] = {
      id: new Automerge.ImmutableString(NODE_UPDATE_ID),
      date: new Automerge.ImmutableString(NODE_UPDATE_DATE),
      status: new Automerge.ImmutableString("complete"),
      narrative: NODE_NARRATIVE,
      author_name: new Automerge.ImmutableString(NODE_AUTHOR[0]),
      author_organisation: new Automerge.ImmutableString(NODE_AUTHOR[1]),
      // A whole number is stored as an Automerge int. (Automerge.Int works
      // only when assigned directly: inside an object literal 3.5.0 stores
      // it as a map { value }, which Safer Plan would refuse.)
      recorded_at: NODE_RECORDED_AT,
    };
  },
);
writeFileSync(join(dir, "node-changed.automerge"), Automerge.save(changed));
console.log(
  `node: @automerge/automerge read ${read.length} actions matching the app; edited action 4 and saved node-changed.automerge`,
);
