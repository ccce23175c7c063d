// Two tabs with the same partnership open stay in step without a reload,
// and edits made in both at once are all kept.
import { readFileSync } from 'node:fs';
import * as Automerge from '@automerge/automerge';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, sharePage, visit } from './helpers';

const ACTION_4 = 'Review of the strategic position in relation to youth violence. The current strategy ends in 2020.';
const ACTION_2 = 'Deliver key communications messages for the partnership for 19-20.';

// What the tabs logged, shown when a journey fails.
const log: string[] = [];
test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus) {
    await info.attach('console', { body: log.join('\n'), contentType: 'text/plain' });
    console.log(`console of the tabs:\n${log.join('\n')}`);
  }
  log.length = 0;
});

function recordConsole(page: Page, tab: string, into: string[]): void {
  page.on('console', (m) => into.push(`${tab} ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => into.push(`${tab} pageerror: ${e.message}`));
}

test('an edit in one tab shows in the other, and simultaneous updates are both kept @tablet', async ({
  page: tabA,
  context,
}) => {
  recordConsole(tabA, 'A', log);
  await openDemo(tabA);
  await setIdentity(tabA, 'Jo Coordinator', 'Luton Council');

  const tabB = await context.newPage();
  recordConsole(tabB, 'B', log);
  await visit(tabB, '/actions/action-04');
  await expectPage(tabB, ACTION_4);

  // Tab A renames action 4; tab B sees it without a reload.
  await visit(tabA, '/actions/action-04/edit');
  await expectPage(tabA, 'Edit action 4');
  const renamed = 'Review the youth violence strategy before it ends in 2020';
  await tabA.getByLabel('Key action or major project').fill(renamed);
  await tabA.getByRole('button', { name: 'Save action' }).click();
  await expectPage(tabA, renamed);
  await expect(tabB.getByRole('heading', { level: 1, name: renamed })).toBeVisible({ timeout: 10_000 });
  await expect(tabB.getByRole('table', { name: 'Changes to this action' })).toContainText('Jo Coordinator');

  // Both tabs add a progress update to action 2 at the same moment.
  const fromA = 'Tab A: the spring newsletter went to every household in High Town.';
  const fromB = 'Tab B: the radio campaign on hate crime reporting reached an estimated 40,000 listeners.';
  for (const [tab, text] of [
    [tabA, fromA],
    [tabB, fromB],
  ] as const) {
    await visit(tab, '/actions/action-02/progress');
    await expectPage(tab, 'Add a progress update');
    await tab.getByLabel('Date of the update').fill('2020-03-02');
    await tab.getByLabel('On track').check();
    await tab.getByLabel('What has happened since the last update?').fill(text);
  }
  await Promise.all([
    tabA.getByRole('button', { name: 'Save update' }).click(),
    tabB.getByRole('button', { name: 'Save update' }).click(),
  ]);
  for (const tab of [tabA, tabB]) {
    await expectPage(tab, ACTION_2);
    await expect(tab.getByText('Progress update added')).toBeVisible();
  }
  for (const tab of [tabA, tabB]) {
    const timeline = tab.locator('.app-timeline');
    await expect(timeline).toContainText(fromA, { timeout: 10_000 });
    await expect(timeline).toContainText(fromB, { timeout: 10_000 });
    await expectSaved(tab);
  }

  // Nothing was lost in storage: a reloaded tab reads both from disk.
  await tabB.reload();
  await expectPage(tabB, ACTION_2);
  await expect(tabB.locator('.app-timeline')).toContainText(fromA);
  await expect(tabB.locator('.app-timeline')).toContainText(fromB);
  await expect(tabB.getByRole('heading', { level: 1 })).toHaveText(ACTION_2);
  await visit(tabB, '/actions/action-04');
  await expectPage(tabB, renamed);

  // And a third tab opened afterwards starts with all of it.
  const tabC = await context.newPage();
  await visit(tabC, '/actions/action-02');
  await expectPage(tabC, ACTION_2);
  await expect(tabC.locator('.app-timeline')).toContainText(fromA);
  await expect(tabC.locator('.app-timeline')).toContainText(fromB);

  // Nothing went wrong on the way (a sync message refused is logged as a
  // warning).
  const problems = log.filter((l) => / (error|warning|pageerror):/.test(l));
  expect(problems, 'console errors and warnings').toEqual([]);
});

/** The tab's whole document, as its Share page downloads it. */
async function documentIn(tab: Page): Promise<Automerge.Doc<any>> {
  await sharePage(tab);
  const waiting = tab.waitForEvent('download');
  await tab.getByRole('button', { name: 'Download as Automerge document (.automerge)' }).click();
  const file = await waiting;
  return Automerge.load(new Uint8Array(readFileSync((await file.path()) as string)));
}

/** Every progress narrative in a document. */
function narratives(doc: Automerge.Doc<any>): Set<string> {
  const all = new Set<string>();
  for (const action of Object.values<any>(doc.actions)) {
    for (const update of Object.values<any>(action.progress)) all.add(String(update.narrative));
  }
  return all;
}

test('two tabs editing the large partnership at once for 30 seconds end up with the same plan', async ({
  page: tabA,
  context,
}) => {
  test.setTimeout(300_000);
  recordConsole(tabA, 'A', log);
  await tabA.goto('/');
  await setIdentity(tabA, 'Jo Coordinator', 'Luton Council');
  await visit(tabA, '/support/performance');
  await expectPage(tabA, 'Performance check');
  await expectAccessible(tabA, 'the performance check');
  await tabA.getByRole('button', { name: 'Open the large partnership on this device' }).click();
  await expect(tabA.getByRole('heading', { level: 1, name: 'Large test partnership' })).toBeVisible({ timeout: 60_000 });
  await expect(tabA.getByText('The large test partnership is open on this device')).toBeVisible();
  await expect(tabA.getByText('All changes saved on this device')).toBeVisible({ timeout: 60_000 });
  await expectAccessible(tabA, 'the large partnership');

  const tabB = await context.newPage();
  recordConsole(tabB, 'B', log);
  await visit(tabB, '/actions/action-000');
  await expect(tabB.getByRole('heading', { level: 1, name: 'Key action 1 for the partnership plan' })).toBeVisible({
    timeout: 60_000,
  });

  // Both tabs add progress updates as fast as a person could, often to the
  // same actions, for 30 seconds.
  const typed: string[] = [];
  const deadline = Date.now() + 30_000;
  async function keepEditing(tab: Page, name: string, step: number): Promise<void> {
    for (let k = 0; Date.now() < deadline; k++) {
      const id = `action-${String((k * step) % 12).padStart(3, '0')}`;
      const text = `Tab ${name}, update ${k + 1}: partners met and agreed the next steps.`;
      await visit(tab, `/actions/${id}/progress`);
      await expectPage(tab, 'Add a progress update');
      await tab.getByLabel('Date of the update').fill('2020-03-02');
      await tab.getByLabel('On track').check();
      await tab.getByLabel('What has happened since the last update?').fill(text);
      await tab.getByRole('button', { name: 'Save update' }).click();
      await expect(tab.getByText('Progress update added')).toBeVisible({ timeout: 15_000 });
      typed.push(text);
    }
  }
  await Promise.all([keepEditing(tabA, 'A', 5), keepEditing(tabB, 'B', 7)]);
  expect(typed.length, 'updates made in 30 seconds').toBeGreaterThan(4);
  console.log(`two tabs on the large partnership: ${typed.length} progress updates in 30 seconds`);
  for (const tab of [tabA, tabB]) await expect(tab.getByText('All changes saved on this device')).toBeVisible({ timeout: 30_000 });

  // The tabs settle on one document: the same heads, with every update.
  let a: Automerge.Doc<any> | undefined;
  await expect
    .poll(
      async () => {
        a = await documentIn(tabA);
        const b = await documentIn(tabB);
        return JSON.stringify(Automerge.getHeads(a)) === JSON.stringify(Automerge.getHeads(b));
      },
      { message: 'both tabs hold the same document', timeout: 60_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toBe(true);
  const kept = narratives(a as Automerge.Doc<any>);
  expect(typed.filter((t) => !kept.has(t)), 'updates missing from the settled document').toEqual([]);
  await expectAccessible(tabB, 'the share page of the large partnership');

  const problems = log.filter((l) => / (error|warning|pageerror):/.test(l));
  expect(problems, 'console errors and warnings').toEqual([]);
});
