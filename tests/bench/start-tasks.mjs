// The main thread's long tasks while a first visit starts the app: what
// Lighthouse's total blocking time counts (each task's time over 50 ms,
// after multiplying by 4 on its simulated phone). A fresh browser context
// opens the start page and a Chrome trace lists every task of the page's
// main thread over MIN ms (default 10) from the first paint on, with the
// events that took most of it (v8.wasm.compileConsume is the streaming
// compiler fed on the main thread, FunctionCall the app's own code).
// Prints figures only.
//
// Usage: node tests/bench/start-tasks.mjs [dist …]   (RUNS=3, MIN=10)
import { launchChromium, serveDir } from './browser.mjs';

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const runs = Number(process.env.RUNS ?? 3);
const min = Number(process.env.MIN ?? 10);

/** Asks for every file once, brotli'd, so the server's compression (done
 * on a file's first request) is not in the trace. */
async function warm(baseURL, dir) {
  const { readdirSync } = await import('node:fs');
  for (const file of readdirSync(dir)) {
    await fetch(new URL(file, baseURL), { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  }
}

async function trace(browser, baseURL) {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,loading', transferMode: 'ReportEvents' });
    await page.goto('/');
    await page.waitForFunction(() => 'wasmBindings' in window, null, { timeout: 30_000 });
    await page.waitForTimeout(1000);
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;

    const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
    const paint = events.find((e) => e.name === 'firstContentfulPaint')?.ts ?? 0;
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= paint && e.dur >= min * 1000).sort((a, b) => a.ts - b.ts);
    return tasks.map((task) => {
      const inside = onMain.filter((e) => e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
      const most = inside.sort((a, b) => b.dur - a.dur).slice(0, 4).map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`);
      return { ms: task.dur / 1000, most };
    });
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
try {
  for (const dir of dists) {
    // Brotli, as a web host (and scripts/lighthouse.sh) serves it.
    const { baseURL, stop } = await serveDir(dir, ['--compress']);
    await warm(baseURL, dir);
    console.log(`${dir}: main-thread tasks of ${min} ms or more from the first paint until the app has started`);
    for (let run = 1; run <= runs; run++) {
      const tasks = await trace(browser, baseURL);
      const longest = Math.max(0, ...tasks.map((t) => t.ms));
      const blocking = tasks.reduce((n, t) => n + Math.max(0, t.ms * 4 - 50), 0);
      console.log(`  run ${run}: longest ${longest.toFixed(0)} ms; blocking time at 4× CPU (Lighthouse's model) ${blocking.toFixed(0)} ms`);
      for (const t of tasks) console.log(`    ${t.ms.toFixed(0)} ms: ${t.most.join(', ')}`);
    }
    stop();
  }
} finally {
  await browser.close();
}
