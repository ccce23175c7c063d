// Previewing and merging a partner's file of 1,000 changes to the large
// partnership (src/demo/large.rs: 500 actions, 5,000 progress updates, 200
// indicators), in the page, beside @automerge/automerge applying the same
// changes in the same page: issue 16's "preview + merge ≤ 1.5×
// applyChanges". Prints figures only.
//
// Each run takes a fresh browser context: the large partnership is opened
// from the Performance page, then the partner's file is made in the page
// with automerge-js from the stored document (each action retitled twice,
// one change each, with Safer Plan's change messages) and wrapped in a
// .saferplan envelope (src: core/src/exchange/envelope.rs). automerge-js
// loads the stored document and applies the 1,000 changes (timed); then
// the Share page opens the file (choose → "What … would change" painted:
// the file worker's checks, the preview) and merges it (click "Merge 1000
// changes" → "1000 changes merged" painted).
//
// Usage: node tests/bench/large-exchange.mjs [dist-before] [dist]   (RUNS=3)
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eachBuild, launchChromium, median, openLargePartnership, root, saveDetails } from './browser.mjs';

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const runs = Number(process.env.RUNS ?? 3);
const automergeJs = join(root, 'node_modules/@automerge/automerge/dist/iife/iife.js');
const CHANGES = 1000;
const FILE = 'partner-1000-changes.saferplan';

/** In the page: the stored large partnership's bytes, the partner's file of
 * CHANGES changes to it, and automerge-js's time to apply those changes. */
async function partnerFile(page, changes) {
  const result = await page.evaluate(async (changes) => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('safer-plan');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    // Chunks are keyed `<workspace id>/…`: the large partnership's are the
    // biggest group (the demo may be stored too).
    const stored = await new Promise((ok, fail) => {
      const store = db.transaction('chunks').objectStore('chunks');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => ok(keys.result.map((key, i) => [key, values.result[i]]));
      values.onerror = () => fail(values.error);
    });
    db.close();
    const groups = new Map();
    for (const [key, chunk] of stored) {
      const prefix = String(key).split('/')[0];
      groups.set(prefix, [...(groups.get(prefix) ?? []), chunk]);
    }
    const size = (cs) => cs.reduce((n, c) => n + c.length, 0);
    const chunks = [...groups.values()].reduce((a, b) => (size(b) > size(a) ? b : a));
    const bytes = new Uint8Array(size(chunks));
    chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);

    // The partner's copy, and their edits.
    const start = Automerge.load(bytes);
    let theirs = Automerge.clone(start);
    const ids = Object.keys(theirs.actions).sort();
    for (let i = 0; i < changes; i++) {
      const id = ids[i % ids.length];
      const number = theirs.actions[id].number;
      const title = `Reviewed action, edit ${i} by the police`;
      const message = `Edited action ${number}\nauthor: Inspector\norganisation: Bedfordshire Police\nkind: edit-action\ntarget: action/${id}`;
      theirs = Automerge.change(theirs, { message, time: 1_700_000_000 + i }, (d) => {
        d.actions[id].title = new Automerge.ImmutableString(title);
      });
    }
    const made = Automerge.getChanges(start, theirs);

    // automerge-js applying them to its own copy of the stored document.
    const base = Automerge.load(bytes);
    const t0 = performance.now();
    Automerge.applyChanges(base, made);
    const apply = performance.now() - t0;

    // The .saferplan envelope: "SAFERPLAN" version kind, five texts (u32
    // length + UTF-8), sent at (i64), heads (u16 count + 32 bytes each),
    // parts (u32 count, then u32 length + bytes each), SHA-256 of it all.
    const out = [];
    const u32 = (n) => out.push(new Uint8Array(new Uint32Array([n]).buffer));
    const text = (s) => {
      const b = new TextEncoder().encode(s);
      u32(b.length);
      out.push(b);
    };
    out.push(new TextEncoder().encode('SAFERPLAN'), new Uint8Array([1, 1]));
    [start.id, start.name, 'Inspector', 'Bedfordshire Police', 'Luton Council'].forEach(text);
    out.push(new Uint8Array(new BigInt64Array([1_700_001_000n]).buffer));
    const heads = Automerge.getHeads(theirs);
    out.push(new Uint8Array(new Uint16Array([heads.length]).buffer));
    for (const h of heads) out.push(new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16))));
    u32(made.length);
    for (const c of made) {
      u32(c.length);
      out.push(c);
    }
    const body = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
    out.reduce((at, b) => (body.set(b, at), at + b.length), 0);
    const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    const file = new Uint8Array(body.length + sum.length);
    file.set(body);
    file.set(sum, body.length);
    return { file: Array.from(file), count: made.length, apply, stored: bytes.length };
  }, changes);
  return { ...result, file: Buffer.from(result.file) };
}

/** In the page: clicks the button named `name` and resolves with the time
 * until the page's text includes `shown`, painted. */
