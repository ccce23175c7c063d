// Two tablets in a church hall with no shared drive and no signal: one shows
// its exchange file as a sequence of QR codes on its Share page, the other
// reads them, from photos of the screen or with its camera. The codes are
// real: each one is a screenshot of the first tablet's code, read by the
// second tablet's QR reader (the qr-reader wasm in a Web Worker).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addProgress, expectAccessible, expectPage, openDemo, setIdentity, sharePage, visit } from './helpers';

const PARTNERSHIP = 'Luton Community Safety Partnership';
const COUNCIL = 'Luton Council';
const POLICE = 'Bedfordshire Police';
const ACTION_2 = 'Deliver key communications messages for the partnership for 19-20.';

interface Code {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A tablet of its own: a fresh context, with the demo open unless asked not to. */
async function tablet(browser: Browser, name: string, organisation: string, demo = true): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (demo) await openDemo(page);
  else await page.goto('/');
  await setIdentity(page, name, organisation);
  return page;
}

/**
 * Shows the file for `to` as QR codes and photographs every code, in order:
 * the sequence is paused first, then stepped through with "Next code".
 */
async function showCodes(page: Page, to: string, check = false, passphrase = ''): Promise<Code[]> {
  await sharePage(page);
  await page.getByLabel('Who is the file for?').selectOption(to);
  if (passphrase) {
    await page.getByLabel('Protect the file with a passphrase').check();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  }
  await page.getByRole('button', { name: 'Show as QR codes for a tablet' }).click();
  const sequence = page.locator('#qr-sequence');
  await expect(sequence).toBeFocused();
  await sequence.getByRole('button', { name: 'Pause' }).click();
  await expect(sequence.getByRole('button', { name: 'Play' })).toBeVisible();
  if (check) await expectAccessible(page, 'the QR codes on the Share page');
  const caption = sequence.locator('#qr-caption');
  const total = Number(/of (\d+)$/.exec((await caption.textContent()) ?? '')?.[1]);
  expect(total, 'the caption says how many codes there are').toBeGreaterThan(0);
  const codes: Code[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const number = Number(/^Code (\d+) of/.exec((await caption.textContent()) ?? '')?.[1]);
    await expect(sequence.getByRole('img', { name: `Code ${number} of ${total}` })).toBeVisible();
    const buffer = await sequence.locator('svg').screenshot();
    codes[number - 1] = { name: `code-${number}.png`, mimeType: 'image/png', buffer };
    await sequence.getByRole('button', { name: 'Next code' }).click();
    await expect(caption).toHaveText(`Code ${(number % total) + 1} of ${total}`);
  }
  await sequence.getByRole('button', { name: 'Stop showing codes' }).click();
  await expect(sequence.locator('svg')).toHaveCount(0);
  return codes;
}

async function choosePhotos(page: Page, codes: Code[]): Promise<void> {
  await page.getByLabel('Or choose photos of the codes').setInputFiles(codes);
}

test('a tablet sends the whole partnership to a tablet with nothing on it by QR codes; a missing code and a code from another file are named @tablet', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const facilitator = await tablet(browser, 'Jo Coordinator', COUNCIL);
  const update = 'High Town walkabout with residents: lighting reported on Wenlock Street.';
  await addProgress(facilitator, 'action-02', update);
  const codes = await showCodes(facilitator, '', true);
  expect(codes.length, 'the demo partnership takes several codes').toBeGreaterThan(5);

  // A different file: the same partnership before one more update.
  await addProgress(facilitator, 'action-03', 'Another update, made after the codes were shown.');
  const later = await showCodes(facilitator, '');

  const second = await tablet(browser, 'Sam Steward', 'Bedfordshire Police', false);
  await sharePage(second);
  await expect(second.getByText('No partnership is open.')).toBeVisible();
  await expectAccessible(second, 'the Share page with the QR reader');

  // Every code but the third: nothing is opened, and the page says which.
  const missing = 3;
  await choosePhotos(second, codes.filter((_, i) => i !== missing - 1));
  const progress = second.locator('#qr-progress');
  await expect(progress).toContainText(`${codes.length - 1} of ${codes.length} codes scanned`, { timeout: 60_000 });
  await expect(progress).toContainText(`Still needed: code ${missing}.`);
  await expect(second.locator('#incoming')).toBeEmpty();
  await expectAccessible(second, 'the QR reader waiting for a missing code');

  // A code from the later file is recognised and left out.
  await choosePhotos(second, [later[missing - 1]]);
  await expect(second.locator('#qr-notice')).toHaveText(
    'That code is from a different file from the codes scanned so far, so it was not used. Scan the codes on the tablet you started with, or start again.',
  );
  await expect(progress).toContainText(`Still needed: code ${missing}.`);
  await expect(second.locator('#incoming')).toBeEmpty();
  await expectAccessible(second, 'a code from another file');

  // A photo with no code in it says so.
  await choosePhotos(second, [{ name: 'blank.png', mimeType: 'image/png', buffer: await second.screenshot({ clip: { x: 0, y: 0, width: 40, height: 40 } }) }]);
  await expect(second.locator('#qr-notice')).toContainText('No QR code could be read in blank.png.');

  // The missing code completes the file, which is checked and offered.
  await choosePhotos(second, [codes[missing - 1]]);
  const incoming = second.locator('#incoming');
  await expect(incoming).toContainText(`The file from the QR codes holds ${PARTNERSHIP}`, {
    timeout: 30_000,
  });
  await expect(progress).toBeEmpty();
  await expectAccessible(second, 'a complete set of codes');
  await incoming.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expectPage(second, PARTNERSHIP);
  await expect(second.getByText('Partnership opened from the file and saved on this device')).toBeVisible();

  await visit(second, '/actions/action-02');
  await expectPage(second, ACTION_2);
  await expect(second.locator('.app-timeline')).toContainText(update);
  await expect(second.locator('.app-timeline')).not.toContainText('Another update, made after the codes were shown.');
});

