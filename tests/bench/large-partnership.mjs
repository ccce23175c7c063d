// How the large partnership (src/demo/large.rs: 500 actions, 5,000 progress
// updates, 200 indicators × 20 quarters) feels in the browser: the figures
// issue 16 asks for, printed, never asserted.
//
// 1. Opening it from IndexedDB (Your partnerships → Open → its plan painted),
//    beside @automerge/automerge (the reference JavaScript implementation)
//    loading the same stored chunks and reading every action, in the same page.
// 2. Opening Actions, the Dashboard and Indicators from the plan (click → the
//    page's heading painted).
// 3. A keypress in the action list's search box, input to next paint (the
//    browser's own Event Timing entries).
// 4. One intent: "Save update" on a progress update until "All changes saved
//    on this device", on the demo (13 actions), the large partnership (500)
//    and the large partnership with 1,500 more actions imported from a
//    tracker (2,000), so a cost that grows with the plan shows.
//
// Usage: scripts/build.sh first, then node tests/bench/large-partnership.mjs
// (RUNS=5). Give builds to compare, before and after a change, in one run:
// node tests/bench/large-partnership.mjs /tmp/dist-main dist (default: dist).
import { backToPartnershipsFromDemo, eachBuild, launchChromium, median, openLargePartnership, root, saveDetails } from './browser.mjs';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 5);
const automergeJs = join(root, 'node_modules/@automerge/automerge/dist/iife/iife.js');

