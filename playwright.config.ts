// End-to-end tests: the release build in Debian's headless Chromium
// (Playwright cannot download its own browser on these machines).
import { defineConfig, devices } from '@playwright/test';

const port = 4173;
// Sync servers for tests/e2e/sync-server.spec.ts (keep in step with it).
const syncPort = 3031;
const refusingPort = 3032;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // A limit for a stuck journey, not a speed check: CI's two shared cores run the
  // longest plain journeys (a passphrase, two partners swapping files) near 30 s.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    {
      // A 10-inch tablet held upright, by touch: the journeys tagged @tablet.
      name: 'tablet',
      grep: /@tablet/,
      use: { ...devices['Galaxy Tab S4'], viewport: { width: 768, height: 1024 }, defaultBrowserType: 'chromium' },
    },
    {
      // The same tablet on its side, as it sits on a table in a workshop or
      // at a consultation stall: the journeys tagged @landscape.
      name: 'tablet-landscape',
      grep: /@landscape/,
      use: { ...devices['Galaxy Tab S4 landscape'], viewport: { width: 1024, height: 768 }, defaultBrowserType: 'chromium' },
    },
  ],
  webServer: [
    {
      command: `node scripts/static-server.mjs dist ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The stock automerge-repo sync server (scripts/sync-server.mjs), on
      // loopback, with a fresh data folder each run.
      command: 'node scripts/sync-server.mjs',
      env: { PORT: String(syncPort), DATA_DIR: `test-results/sync-data-${Date.now()}` },
      port: syncPort,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The same server keeping only one partnership that is not the
      // app's: it refuses every other.
      command: 'node scripts/sync-server.mjs',
      env: {
        PORT: String(refusingPort),
        DATA_DIR: `test-results/sync-data-refusing-${Date.now()}`,
        ALLOW: 'automerge:2Lf48kGSUiQj87QpLF8U1cKrftnS',
      },
      port: refusingPort,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
