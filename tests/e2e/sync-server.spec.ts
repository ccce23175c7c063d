// Partners on devices of their own keep one partnership in step through a
// standard automerge-repo sync server (scripts/sync-server.mjs, started by
// playwright.config.ts on loopback), staying local-first throughout.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, visit } from './helpers';
import { COUNCIL, PARTNERSHIP, POLICE, partner } from './partners';

// Keep in step with playwright.config.ts.
const SERVER = 'ws://127.0.0.1:3031';
const REFUSING = 'ws://127.0.0.1:3032';
const OFFLINE = 'Offline — changes are kept on this device and sent when the connection is back';
const synced = (server: string) => `Synced with ${server.replace('ws://', '')} just now`;

/** The status bar's line about the server. */
function serverStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /Synced with|Offline|Syncing|Connecting|refused/ });
}

/** Turns on sync through `server` in Settings; returns the sync address shown. */
async function turnOnSync(page: Page, server: string): Promise<string> {
  await visit(page, '/settings');
  await expectPage(page, 'Settings');
  const form = page.getByRole('group', { name: 'Turn on sync through a server' });
  await form.getByLabel('Server address').fill(server);
  await page.getByRole('button', { name: 'Turn on sync through this server' }).click();
  await expect(serverStatus(page)).toHaveText(synced(server));
  const address = (await page.getByText(/^automerge:/).textContent()) ?? '';
  expect(address).toMatch(/^automerge:[1-9A-HJ-NP-Za-km-z]{20,}$/);
  return address;
}

/** A partner with no copy yet joins by the sync address, previews and keeps it. */
async function joinByAddress(page: Page, server: string, address: string): Promise<void> {
  await visit(page, '/settings');
  await expectPage(page, 'Settings');
  const form = page.getByRole('group', { name: 'The partnership to join' });
  await form.getByLabel('Server address').fill(server);
  await form.getByLabel('Sync address').fill(address);
  await page.getByRole('button', { name: 'Download the partnership' }).click();
  await expect(page.getByRole('heading', { name: `The server holds ${PARTNERSHIP}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#joining-summary')).toContainText('Actions');
  await expectAccessible(page, 'the preview of a partnership on the server');
  await page.getByRole('button', { name: `Keep ${PARTNERSHIP} on this device` }).click();
  await expectPage(page, PARTNERSHIP);
  await expect(serverStatus(page)).toHaveText(synced(server), { timeout: 10_000 });
}

/** Adds a progress update to `action`, saved on this device. */
async function update(page: Page, action: string, narrative: string): Promise<void> {
  await visit(page, `/actions/${action}/progress`);
  await expectPage(page, 'Add a progress update');
  await page.getByLabel('Date of the update').fill('2020-03-02');
  await page.getByLabel('On track').check();
  await page.getByLabel('What has happened since the last update?').fill(narrative);
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByText('Progress update added')).toBeVisible();
  await expectSaved(page);
}

test('two partners see each other’s edits through the sync server within a second, and one that was offline catches up', async ({
  browser,
}) => {
  const council = await partner(browser, 'CSP Manager', COUNCIL);
  const address = await turnOnSync(council, SERVER);
  await expectAccessible(council, 'Settings with sync through a server on');

  const police = await partner(browser, 'Partnership Inspector', POLICE, false);
  await joinByAddress(police, SERVER, address);

  // Council → police.
  const fromCouncil = 'Council: the youth violence strategy review started with the board.';
  await visit(police, '/actions/action-04');
  await update(council, 'action-04', fromCouncil);
  await expect(police.getByText(fromCouncil)).toBeVisible({ timeout: 1_000 });

  // Police → council.
  const fromPolice = 'Police: the radio campaign on hate crime reporting went out.';
  await visit(council, '/actions/action-02');
  await update(police, 'action-02', fromPolice);
  await expect(council.getByText(fromPolice)).toBeVisible({ timeout: 1_000 });

  // The police officer loses the connection; both partners go on working.
  await police.context().setOffline(true);
  await expect(serverStatus(police)).toHaveText(OFFLINE);
  const whileOffline = 'Police (offline): patrols in High Town were doubled in March.';
  const meanwhile = 'Council: the spring newsletter reached every household.';
  await update(police, 'action-05', whileOffline);
  await update(council, 'action-03', meanwhile);
  await police.context().setOffline(false);
  await expect(serverStatus(police)).toHaveText(synced(SERVER), { timeout: 10_000 });
  await visit(police, '/actions/action-03');
  await expect(police.getByText(meanwhile)).toBeVisible({ timeout: 5_000 });
  await visit(council, '/actions/action-05');
  await expect(council.getByText(whileOffline)).toBeVisible({ timeout: 5_000 });

  // Nothing is lost across a reload.
  await police.reload();
  await expect(police.getByText(meanwhile)).toBeVisible();
  await expect(serverStatus(police)).toHaveText(synced(SERVER), { timeout: 10_000 });
});

test('a third partner joins by the sync address, and edits still arrive after the server restarts', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const port = 3033;
  const server = `ws://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), 'sync-restart-'));
  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['scripts/sync-server.mjs'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: data },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ready) => child.stdout?.on('data', (d) => String(d).includes('sync server on') && ready()));
    return child;
  };
  let running = await start();
  try {
    const council = await partner(browser, 'CSP Manager', COUNCIL);
    const address = await turnOnSync(council, server);
    const fire = await partner(browser, 'Station Manager', 'Bedfordshire Fire and Rescue Service', false);
    await joinByAddress(fire, server, address);

    // The server stops mid-session: both partners are told, and keep working.
    await new Promise((stopped) => {
      running.on('exit', stopped);
      running.kill('SIGTERM');
    });
    await expect(serverStatus(council)).toHaveText(OFFLINE, { timeout: 10_000 });
    await expect(serverStatus(fire)).toHaveText(OFFLINE, { timeout: 10_000 });
    const duringOutage = 'Council: agreed the night-time economy scheme while the server was down.';
    await update(council, 'action-04', duringOutage);

    // It comes back with its data; both reconnect by themselves.
    running = await start();
    await expect(serverStatus(council)).toHaveText(synced(server), { timeout: 20_000 });
    await visit(fire, '/actions/action-04');
    await expect(fire.getByText(duringOutage)).toBeVisible({ timeout: 20_000 });
  } finally {
    running.kill('SIGTERM');
  }
});