function clickUntil(page, name, shown) {
  return page.evaluate(
    ({ name, shown }) =>
      new Promise((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
        if (!button) return reject(new Error(`no button called ${name}`));
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (document.body.textContent.includes(shown)) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
        setTimeout(() => reject(new Error(`${shown} not shown within 120 s`)), 120_000);
      }),
    { name, shown },
  );
}

// PROFILE=1: a Chrome trace of the first run's preview and merge, printed
// as busy time per thread (the page's main thread, the file worker) and,
// within each, script, style and layout, paint and garbage collection.
const profiling = process.env.PROFILE === '1';
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel'];

/** Prints where a trace's time went, by thread: the time covered by
 * top-level tasks, and by each kind of event inside them. Events nest
 * (a task holds a function call, which may hold a garbage collection), so
 * each kind counts the union of its events' intervals, never a sum. */
function printBusy(what, buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const kinds = { RunTask: 'busy', 'ThreadControllerImpl::RunTask': 'busy', FunctionCall: 'script', EvaluateScript: 'script', 'v8.callFunction': 'script', UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint', PrePaint: 'paint', MajorGC: 'gc', MinorGC: 'gc', ParseHTML: 'parse HTML' };
  const spans = new Map();
  for (const e of events) {
    const kind = kinds[e.name];
    if (e.ph !== 'X' || !e.dur || !kind) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|DedicatedWorker/.test(thread)) continue;
    const key = `${thread}\t${kind}`;
    spans.set(key, [...(spans.get(key) ?? []), [e.ts, e.ts + e.dur]]);
  }
  const covered = (xs) => {
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of xs.sort((x, y) => x[0] - y[0])) {
      if (b > end) total += b - Math.max(a, end);
      end = Math.max(end, b);
    }
    return total / 1000;
  };
  const byThread = new Map();
  for (const [key, xs] of spans) {
    const [thread, kind] = key.split('\t');
    byThread.set(thread, [...(byThread.get(thread) ?? []), `${kind} ${covered(xs).toFixed(0)}`]);
  }
  console.log(`    ${what}, time covered per thread (ms):`);
  for (const [thread, parts] of byThread) console.log(`      ${thread}: ${parts.join(', ')}`);
}

async function run(browser, baseURL, profile) {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await saveDetails(page);
    await openLargePartnership(page);
    await page.getByText('All changes saved on this device').waitFor({ timeout: 120_000 });
    await page.addScriptTag({ path: automergeJs });
    const made = await partnerFile(page, CHANGES);
    if (made.count !== CHANGES) throw new Error(`the file holds ${made.count} changes, not ${CHANGES}`);

    await page.goto('/#/share');
    await page.getByRole('heading', { name: "Open a partner's file" }).waitFor();
    // Let the file worker started with the page finish loading.
    await page.waitForTimeout(1500);
    if (profile) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const start = performance.now();
    await page.getByLabel('Choose the file a partner sent, or a backup').setInputFiles({ name: FILE, mimeType: 'application/octet-stream', buffer: made.file });
    await page.getByRole('heading', { name: `What ${FILE} would change` }).waitFor({ timeout: 120_000 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
    const preview = performance.now() - start;
    if (profile) printBusy('preview', await browser.stopTracing());
    if (profile) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const merge = await clickUntil(page, `Merge ${CHANGES} changes`, `${CHANGES} changes merged from ${FILE}`);
    if (profile) printBusy('merge', await browser.stopTracing());
    return { preview, merge, apply: made.apply, size: made.file.length, stored: made.stored };
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
try {
  console.log(`A partner's file of ${CHANGES} changes to the large partnership, median of ${runs}, Chromium ${browser.version()}:`);
  await eachBuild(dists, async (baseURL, dir) => {
    const results = [];
    for (let r = 0; r < runs; r++) results.push(await run(browser, baseURL, profiling && r === 0));
    const m = (f) => median(results.map(f));
    const both = m((r) => r.preview + r.merge);
    console.log(`  ${dir}: file ${(results[0].size / 1024).toFixed(0)} KB, stored document ${(results[0].stored / 1024).toFixed(0)} KB`);
    console.log(`    preview (choose the file → "What … would change" painted)  ${m((r) => r.preview).toFixed(0)} ms  (${results.map((r) => r.preview.toFixed(0)).join(', ')})`);
    console.log(`    merge (click "Merge ${CHANGES} changes" → "merged" painted)     ${m((r) => r.merge).toFixed(0)} ms  (${results.map((r) => r.merge.toFixed(0)).join(', ')})`);
    console.log(`    automerge-js applyChanges, same page                         ${m((r) => r.apply).toFixed(0)} ms  (${results.map((r) => r.apply.toFixed(0)).join(', ')})`);
    console.log(`    ratio: (preview + merge) / applyChanges = ${(both / m((r) => r.apply)).toFixed(2)}×`);
  });
} finally {
  await browser.close();
}
