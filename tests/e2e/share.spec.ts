// Partners with no shared IT exchange .saferplan files by email or USB
// stick. Each journey runs two (or three) browser contexts, one per partner
// organisation, so each has its own storage exactly as separate devices do.
// Every file that arrives is previewed in plain English and merged only on
// confirmation.
import { readFileSync, statSync } from 'node:fs';
import * as Automerge from '@automerge/automerge';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { addProgress, expectAccessible, expectPage, expectSaved, openDemo, setIdentity, sharePage, visit } from './helpers';

const PARTNERSHIP = 'Luton Community Safety Partnership';
// Identities must match member names in core/src/demo/structure.rs exactly, so
// the Share page leaves the person's own organisation out of its list.
const COUNCIL = 'Luton Council';
const POLICE = 'Bedfordshire Police';

const ACTION_2 = 'Deliver key communications messages for the partnership for 19-20.';
const ACTION_4 = 'Review of the strategic position in relation to youth violence. The current strategy ends in 2020.';
const ACTION_7 = 'Publish the Domestic Homicide review outcomes.';

// What the partners' pages logged, shown when a journey fails.
const log: string[] = [];
test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus) {
    await info.attach('console', { body: log.join('\n'), contentType: 'text/plain' });
    console.log(`console of the partners:\n${log.join('\n')}`);
  }
  log.length = 0;
});

