// Keeping the partnership safe when the browser is not: a reminder to
// download a backup, a way back when the browser has cleared its storage,
// and asking the browser to keep Safer Plan's data.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, visit } from './helpers';

const DEMO = 'Luton Community Safety Partnership';
const DAY = 86_400;

/** The id of the partnership this browser opened last. */
async function workspaceId(page: Page): Promise<string> {
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('safer-plan.last-workspace') ?? 'null'));
  expect(typeof id, 'the last workspace id').toBe('string');
  return id as string;
}

type BackupRecord = { since: number; backed_up: boolean; changes: number };

async function backupRecord(page: Page, id: string): Promise<BackupRecord | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `safer-plan.backup.${id}`);
}

async function setBackupRecord(page: Page, id: string, record: BackupRecord): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    `safer-plan.backup.${id}`,
    JSON.stringify(record),
  ]);
}

const now = () => Math.floor(Date.now() / 1000);

test('a week after the last backup the app asks for one, and downloading it clears the reminder', async ({ page }) => {
  await openDemo(page);
  const id = await workspaceId(page);
  const banner = page.getByRole('region', { name: 'Backup due' });
  await expect(banner).toHaveCount(0);

  // Eight days ago, with a few changes since.
  await setBackupRecord(page, id, { since: now() - 8 * DAY - 60, backed_up: true, changes: 3 });
  await page.reload();
  await expectPage(page, DEMO);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('It is 8 days since the last backup. Download a backup to keep your work safe.');
  await expectAccessible(page, 'a page with the backup reminder');

  // The reminder follows the person around the app until acted on.
  await visit(page, '/actions');
  await expectPage(page, 'Action plan');
  await expect(banner).toBeVisible();

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-backup-\d{4}-\d{2}-\d{2}\.automerge$/);
  const bytes = await readFile((await file.path()) as string);
  expect(bytes.length).toBeGreaterThan(1000);
  await expect(banner).toHaveCount(0);
  const record = await backupRecord(page, id);
  expect(record).toMatchObject({ backed_up: true, changes: 0 });
  expect(Math.abs((record?.since ?? 0) - now())).toBeLessThan(120);

  await page.reload();
  await expectPage(page, 'Action plan');
  await expect(page.getByText('All changes saved on this device')).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('fifty changes without a backup bring the reminder on the same day', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  const id = await workspaceId(page);
  await setBackupRecord(page, id, { since: now(), backed_up: false, changes: 49 });
  await page.reload();
  await expectPage(page, 'Settings');
  const banner = page.getByRole('region', { name: 'Backup due' });
  await expect(banner).toHaveCount(0);

  // The fiftieth change.
  await visit(page, '/actions/action-05/edit');
  await expectPage(page, 'Edit action 5');
  await page.getByLabel('Key action or major project').fill('Deliver the town centre workshop recommendations');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('50 changes have been made since the last backup');
  expect(await backupRecord(page, id)).toMatchObject({ changes: 50 });
});