const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Clicks `click` (a CSS selector or a link/button's exact name) in the page and
 * resolves with the time until an `h1` reading `heading` is painted. */
async function timeTo(page, click, heading) {
  return page.evaluate(
    ({ click, heading }) =>
      new Promise((resolve, reject) => {
        const target =
          [...document.querySelectorAll('a, button')].find((el) => el.textContent.trim() === click) ??
          document.querySelector(click);
        if (!target) return reject(new Error(`nothing to click called ${click}`));
        const shown = () => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim().startsWith(heading));
        const start = performance.now();
        const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        const observer = new MutationObserver(() => {
          if (shown()) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        target.click();
        setTimeout(() => reject(new Error(`${heading} not shown within 60 s`)), 60_000);
      }),
    { click, heading },
  );
}

/** Reads every chunk of the partnership stored under `prefix` and loads it with
 * automerge-js, then reads every action's fields; returns the two times. */
async function automergeJsOpen(page, prefix) {
  return page.evaluate(async (prefix) => {
    const start = performance.now();
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('safer-plan');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const chunks = await new Promise((ok, fail) => {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const request = db.transaction('chunks').objectStore('chunks').getAll(range);
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    db.close();
    const size = chunks.reduce((n, c) => n + c.length, 0);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const read = performance.now();
    const doc = Automerge.load(bytes);
    const loaded = performance.now();
    let fields = 0;
    for (const action of Object.values(doc.actions)) {
      for (const value of Object.values(action)) {
        fields += 1;
        if (Array.isArray(value)) for (const item of value) fields += Object.keys(item ?? {}).length;
        else if (value && typeof value === 'object') fields += Object.keys(value).length;
      }
    }
    const actionsRead = performance.now();
    const walk = (v) => (v && typeof v === 'object' ? Object.values(v).reduce((n, x) => n + walk(x), 1) : 1);
    walk(Automerge.toJS(doc));
    const everything = performance.now();
    return {
      bytes: size,
      idb: read - start,
      loadAndActions: actionsRead - read,
      load: loaded - read,
      loadAndEverything: everything - read - (actionsRead - loaded),
      fields,
    };
  }, prefix);
}

/** Event Timing (input to next paint) of each key typed into the search box:
 * per key, the longest of its keydown, keypress and input entries, or 0 when
 * it has none (under 16 ms: Event Timing reports only entries of 16 ms or
 * more, rounded to 8 ms). */
async function keypresses(page, text) {
  await page.evaluate(() => {
    window.__entries = [];
    window.__downs = [];
    // Once per page: hash navigation keeps the document, and its listeners.
    if (window.__keysWatched) return;
    window.__keysWatched = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'keydown' || e.name === 'keypress' || e.name === 'input') window.__entries.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    document.addEventListener('keydown', (e) => window.__downs.push(e.timeStamp), true);
  });
  await page.getByLabel('Search actions').click();
  await page.keyboard.type(text, { delay: 120 });
  await page.waitForTimeout(500);
  const { entries, downs } = await page.evaluate(() => ({ entries: window.__entries, downs: window.__downs }));
  // Each entry belongs to the last key pressed at or before it started.
  const perKey = downs.map(() => 0);
  for (const e of entries) {
    const key = downs.findLastIndex((t) => t <= e.start + 1);
    if (key >= 0) perKey[key] = Math.max(perKey[key], e.duration);
  }
  return perKey;
}

async function addUpdate(page, actionId) {
  await page.goto(`/#/actions/${actionId}/progress`);
  await page.getByRole('heading', { level: 1, name: 'Add a progress update' }).waitFor();
  await page.getByLabel('What has happened since the last update?').fill('Timed update from the benchmark.');
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save update');
        const start = performance.now();
        const saved = () => document.body.textContent.includes('All changes saved on this device') && document.body.textContent.includes('Progress update added');
        const observer = new MutationObserver(() => {
          if (saved()) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
        setTimeout(() => reject(new Error('not saved within 60 s')), 60_000);
      }),
  );
}

/** 1,500 more actions in the tracker layout, numbered after the large partnership's 500. */
function trackerOf(from, count) {
  let csv = 'No.,Key actions and major projects,Partnership Leads,Due date\n';
  for (let n = from; n < from + count; n++) csv += `${n},Key action ${n} from the imported tracker,"Lead officer, Partner organisation ${n % 30}",31/03/2021\n`;
  return Buffer.from(csv);
}

async function importActions(page, count) {
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles({ name: 'tracker.csv', mimeType: 'text/csv', buffer: trackerOf(501, count) });
  await page.getByRole('button', { name: /^Import [\d,]+ actions$/ }).click({ timeout: 120_000 });
  await page.getByText(/actions imported from tracker\.csv/).waitFor({ timeout: 120_000 });
  await page.getByText('All changes saved on this device').waitFor({ timeout: 120_000 });
}

const dists = process.argv.slice(2);
await eachBuild(dists.length ? dists : [join(root, 'dist')], async (baseURL, dir) => {
  const browser = await launchChromium();
  try {
    console.log(`\n${dir}`);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/');
    await saveDetails(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
    await page.getByText('All changes saved on this device').waitFor();

    const intentDemo = [];
    for (let i = 0; i < runs; i++) intentDemo.push(await addUpdate(page, 'action-08'));

    await openLargePartnership(page);
    await page.getByText('All changes saved on this device').waitFor({ timeout: 120_000 });
    await page.addScriptTag({ path: automergeJs });

    const open = [];
    const reference = [];
    for (let i = 0; i < runs; i++) {
      await backToPartnershipsFromDemo(page);
      open.push(await timeTo(page, 'Open Large test partnership', 'Large test partnership'));
      if (!(await page.evaluate(() => typeof Automerge !== 'undefined'))) await page.addScriptTag({ path: automergeJs });
      const keys = await page.evaluate(async () => {
        const db = await new Promise((ok) => {
          const o = indexedDB.open('safer-plan');
          o.onsuccess = () => ok(o.result);
        });
        const all = await new Promise((ok) => {
          const r = db.transaction('chunks').objectStore('chunks').getAllKeys();
          r.onsuccess = () => ok(r.result);
        });
        db.close();
        return all;
      });
      // The large partnership's chunks are the biggest group by prefix.
      const groups = [...new Set(keys.map((k) => k.split('/')[0]))];
      let best = null;
      for (const g of groups) {
        const r = await automergeJsOpen(page, `${g}/`);
        if (!best || r.bytes > best.bytes) best = r;
      }
      reference.push(best);
    }

    const pages = { Actions: [], Dashboard: [], Indicators: [] };
    const headings = { Actions: 'Action plan', Dashboard: 'Dashboard', Indicators: 'Performance indicators' };
    for (let i = 0; i < runs; i++) {
      for (const [link, heading] of Object.entries(headings)) {
        await page.goto('/#/');
        await page.getByRole('heading', { level: 1, name: 'Large test partnership' }).waitFor();
        pages[link].push(await timeTo(page, link, heading));
      }
    }

    // The same 25 keys typed once a run, each time into a freshly opened list.
    const typed = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('/#/');
      await page.getByRole('heading', { level: 1, name: 'Large test partnership' }).waitFor();
      await page.goto('/#/actions');
      await page.getByLabel('Search actions').waitFor();
      typed.push(await keypresses(page, 'progress on action twenty'));
    }

    // Each run adds to another generated action (src/demo/large.rs names them
    // action-000…), so every update lands on an action with its 10 updates,
    // and only the size of the plan differs between the two sizes.
    const generated = (n) => `action-${String(n).padStart(3, '0')}`;
    const intentLarge = [];
    for (let i = 0; i < runs; i++) intentLarge.push(await addUpdate(page, generated(i)));

    await importActions(page, 1_500);
    const intentLarger = [];
    for (let i = 0; i < runs; i++) intentLarger.push(await addUpdate(page, generated(runs + i)));
    const actionsLarger = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('/#/');
      await page.getByRole('heading', { level: 1, name: 'Large test partnership' }).waitFor();
      actionsLarger.push(await timeTo(page, 'Actions', 'Action plan'));
    }

    const ref = (f) => median(reference.map(f));
    console.log(`Large partnership, ${runs} runs each, median (p95):`);
    console.log(`open: Your partnerships → plan painted           ${ms(median(open))} (${ms(p95(open))})`);
    console.log(`  automerge-js, same page: IndexedDB read          ${ms(ref((r) => r.idb))} (${reference[0].bytes.toLocaleString('en-GB')} bytes)`);
    console.log(`  automerge-js load()                              ${ms(ref((r) => r.load))}`);
    console.log(`  automerge-js load() + read every action          ${ms(ref((r) => r.loadAndActions))} (${reference[0].fields.toLocaleString('en-GB')} fields)`);
    console.log(`  automerge-js load() + the whole document (toJS)  ${ms(ref((r) => r.loadAndEverything))}`);
    console.log(`  ratio: open / (IndexedDB read + load + every action) = ${(median(open) / (ref((r) => r.idb) + ref((r) => r.loadAndActions))).toFixed(2)}×`);
    for (const [name, xs] of Object.entries(pages)) console.log(`open ${name.padEnd(10)} (click → heading painted)   ${ms(median(xs))} (${ms(p95(xs))})`);
    const keys = typed.flat();
    const over = typed.flatMap((run) => run.flatMap((d, key) => (d > 16 ? [`${ms(d)} (key ${key + 1})`] : [])));
    const keyP95 = p95(keys);
    console.log(
      `keypress in Search actions (input → next paint): ${keys.length} keys, p95 ${keyP95 ? ms(keyP95) : 'under 16 ms'}; ` +
        `${over.length} over one frame (> 16 ms)${over.length ? `: ${over.join(', ')}` : ''}`,
    );
    console.log(`intent "Save update" → "All changes saved": demo (13 actions) ${ms(median(intentDemo))} (${ms(p95(intentDemo))}); large (500) ${ms(median(intentLarge))} (${ms(p95(intentLarge))}); 2,000 actions ${ms(median(intentLarger))} (${ms(p95(intentLarger))})`);
    console.log(`open Actions with 2,000 actions (click → heading painted)   ${ms(median(actionsLarger))} (${ms(p95(actionsLarger))})`);
    await context.close();
  } finally {
    await browser.close();
  }
});