test('the police tablet scans the council tablet\'s new changes with its camera and merges them @tablet @landscape', async ({ browser }) => {
  test.setTimeout(180_000);
  // The two tablets share the partnership first (here by file).
  const council = await tablet(browser, 'Jo Coordinator', COUNCIL);
  const police = await tablet(browser, 'Sam Inspector', POLICE);
  const whole = await showCodes(council, POLICE);
  await sharePage(police);
  await choosePhotos(police, whole);
  await police
    .locator('#incoming')
    .getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` })
    .click({ timeout: 60_000 });
  await expect(police.getByText('Partnership opened from the file and saved on this device')).toBeVisible();

  // The council adds an update; its next codes for the police hold only that.
  const update = 'Council tablet: 42 residents took part in the High Town consultation.';
  await addProgress(council, 'action-02', update);
  const changes = await showCodes(council, POLICE);
  expect(changes.length, 'a single change fits in far fewer codes than the whole partnership').toBeLessThan(whole.length);

  // The police tablet's camera sees the council tablet's screen, the codes
  // going round as they do on the screen: here a stand-in camera plays the
  // photographed codes into the page in a loop.
  await police.evaluate((frames: string[]) => {
    const canvas = document.createElement('canvas');
    canvas.width = 720;
    canvas.height = 720;
    const context = canvas.getContext('2d')!;
    const images = frames.map((src) => Object.assign(new Image(), { src }));
    let shown = 0;
    setInterval(() => {
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      const image = images[shown++ % images.length];
      if (image.complete) context.drawImage(image, 60, 60, 600, 600);
    }, 700);
    navigator.mediaDevices.getUserMedia = async () => canvas.captureStream(10);
  }, changes.map((c) => `data:image/png;base64,${c.buffer.toString('base64')}`));

  await sharePage(police);
  const camera = police.getByLabel('Camera view');
  await expect(camera, 'no camera view until the camera is on').toBeHidden();
  await police.getByRole('button', { name: 'Scan codes with the camera' }).click();
  await expect(police.getByRole('button', { name: 'Stop the camera' })).toBeVisible();
  await expect(camera).toBeVisible();
  await expectAccessible(police, 'the camera scanning codes');
  const incoming = police.locator('#incoming');
  await expect(incoming.getByRole('heading', { name: 'What the file from the QR codes would change' })).toBeVisible({
    timeout: 60_000,
  });
  // Complete: the camera is off again.
  await expect(police.getByRole('button', { name: 'Scan codes with the camera' })).toBeVisible();
  await expect(camera).toBeHidden();
  await expect(incoming).toContainText(`Sent by Jo Coordinator (${COUNCIL}).`);
  await expect(incoming.locator('#incoming-summary li')).toHaveText([`${COUNCIL}: 1 progress update added`]);
  await incoming.getByRole('button', { name: 'Merge 1 change' }).click();
  await expectPage(police, PARTNERSHIP);
  await expect(police.getByText('1 change merged from the file from the QR codes')).toBeVisible();
  await visit(police, '/actions/action-02');
  await expectPage(police, ACTION_2);
  await expect(police.locator('.app-timeline')).toContainText(update);
});

test('a camera that cannot be used is explained, and the photos still work', async ({ browser }) => {
  const page = await tablet(browser, 'Sam Inspector', POLICE);
  await page.evaluate(() => {
    navigator.mediaDevices.getUserMedia = async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    };
  });
  await sharePage(page);
  await page.getByRole('button', { name: 'Scan codes with the camera' }).click();
  await expect(page.locator('#qr-notice')).toHaveText(
    "Safer Plan was not allowed to use the camera. Allow it in the browser's site settings, or choose photos of the codes instead.",
  );
  await expect(page.getByLabel('Or choose photos of the codes')).toBeEnabled();
  await expectAccessible(page, 'a refused camera');
});

test('a file protected with a passphrase travels as QR codes and opens only with the passphrase', async ({ browser }) => {
  test.setTimeout(120_000);
  const council = await tablet(browser, 'Jo Coordinator', COUNCIL);
  const codes = await showCodes(council, '', false, 'blue kettle morning');
  const second = await tablet(browser, 'Sam Steward', POLICE, false);
  await sharePage(second);
  await choosePhotos(second, codes);
  const incoming = second.locator('#incoming');
  await expect(incoming.getByRole('heading', { name: 'The file from the QR codes is protected with a passphrase' })).toBeVisible({
    timeout: 60_000,
  });
  await incoming.getByLabel('Passphrase', { exact: true }).fill('blue kettle evening');
  await incoming.getByRole('button', { name: 'Open file' }).click();
  await expect(incoming.locator('.govuk-error-message')).toContainText('That passphrase does not open this file.');
  await incoming.getByLabel('Passphrase', { exact: true }).fill('blue kettle morning');
  await incoming.getByRole('button', { name: 'Open file' }).click();
  await expect(incoming).toContainText(`The file from the QR codes holds ${PARTNERSHIP}`);
  await expectAccessible(second, 'a protected file from QR codes, unlocked');
});