test('a server that refuses the partnership says so, and the partnership stays on this device', async ({ browser }) => {
  const council = await partner(browser, 'CSP Manager', COUNCIL);
  await visit(council, '/settings');
  const form = council.getByRole('group', { name: 'Turn on sync through a server' });
  await form.getByLabel('Server address').fill('ws://sync.luton.gov.uk');
  await council.getByRole('button', { name: 'Turn on sync through this server' }).click();
  await expect(council.getByRole('link', { name: 'The server address must start wss:// so that the plan is encrypted on its way' })).toBeVisible();
  await expectAccessible(council, 'Settings with a server address error');

  await form.getByLabel('Server address').fill(REFUSING);
  await council.getByRole('button', { name: 'Turn on sync through this server' }).click();
  await expect(serverStatus(council)).toHaveText('The server refused this partnership');
  await expect(council.locator('#server-status-detail')).toHaveText('The server refused this partnership');
  await expectAccessible(council, 'Settings with a refused partnership');
  await visit(council, '/');
  await expectPage(council, PARTNERSHIP);
});

test('a document on the server that is not a partnership is checked like a file and refused, changing nothing', async ({
  browser,
}) => {
  // automerge-repo's own Node client puts a shopping list on the server.
  const stranger = execFileSync(process.execPath, ['tests/interop/repo-node.mjs', 'stranger', '-', SERVER], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  expect(stranger).toMatch(/^automerge:/);
  const police = await partner(browser, 'Partnership Inspector', POLICE, false);
  await visit(police, '/settings');
  const form = police.getByRole('group', { name: 'The partnership to join' });
  await form.getByLabel('Server address').fill(SERVER);
  await form.getByLabel('Sync address').fill(stranger ?? '');
  await police.getByRole('button', { name: 'Download the partnership' }).click();
  const refusal = police.getByRole('alert').filter({ hasText: 'The partnership could not be downloaded' });
  await expect(refusal).toContainText('This file is not a Safer Plan workspace, so nothing was changed.', {
    timeout: 15_000,
  });
  await expect(police.getByRole('button', { name: /Keep .* on this device/ })).toHaveCount(0);
  await expectAccessible(police, 'Settings with a download refused by the checks');
});
