// A partner's file can be the wrong file, damaged in an email, or made by
// something else. Each kind of problem has its own plain-English message,
// and after every refusal the partnership is exactly as it was: the change
// count on the History page and the 13 actions are unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import * as Automerge from '@automerge/automerge';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity, visit } from './helpers';

type Chosen = string | { name: string; mimeType: string; buffer: Buffer };

/** Not a Safer Plan file: what to ask the partner, after what the file really is. */
const notSaferPlan = (what: string) =>
  `This is ${what}, not a Safer Plan file. Ask the partner to send it from the Share page in Safer Plan.`;
const DAMAGED = 'This file is damaged or incomplete, so nothing was changed. Ask the partner to send it again.';

async function changeCount(page: Page): Promise<string> {
  await visit(page, '/history');
  await expectPage(page, 'History');
  return page.locator('#history-count').innerText();
}

/** Opens the demo as the council, ready to make real files to spoil. */
async function start(page: Page): Promise<string> {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  const count = await changeCount(page);
  expect(count).toMatch(/^\d+ changes$/);
  return count;
}

async function chooseFile(page: Page, file: Chosen): Promise<void> {
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
  await page.getByLabel("Choose the file a partner sent, or a backup").setInputFiles(file);
}

/** Chooses the file, expects `message` for it, and checks nothing changed. */
async function expectRefused(page: Page, file: Chosen, message: string | RegExp, count: string): Promise<void> {
  await chooseFile(page, file);
  const name = typeof file === 'string' ? file.split('/').pop() : file.name;
  const summary = page.locator('#incoming').getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'This file cannot be used' })).toBeVisible();
  const body = summary.locator('.govuk-error-summary__body');
  if (typeof message === 'string') {
    await expect(body).toHaveText(`${name}: ${message}`);
  } else {
    await expect(body).toHaveText(new RegExp(`^${escapeRegExp(`${name}: `)}${message.source}`));
  }
  // Nothing to merge or open from a refused file.
  await expect(page.locator('#incoming').getByRole('button')).toHaveCount(0);
  await expectAccessible(page, `the refusal of ${name}`);
  await expectUnchanged(page, count);
}

async function expectUnchanged(page: Page, count: string): Promise<void> {
  expect(await changeCount(page), 'the number of changes in History').toBe(count);
  await visit(page, '/actions');
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Downloads the whole partnership as a .saferplan file, as a partner would send it. */
async function wholeFile(page: Page): Promise<Buffer> {
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the whole partnership' }).click();
  return readFileSync((await (await waiting).path()) as string);
}

/** Downloads the partnership as a plain Automerge document. */
async function automergeFile(page: Page): Promise<Uint8Array> {
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as Automerge document (.automerge)' }).click();
  return new Uint8Array(readFileSync((await (await waiting).path()) as string));
}

const file = (name: string, bytes: Uint8Array | Buffer, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(bytes),
});

test('an empty file, and documents of other kinds, are refused by saying what they are', async ({ page }) => {
  const count = await start(page);

  await test.step('an empty file', async () => {
    await expectRefused(page, file('changes.saferplan', Buffer.alloc(0)), 'The file is empty. Ask the partner to send it again.', count);
  });
  await test.step('a PDF renamed .saferplan', async () => {
    await expectRefused(page, file('minutes.saferplan', Buffer.from('%PDF-1.7\n%minutes of the executive\n')), notSaferPlan('a PDF'), count);
  });
  await test.step('a Word document renamed .saferplan', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('word/document.xml')]);
    await expectRefused(page, file('action-plan.saferplan', docx), notSaferPlan('a Word document'), count);
  });
  await test.step('a zip file renamed .saferplan', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('photos/high-town.jpg')]);
    await expectRefused(page, file('photos.saferplan', zip), notSaferPlan('a zip file'), count);
  });
  await test.step('a UTF-16 text file renamed .saferplan', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Dear partner, please find attached', 'utf16le')]);
    await expectRefused(page, file('note.saferplan', utf16), notSaferPlan('a text file'), count);
  });
});

test('a Safer Plan file cut short or damaged on the way is refused', async ({ page }) => {
  const count = await start(page);
  const whole = await wholeFile(page);

  await test.step('the first half of a real file', async () => {
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    await expectRefused(page, file('cut-short.saferplan', half), DAMAGED, count);
  });
  await test.step('a real file with one byte in the middle changed', async () => {
    const flipped = Buffer.from(whole);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] ^= 0xff;
    await expectRefused(page, file('damaged.saferplan', flipped), DAMAGED, count);
  });
});

test('a file over 50 MB is refused before it is read', async ({ page }, info) => {
  const count = await start(page);
  // Written to disk: Playwright will not pass a buffer this large to the page.
  const path = info.outputPath('huge.saferplan');
  writeFileSync(path, Buffer.alloc(51 * 1024 * 1024, 0x2a));
  await expectRefused(
    page,
    path,
    'The file is 51 MB, larger than the 50 MB a Safer Plan file can be. Ask the partner to check they sent the right file.',
    count,
  );
});

test('Automerge documents that are not Safer Plan workspaces, or are from a newer version, are refused', async ({ page }) => {
  const count = await start(page);
  const ours = await automergeFile(page);

  await test.step('an Automerge document of something else', async () => {
    const todo = Automerge.save(Automerge.from({ todo: 'buy milk' }));
    await expectRefused(page, file('shopping.automerge', todo), 'This file is not a Safer Plan workspace, so nothing was changed.', count);
  });
  await test.step('a Safer Plan document with a part of the wrong type', async () => {
    const broken = Automerge.change(Automerge.load<any>(ours), (d) => {
      d.actions = 'not a list';
    });
    await expectRefused(
      page,
      file('wrong-type.automerge', Automerge.save(broken)),
      /This file has parts Safer Plan cannot read \(.+\), so nothing was changed\.$/,
      count,
    );
  });
  await test.step('a document saved by a newer version of Safer Plan', async () => {
    const newer = Automerge.change(Automerge.load<any>(ours), (d) => {
      d.format_version = 99;
    });
    await expectRefused(
      page,
      file('newer.automerge', Automerge.save(newer)),
      'This file was saved by a newer version of Safer Plan. Update Safer Plan on this device, then open it again.',
      count,
    );
  });
});

test('a protected file with no passphrase or the wrong one changes nothing', async ({ page }, info) => {
  const count = await start(page);
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
  await page.getByLabel('Protect the file with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill('blue kettle morning');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the whole partnership' }).click();
  const download = await waiting;
  const path = info.outputPath(download.suggestedFilename());
  await download.saveAs(path);

  await chooseFile(page, path);
  const incoming = page.locator('#incoming');
  await expect(incoming.getByRole('heading', { name: `${download.suggestedFilename()} is protected with a passphrase` })).toBeVisible();
  const passphrase = incoming.getByLabel('Passphrase', { exact: true });
  const open = incoming.getByRole('button', { name: 'Open file' });

  await test.step('no passphrase', async () => {
    await open.click();
    await expect(incoming.locator('.govuk-error-message')).toContainText('Enter the passphrase you agreed with your partners');
    await expectAccessible(page, 'a missing passphrase');
  });
  await test.step('the wrong passphrase', async () => {
    await passphrase.fill('blue kettle evening');
    await open.click();
    await expect(incoming.locator('.govuk-error-message')).toContainText(
      'That passphrase does not open this file. Check it with the partner who sent it; nothing was changed.',
    );
    await expect(page).toHaveTitle(/^Error: /);
    await expectAccessible(page, 'a wrong passphrase');
    await expectUnchanged(page, count);
  });
});