/** A partner on a device of their own: a fresh context, with their identity set. */
async function partner(browser: Browser, name: string, organisation: string, demo = true): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('console', (m) => log.push(`${organisation} ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`${organisation} pageerror: ${e.message}`));
  if (demo) await openDemo(page);
  await setIdentity(page, name, organisation);
  return page;
}

interface Sent {
  path: string;
  name: string;
  size: number;
}

let saved = 0;
/**
 * Keeps a download under the name the app gave it, as the partner receives
 * it: the file input reports that name, and the app repeats it in messages.
 */
async function keep(file: Download): Promise<{ path: string; name: string }> {
  const name = file.suggestedFilename();
  const path = test.info().outputPath(String(++saved), name);
  await file.saveAs(path);
  return { path, name };
}

/** Presses the download button the Share page shows now and checks the confirmation. */
async function download(page: Page, button: string): Promise<Sent> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const { path, name } = await keep(await waiting);
  expect(name).toMatch(/\.saferplan$/);
  const confirmation = page.locator('#sent-confirmation');
  await expect(confirmation.getByRole('heading', { name: 'File downloaded' })).toBeVisible();
  await expect(confirmation).toContainText(name);
  return { path, name, size: statSync(path).size };
}

/** Makes a file for `to` from the Share page, with what the page chooses by default. */
async function sendTo(page: Page, to: string): Promise<Sent> {
  await sharePage(page);
  await page.getByLabel('Who is the file for?').selectOption(to);
  return download(page, `Download file for ${to}`);
}

/** Chooses a file in "Open a partner's file" on the Share page. */
async function chooseFile(page: Page, path: string): Promise<void> {
  await sharePage(page);
  await page.getByLabel("Choose the file a partner sent, or a backup").setInputFiles(path);
}

/**
 * Merges the file previewed now and waits for the page it leads to: the
 * plan, or the dashboard when something two partners changed needs settling.
 */
async function merge(page: Page, file: Sent, needsAttention = false): Promise<void> {
  const button = page.locator('#incoming').getByRole('button', { name: /^Merge \d+ changes?$/ });
  const count = Number(/\d+/.exec((await button.textContent()) ?? '')?.[0]);
  await button.click();
  const landing = needsAttention ? 'Dashboard' : PARTNERSHIP;
  await expect(page.getByRole('heading', { level: 1, name: landing }), `merging leads to ${landing}`).toBeVisible();
  await expect(page.getByText(`${count} change${count === 1 ? '' : 's'} merged from ${file.name}`)).toBeVisible();
  await expectSaved(page);
}

async function renameAction(page: Page, id: string, number: number, title: string): Promise<void> {
  await visit(page, `/actions/${id}/edit`);
  await expectPage(page, `Edit action ${number}`);
  await page.getByLabel('Key action or major project').fill(title);
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();
  await expectPage(page, title);
  await expectSaved(page);
}

/**
 * The council opens the demo and sends the whole partnership to the police,
 * who open it as a partnership of their own: from then on both copies are
 * the same partnership and can exchange changes.
 */
async function sharedPartnership(browser: Browser): Promise<{ council: Page; police: Page }> {
  const council = await partner(browser, 'Jo Coordinator', COUNCIL);
  const whole = await sendTo(council, POLICE);
  const police = await partner(browser, 'Sam Inspector', POLICE);
  await chooseFile(police, whole.path);
  await police.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expectPage(police, PARTNERSHIP);
  await expect(police.getByText('Partnership opened from the file and saved on this device')).toBeVisible();
  return { council, police };
}

/** What a partner sees of an action: its progress updates and change history. */
async function actionAsSeen(page: Page, id: string, title: string): Promise<string[]> {
  await visit(page, `/actions/${id}`);
  await expectPage(page, title);
  return [
    await page.locator('.app-timeline').innerText(),
    await page.getByRole('table', { name: 'Changes to this action' }).innerText(),
  ];
}

test('the council and the police change the plan at the same time, swap small files of changes, and end with the same plan', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const council = await partner(browser, 'Jo Coordinator', COUNCIL);
  await sharePage(council);
  await expectAccessible(council, 'the share page');

  // The council's own organisation is not offered as a recipient.
  const recipient = council.getByLabel('Who is the file for?');
  await expect(recipient.locator('option').first()).toHaveText('Anyone: a copy of the whole partnership');
  await expect(recipient.locator('option', { hasText: POLICE })).toHaveCount(1);
  await expect(recipient.locator('option', { hasText: COUNCIL })).toHaveCount(0);
  await expect(council.getByRole('button', { name: 'Download the whole partnership' })).toBeVisible();

  // Never exchanged with the police before, so the first file holds everything.
  await recipient.selectOption(POLICE);
  await expect(council.locator('#exchange-record')).toHaveText(
    `You have not exchanged files with ${POLICE} on this device yet, so the file will hold the whole partnership.`,
  );
  await expect(council.getByRole('group', { name: 'What should the file hold?' })).toHaveCount(0);
  await expectAccessible(council, 'the share page with a partner chosen');
  const whole = await download(council, `Download file for ${POLICE}`);
  expect(whole.name).toMatch(/-for-bedfordshire-police-\d{4}-\d{2}-\d{2}\.saferplan$/);
  await expectAccessible(council, 'the file downloaded confirmation');

  // The police officer has the demo open, and opens the council's file as
  // a partnership of its own: the two demos are different partnerships.
  const police = await partner(browser, 'Sam Inspector', POLICE);
  await chooseFile(police, whole.path);
  await expect(police.locator('#incoming')).toContainText(
    `${whole.name} is for ${PARTNERSHIP}, not the partnership open now`,
  );
  await expectAccessible(police, 'a file for another partnership');
  await police.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expectPage(police, PARTNERSHIP);
  await expect(police.getByText('Partnership opened from the file and saved on this device')).toBeVisible();

  // Both work on the plan at the same time, without exchanging anything.
  const policeTitle = 'Review the serious youth violence strategy with the VERU';
  const councilTitle = 'Publish the outcomes of Domestic Homicide Reviews 001 and 002';
  const policeUpdate = 'Police comms team shared the 16 days of action messages on force channels.';
  const councilUpdate = 'Council social media ran the coercive behaviour videos in February.';
  await renameAction(police, 'action-04', 4, policeTitle);
  await addProgress(police, 'action-02', policeUpdate);
  await renameAction(council, 'action-07', 7, councilTitle);
  await addProgress(council, 'action-02', councilUpdate);
  // Nothing travels without a file: each still has the other's old title.
  await visit(council, '/actions/action-04');
  await expectPage(council, ACTION_4);
  await visit(police, '/actions/action-07');
  await expectPage(police, ACTION_7);

  // The police received the council's file, so the council is known to have
  // everything in it: the file back holds only the police's two changes.
  // (Soft checks: if this goes wrong the rest of the journey still runs, so
  // one failure does not hide whether the partners converge.)
  await sharePage(police);
  await police.getByLabel('Who is the file for?').selectOption(COUNCIL);
  await expect
    .soft(police.locator('#exchange-record'), 'the council file the police opened is remembered')
    .toHaveText(/^Last file sent to Luton Council: never\. Last file received from Luton Council: \d{1,2} \w+ \d{4}\.$/);
  await expect.soft(police.getByLabel('Only the changes they do not have yet (a small file)')).toBeChecked();
  await expectAccessible(police, 'the share page offering changes only');
  const fromPolice = await download(police, `Download file for ${COUNCIL}`);
  expect.soft(fromPolice.name).toContain('changes-for-luton-council');
  expect.soft(fromPolice.size, 'a file of two changes').toBeLessThan(20 * 1024);
  expect.soft(fromPolice.size, 'much smaller than the whole partnership').toBeLessThan(whole.size / 4);

  // The council sees what the file would change, by organisation, first.
  await chooseFile(council, fromPolice.path);
  const incoming = council.locator('#incoming');
  await expect(incoming.getByRole('heading', { name: `What ${fromPolice.name} would change` })).toBeVisible();
  await expect(incoming).toContainText(`Sent by Sam Inspector (${POLICE}).`);
  await expect(council.locator('#incoming-summary li')).toHaveText([`${POLICE}: 1 action updated, 1 progress update added`]);
  await expectAccessible(council, 'the merge preview');
  await merge(council, fromPolice);

  // The council sends its own changes back: again only what the police lack.
  await sharePage(council);
  await council.getByLabel('Who is the file for?').selectOption(POLICE);
  await expect(council.locator('#exchange-record')).toHaveText(
    /^Last file sent to Bedfordshire Police: \d{1,2} \w+ \d{4}\. Last file received from Bedfordshire Police: \d{1,2} \w+ \d{4}\.$/,
  );
  const fromCouncil = await download(council, `Download file for ${POLICE}`);
  expect(fromCouncil.name).toContain('changes-for-bedfordshire-police');
  expect(fromCouncil.size).toBeLessThan(20 * 1024);
  expect(fromCouncil.size, 'much smaller than the whole partnership').toBeLessThan(whole.size / 4);

  await chooseFile(police, fromCouncil.path);
  await expect(police.locator('#incoming-summary li')).toHaveText([`${COUNCIL}: 1 action updated, 1 progress update added`]);
  await merge(police, fromCouncil);

  // Both partners now see exactly the same actions, each with both changes.
  for (const [id, title] of [
    ['action-02', ACTION_2],
    ['action-04', policeTitle],
    ['action-07', councilTitle],
  ]) {
    const seenByCouncil = await actionAsSeen(council, id, title);
    const seenByPolice = await actionAsSeen(police, id, title);
    expect(seenByPolice, `${id} as the police see it`).toEqual(seenByCouncil);
  }
  for (const page of [council, police]) {
    await visit(page, '/actions/action-02');
    await expectPage(page, ACTION_2);
    await expect(page.locator('.app-timeline')).toContainText(policeUpdate);
    await expect(page.locator('.app-timeline')).toContainText(councilUpdate);
  }
  const listOf = async (page: Page) => {
    await visit(page, '/actions');
    await expect(page.getByText('Showing all 13 actions')).toBeVisible();
    return page.getByRole('table', { name: 'Actions' }).innerText();
  };
  expect(await listOf(police)).toEqual(await listOf(council));

  // The same file again brings nothing new, and offers nothing to merge.
  await chooseFile(police, fromCouncil.path);
  await expect(police.locator('#incoming')).toContainText('Nothing new: you already have every change in this file.');
  await expect(police.locator('#incoming').getByRole('button', { name: /^Merge/ })).toHaveCount(0);
  await expectAccessible(police, 'a file with nothing new');
});

test('a file protected with a passphrase opens only with the right passphrase @tablet', async ({ browser }) => {
  test.setTimeout(90_000);
  const { council, police } = await sharedPartnership(browser);
  const update = 'Knife crime sessions delivered in two more high schools.';
  await addProgress(council, 'action-04', update);

  // Sending: a short passphrase is refused with advice on a good one.
  await sharePage(council);
  await council.getByLabel('Who is the file for?').selectOption(POLICE);
  await council.getByLabel('Protect the file with a passphrase').check();
  const passphrase = council.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toHaveAttribute('type', 'password');
  await expectAccessible(council, 'the passphrase field');
  await passphrase.fill('kettle');
  await council.getByRole('button', { name: `Download file for ${POLICE}` }).click();
  const tooShort =
    'The passphrase must be 10 characters or more – three or four unrelated words are easy to share and hard to guess';
  await expect(council.getByRole('alert').getByRole('link', { name: tooShort })).toBeVisible();
  await expect(council.locator('#sent-confirmation')).toBeEmpty();
  await expectAccessible(council, 'a passphrase that is too short');

  await passphrase.fill('blue kettle morning');
  const file = await download(council, `Download file for ${POLICE}`);
  expect(file.name).toContain('changes-for-bedfordshire-police');
  await expect(council.locator('#sent-confirmation')).toContainText(
    'Tell them the passphrase another way, such as by phone – never in the same email as the file.',
  );
  await expectAccessible(council, 'a protected file downloaded');
  // Nothing of the plan can be read from the file itself.
  expect(readFileSync(file.path).includes('Knife crime sessions')).toBe(false);

  // Receiving: the file asks for its passphrase before anything else.
  await visit(police, '/history');
  await expectPage(police, 'History');
  const changesBefore = await police.locator('#history-count').innerText();
  await chooseFile(police, file.path);
  const incoming = police.locator('#incoming');
  await expect(incoming.getByRole('heading', { name: `${file.name} is protected with a passphrase` })).toBeVisible();
  await expectAccessible(police, 'the passphrase prompt');

  await incoming.getByLabel('Passphrase', { exact: true }).fill('blue kettle evening');
  await incoming.getByRole('button', { name: 'Open file' }).click();
  const wrong = 'That passphrase does not open this file. Check it with the partner who sent it; nothing was changed.';
  await expect(incoming.locator('.govuk-error-message')).toContainText(wrong);
  await expect(incoming.getByRole('button', { name: /^Merge/ })).toHaveCount(0);
  await expectAccessible(police, 'a wrong passphrase');
  await visit(police, '/history');
  await expectPage(police, 'History');
  await expect(police.locator('#history-count')).toHaveText(changesBefore);

  // With the right passphrase: the usual preview, then the merge.
  await chooseFile(police, file.path);
  await police.locator('#incoming').getByLabel('Passphrase', { exact: true }).fill('blue kettle morning');
  await police.locator('#incoming').getByRole('button', { name: 'Open file' }).click();
  await expect(police.locator('#incoming-summary li')).toHaveText([`${COUNCIL}: 1 progress update added`]);
  await expectAccessible(police, 'the preview of a protected file');
  await merge(police, file);
  await visit(police, '/actions/action-04');
  await expectPage(police, ACTION_4);
  await expect(police.locator('.app-timeline')).toContainText(update);
});

test('two partners rename the same action at once: the receiver sees both, chooses one, and the choice reaches the other', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { council, police } = await sharedPartnership(browser);
  const policeTitle = 'Refresh the serious youth violence strategy (police draft)';
  const councilTitle = 'Refresh the serious youth violence strategy (council draft)';
  await renameAction(police, 'action-04', 4, policeTitle);
  await renameAction(council, 'action-04', 4, councilTitle);

  const fromPolice = await sendTo(police, COUNCIL);
  await chooseFile(council, fromPolice.path);
  await merge(council, fromPolice, true);

  // The dashboard says so at once, and links to the action.
  const attention = council.getByRole('list', { name: 'Needs attention' });
  await expect(attention).toContainText(/Key action changed by (Luton Council and Bedfordshire Police|Bedfordshire Police and Luton Council)/);
  await attention.getByRole('link', { name: /^Action 4: / }).click();

  // Both titles are kept and shown with who wrote each; one is shown for now.
  const banner = council.getByRole('region', { name: 'Changed by two partners' });
  await expect(banner).toBeVisible();
  const choice = banner.getByRole('group', { name: 'Key action' });
  const theirs = choice.getByLabel(new RegExp(`^“${escapeRegExp(policeTitle)}” – from ${POLICE}( \\(shown now\\))?$`));
  const ours = choice.getByLabel(new RegExp(`^“${escapeRegExp(councilTitle)}” – from ${COUNCIL}( \\(shown now\\))?$`));
  await expect(theirs).toBeVisible();
  await expect(ours).toBeVisible();
  await expect(choice.getByText('(shown now)')).toHaveCount(1);
  await expectAccessible(council, 'an action changed by two partners');

  // The council goes with the police's wording.
  await theirs.check();
  await banner.getByRole('button', { name: 'Keep this key action' }).click();
  await expect(council.getByText('Your choice was saved')).toBeVisible();
  await expectPage(council, policeTitle);
  await expect(council.getByRole('region', { name: 'Changed by two partners' })).toHaveCount(0);
  await expectAccessible(council, 'the action after the choice');

  // The choice travels back with the council's next file.
  const fromCouncil = await sendTo(council, POLICE);
  expect(fromCouncil.name).toContain('changes-for-bedfordshire-police');
  await chooseFile(police, fromCouncil.path);
  await merge(police, fromCouncil);
  await visit(police, '/actions/action-04');
  await expectPage(police, policeTitle);
  await expect(police.getByRole('heading', { level: 2, name: 'Progress' })).toBeVisible();
  await expect(police.getByRole('region', { name: 'Changed by two partners' })).toHaveCount(0);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an Automerge document download opens on a device with no partnership yet', async ({ browser }) => {
  const council = await partner(browser, 'Jo Coordinator', COUNCIL);
  await sharePage(council);
  const waiting = council.waitForEvent('download');
  await council.getByRole('button', { name: 'Download as Automerge document (.automerge)' }).click();
  const file = await keep(await waiting);
  expect(file.name).toMatch(/\.automerge$/);

  // A new officer's device: identity set, nothing opened yet.
  const newcomer = await partner(browser, 'Alex Newcomer', 'Bedfordshire Fire and Rescue Service', false);
  await sharePage(newcomer);
  await expect(newcomer.getByText('No partnership is open.')).toBeVisible();
  await expect(newcomer.getByRole('heading', { name: 'Send your changes' })).toHaveCount(0);
  await expectAccessible(newcomer, 'the share page with no partnership open');
  await newcomer.getByLabel("Choose the file a partner sent, or a backup").setInputFiles(file.path);
  await expect(newcomer.locator('#incoming')).toContainText(`${file.name} holds ${PARTNERSHIP}`);
  await expect(newcomer.locator('#incoming')).not.toContainText('not the partnership open now');
  await expectAccessible(newcomer, 'an Automerge document ready to open');
  await newcomer.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expectPage(newcomer, PARTNERSHIP);
  await expect(newcomer.getByText('Partnership opened from the file and saved on this device')).toBeVisible();
  await visit(newcomer, '/actions');
  await expect(newcomer.getByText('Showing all 13 actions')).toBeVisible();
});

test('a redacted copy leaves out the domestic abuse progress notes and keeps the rest', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', COUNCIL);
  await sharePage(page);
  await page.getByRole('link', { name: 'Make a redacted copy' }).click();
  await expectPage(page, 'Make a redacted copy');
  await expect(page.getByLabel('Progress update notes')).toBeChecked();
  await expectAccessible(page, 'the redacted copy page');

  // Nothing chosen at all: both questions are answered in the error summary.
  await page.getByLabel('Progress update notes').uncheck();
  await page.getByRole('button', { name: 'Download redacted copy' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Choose at least one theme whose text to remove' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Choose what to remove' })).toBeVisible();
  await expectAccessible(page, 'the redacted copy page with errors');

  await page.getByLabel('Domestic Abuse').check();
  await page.getByLabel('Progress update notes').check();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download redacted copy' }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toMatch(/-redacted\.automerge$/);
  await expect(page.getByText(`Downloaded ${file.suggestedFilename()}. Check it before sending`)).toBeVisible();
  await expectAccessible(page, 'the redacted copy downloaded');

  // The file itself: action 7's domestic homicide review note is gone, while
  // action 4's youth offending note is still there to read.
  const bytes = readFileSync((await file.path()) as string);
  const text = JSON.stringify(Automerge.load(new Uint8Array(bytes)), (_, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
  const domesticAbuse = 'DHR001/2016 is due for publication';
  const youthOffending = 'The Amber unit now has a presence in most schools';
  expect(bytes.includes(domesticAbuse), 'the domestic abuse note in the raw bytes').toBe(false);
  expect(bytes.includes(youthOffending), 'the youth offending note in the raw bytes').toBe(true);
  // And as any Automerge tool would read it (strings can be split in the bytes).
  expect(text.includes(domesticAbuse), 'the document as Automerge reads it').toBe(false);
  expect(text).toContain(youthOffending);
  expect(text).toContain('[Removed before sharing]');
});
