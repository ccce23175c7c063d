// What the Node scripts write and expect, in one place. Keep in step with
// the constants in tests/interop.rs.
import { readFileSync } from "node:fs";
import * as Automerge from "@automerge/automerge";

const manifest = new URL("../../node_modules/@automerge/automerge/package.json", import.meta.url);
export const version = JSON.parse(readFileSync(manifest, "utf8")).version;

/** A scalar string (ImmutableString) or text (string) as a JS string. */
export const str = (v) => (Automerge.isImmutableString(v) ? v.toString() : v);

export const NODE_MESSAGE = "Edited action 4 in another Automerge tool";
export const NODE_TITLE = "Review the serious youth violence strategy (edited in Node)";
export const NODE_UPDATE_ID = "node-update-1";
export const NODE_UPDATE_DATE = "2020-03-20";
export const NODE_NARRATIVE = "Draft strategy 2020\u201323 agreed by the board \u2014 \u00a30 extra cost.";
export const NODE_AUTHOR = ["Youth Offending Service Manager", "Luton Council"];
export const NODE_RECORDED_AT = 1584705600;
export const NODE_QUARTER = "2020-21-Q1";
export const NODE_VALUE = 42;
export const NODE_VALUE_NOTE = "Entered in Node";
export const NODE_INDICATOR_NOTES = "Figures checked against the police data in Node.";

// A new action, with only what docs/FORMAT.md requires plus a few extras.
export const NODE_ACTION = {
  id: "node-action-1",
  number: "99",
  title: "Pilot a night-time economy safety scheme",
  description: "Agreed with the licensing team.",
  due: "2021-03-31",
  tags: ["Night-time economy", "High Town"],
  leads: [{ role: "Licensing Manager", organisation: "Luton Council" }],
  created_at: 1584705600,
};

// A whole partnership, from docs/FORMAT.md alone.
export const NODE_PARTNERSHIP = {
  format: "safer-plan",
  format_version: 1,
  id: "bedford-csp-node",
  name: "Bedford Community Safety Partnership",
  area: "Bedford",
  plan: { title: "Community Safety Plan 2020-23", period: "2020 to 2023", action_plan_year: "2020-21" },
  themes: {
    "theme-asb": {
      id: "theme-asb",
      name: "Anti-social behaviour",
      order: 1,
      lead_role: "ASB Co-ordinator",
      lead_organisation: "Bedford Borough Council",
      aims: "Fewer repeat callers.",
    },
  },
  actions: {
    a1: {
      id: "a1",
      number: "1",
      title: "Review the ASB strategy",
      theme_id: "theme-asb",
      created_at: 1584705600,
      due: "2021-03-31",
      progress: {
        u1: {
          id: "u1",
          date: "2020-06-30",
          status: "on-track",
          narrative: "Consultation closed.",
          author_name: "ASB Co-ordinator",
          author_organisation: "Bedford Borough Council",
          recorded_at: 1593500000,
        },
      },
    },
  },
};

// What the app writes back (tests/interop.rs, merge_what_node_changed).
export const APP_TITLE = "Deliver the partnership's communications plan (edited in Safer Plan)";
export const APP_NARRATIVE = "Safer Plan: the scheme starts in the town centre in July.";
export const APP_QUARTER = "2020-21-Q2";
export const APP_VALUE = 17.5;