test('a backup made in one tab is not forgotten when another tab makes a change', async ({ page, context }) => {
  // Each tab shows the reminder from its own copy of the record; a tab
  // opened before the backup must neither put the old date back when it
  // counts a change nor keep showing a reminder the other tab settled.
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  const id = await workspaceId(page);
  await setBackupRecord(page, id, { since: now() - 9 * DAY, backed_up: true, changes: 2 });
  await page.reload();
  await expectPage(page, 'Settings');
  const other = await context.newPage();
  await visit(other, '/actions/action-03/edit');
  await expectPage(other, 'Edit action 3');
  const banner = (p: Page) => p.getByRole('region', { name: 'Backup due' });
  await expect(banner(page)).toBeVisible();
  await expect(banner(other)).toBeVisible();

  const download = page.waitForEvent('download');
  await banner(page).getByRole('button', { name: 'Download a backup' }).click();
  await download;
  await expect(banner(page)).toHaveCount(0);

  // The other tab, open all along, records a change.
  await other.getByLabel('Key action or major project').fill('Review the anti-social behaviour strategy');
  await other.getByRole('button', { name: 'Save action' }).click();
  await expect(other.getByText('Action updated')).toBeVisible();
  await expectSaved(other);
  const record = await backupRecord(page, id);
  expect(record?.since, 'the backup date is kept').toBeGreaterThan(now() - 120);
  expect(record?.changes).toBe(1);
  await expect(banner(other)).toHaveCount(0);
  await page.reload();
  await expectPage(page, 'Settings');
  await expect(page.getByText('All changes saved on this device')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test('when the browser has cleared the partnership, it is restored from a backup file', async ({ page }) => {
  const console: string[] = [];
  // The same-origin page without the app below is a 404 on purpose: its
  // own load and the favicon request it makes can report after it is gone.
  page.on('console', (m) => {
    if (!/\/(no-app-here|favicon\.ico)$/.test(m.location().url)) console.push(`${m.type()}: ${m.text()}`);
  });
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await visit(page, '/actions/action-05/edit');
  await expectPage(page, 'Edit action 5');
  await page.getByLabel('Key action or major project').fill('Deliver the town centre workshop recommendations');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();
  await expectSaved(page);

  // A backup, as the Share page offers it.
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as Automerge document (.automerge)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.automerge$/);
  const backup = (await file.path()) as string;

  // The browser clears the site's storage (as Safari does after seven days
  // without a visit) but the list of partnerships in localStorage survives.
  // The database is deleted from a same-origin page without the app, so no
  // open connection blocks it.
  await page.goto('/no-app-here');
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('safer-plan');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve(`error: ${req.error}`);
        req.onblocked = () => resolve('blocked');
      }),
  );
  expect(outcome).toBe('deleted');

  console.length = 0; // the page without the app was a 404, as intended
  await page.goto('/');
  const lost = page.getByRole('alert').filter({ hasText: `${DEMO} is no longer stored in this browser` });
  await expect(lost).toBeVisible();
  await expectPage(page, 'Your partnerships');
  await expectAccessible(page, 'the lost partnership warning');

  await lost.getByRole('link', { name: 'Restore from a file' }).click();
  await expectPage(page, 'Share with partners');
  await expect(page.getByText('No partnership is open.')).toBeVisible();
  await page.getByLabel('Choose the file a partner sent, or a backup').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: await readFile(backup),
  });
  await expect(
    page.getByRole('heading', { name: `${file.suggestedFilename()} holds ${DEMO}, which this browser lost` }),
  ).toBeVisible();
  await expectAccessible(page, 'the restore preview');
  await page.getByRole('button', { name: `Restore ${DEMO} from this file` }).click();

  await expectPage(page, DEMO);
  await expect(page.getByText('Partnership restored from the file and saved on this device')).toBeVisible();
  await expectSaved(page);
  await expect(lost).toHaveCount(0);

  // Everything is back, including the edit made before the loss, and it is stored again.
  await page.reload();
  await expectPage(page, DEMO);
  await expect(lost).toHaveCount(0);
  await visit(page, '/actions/action-05');
  await expectPage(page, 'Deliver the town centre workshop recommendations');
  await expect(page.getByRole('table', { name: 'Changes to this action' })).toContainText('Jo Coordinator');
  await visit(page, '/actions');
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  expect(console.filter((l) => l.startsWith('error')), 'console errors').toEqual([]);
});

test('Settings says whether the browser has agreed to keep the data', async ({ page }) => {
  await openDemo(page);
  await visit(page, '/settings');
  await expectPage(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Keeping your data' })).toBeVisible();
  const agreed = 'This browser has agreed to keep Safer Plan’s data until you delete it.';
  const mayClear =
    'This browser may clear Safer Plan’s data if the device runs short of space, or (in Safari) after seven days without a visit. Download a backup from the Share page regularly.';
  const persistence = page.locator('#persistence');
  // Opening the demo already asked; the answer is one of the two.
  await expect(persistence).toHaveText(new RegExp(`^(${escape(agreed)}|${escape(mayClear)})$`));
  await expectAccessible(page, 'Settings with the data-keeping answer');
  await page.getByRole('button', { name: 'Ask the browser to keep Safer Plan’s data' }).click();
  await expect(persistence).toHaveText(new RegExp(`^(${escape(agreed)}|${escape(mayClear)})$`));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('saving a form that changes nothing, or is refused, does not count towards the backup reminder', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  const id = await workspaceId(page);
  await setBackupRecord(page, id, { since: Math.floor(Date.now() / 1000), backed_up: true, changes: 0 });
  await page.reload();
  await expectPage(page, 'Settings');

  // Saved unchanged: nothing new to back up.
  await visit(page, '/actions/action-03/edit');
  await expectPage(page, 'Edit action 3');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();
  // Refused with a field error: nothing stored either.
  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  await page.getByRole('button', { name: 'Set up questionnaire' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a title residents will see');
  expect(await backupRecord(page, id)).toMatchObject({ changes: 0 });

  // A real change counts.
  await page.getByLabel('Title residents will see').fill('Lewsey Festival: how safe do you feel?');
  await page.getByRole('button', { name: 'Set up questionnaire' }).click();
  await expect(page.getByText('Questionnaire set up')).toBeVisible();
  await expectSaved(page);
  expect(await backupRecord(page, id)).toMatchObject({ changes: 1 });
});
