// Where opening the large partnership goes: a CPU profile (the CDP
// profiler, sampling every 100 µs) of "Open Large test partnership" →
// heading painted, per open, by function: self time, inclusive time and,
// with FOCUS=<part of a name>, who calls that function.
//
// Needs a release build that keeps the wasm's function names:
//   PROFILE_NAMES=1 trunk build --release --offline --dist /tmp/dist-names
//   node tests/bench/open-profile.mjs /tmp/dist-names [runs]
// The profiler slows the page: compare parts, not totals, with other benches.
import { backToPartnershipsFromDemo, launchChromium, openLargePartnership, saveDetails, serveDir } from './browser.mjs';
const dir = process.argv[2] ?? '/tmp/dist-names';
const runs = Number(process.argv[3] ?? 3);
const served = await serveDir(dir);
const browser = await launchChromium();
const demangle = (n) => {
  // Rust legacy mangling: _ZN3foo3bar17h<hash>E
  const m = n.match(/_ZN(.*)E$/);
  if (!m) return n;
  let s = m[1], out = [];
  while (s.length) { const d = s.match(/^(\d+)/); if (!d) break; const len = +d[1]; s = s.slice(d[1].length); out.push(s.slice(0, len)); s = s.slice(len); }
  if (out.length && /^h[0-9a-f]{16}$/.test(out[out.length - 1])) out.pop();
  return out.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$RF\$/g, '&').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}');
};
try {
  const context = await browser.newContext({ baseURL: served.baseURL });
  const page = await context.newPage();
  await saveDetails(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
  await page.getByText('All changes saved on this device').waitFor();
  await openLargePartnership(page);
  await page.getByText('All changes saved on this device').waitFor({ timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const self = new Map(), inclusive = new Map(), callers = new Map();
  for (let i = 0; i < runs; i++) {
    await backToPartnershipsFromDemo(page);
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Open Large test partnership' }).click();
    await page.getByRole('heading', { level: 1, name: 'Large test partnership' }).waitFor();
    const wall = Date.now() - t0;
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    let busy = 0;
    profile.samples.forEach((id, k) => {
      const n = byId.get(id);
      const t = (dt[k + 1] ?? 0) / 1000;
      const name = n.callFrame.functionName || '(anon)';
      if (name === '(idle)' || name === '(program)') return;
      busy += t;
      const key = demangle(name).slice(0, 140);
      self.set(key, (self.get(key) ?? 0) + t);
      if (process.env.FOCUS) {
        // Who calls the focused function, two frames up.
        for (let at = id; at !== undefined; at = parent.get(at)) {
          const f = demangle(byId.get(at).callFrame.functionName || '');
          if (f.includes(process.env.FOCUS)) {
            const p1 = parent.get(at), p2 = p1 !== undefined ? parent.get(p1) : undefined;
            const frame = (x) => (x === undefined ? '-' : demangle(byId.get(x).callFrame.functionName || '').slice(0, 90));
            const key = `${frame(p1)}  <=  ${frame(p2)}`;
            callers.set(key, (callers.get(key) ?? 0) + t);
            break;
          }
        }
      }
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const f = demangle(byId.get(at).callFrame.functionName || '(anon)').slice(0, 140);
        if (seen.has(f)) continue;
        seen.add(f);
        inclusive.set(f, (inclusive.get(f) ?? 0) + t);
      }
    });
    console.log(`run ${i + 1}: wall ${wall} ms, busy ${busy.toFixed(0)} ms`);
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(t / runs).toFixed(1).padStart(7)} ms  ${n}`).join('\n');
  if (process.env.FOCUS) console.log(`\ncallers of ${process.env.FOCUS}:\n` + top(callers, 15));
  console.log('\nby function (self, per run):\n' + top(self, 30));
  console.log('\nby function (inclusive, per run):\n' + top(inclusive, 90));
} finally {
  await browser.close();
  served.stop();
}
