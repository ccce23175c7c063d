// Excel in and out: a manager downloads the plan for Excel, imports the
// partnership's existing tracker, and bad files change nothing.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addProgress, expectAccessible, expectPage, expectTouchTargets, openDemo, setIdentity } from './helpers';

const fixture = (name: string) => `tests/fixtures/${name}`;

async function newPartnership(page: Page) {
  await page.goto('/');
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/#/workspaces/new');
  await page.getByLabel('Name of the partnership').fill('Luton CSP (imported)');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Luton CSP (imported)');
}

test('a manager imports the business plan tracker from Excel and sees 13 actions @tablet', async ({ page }) => {
  await newPartnership(page);
  await page.goto('/#/spreadsheets');
  await expectPage(page, 'Excel and CSV');
  await expectAccessible(page, 'the Excel and CSV page');
  await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture('business-plan-2019-20.xlsx'));
  await expect(page.getByRole('heading', { name: 'Which column is which in business-plan-2019-20.xlsx' })).toBeVisible();
  await expect(page.getByLabel('Key action (title)')).toHaveValue('1');
  await expect(page.getByLabel('Partnership leads')).toHaveValue('2');
  await expect(page.getByLabel('Other partners')).toHaveValue('');
  await expect(page.getByText('Row 1 of “Business plan 2019-20” was taken as the headings.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '13 actions will be added' })).toBeVisible();
  // The tracker has no date for its progress: it is not given today's date.
  const leftOut = page.getByRole('table', { name: 'Rows imported with something left out' });
  await expect(leftOut.getByRole('row')).toHaveCount(14);
  await expect(leftOut).toContainText('The progress has no date, so it will not be imported');
  await expectAccessible(page, 'the import preview');

  // Nothing is stored until the import is confirmed.
  await page.goto('/#/actions');
  await expect(page.getByText('Showing all 0 actions')).toBeVisible();
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture('business-plan-2019-20.xlsx'));
  await page.getByLabel('Date the progress was written, for rows without a date of the progress').fill('31/3/2020');
  await expect(page.getByRole('table', { name: 'Rows imported with something left out' })).toHaveCount(0);
  const preview = page.getByRole('table', { name: 'Actions to import' });
  const pilot = preview.getByRole('row').filter({ hasText: 'Pilot area for targeted activity' });
  await expect(pilot).toContainText('Inspector, Bedfordshire Police');
  await expect(pilot).toContainText('31 Mar 2020:');
  await page.getByRole('button', { name: 'Import 13 actions' }).click();
  await expect(page.getByText('13 actions imported from business-plan-2019-20.xlsx')).toBeVisible();
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  await page.getByRole('link', { name: /Pilot area for targeted activity/ }).click();
  await expect(page.getByText('Inspector, Bedfordshire Police')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Changes to this action' })).toContainText('Imported 13 actions');

  // Importing the same file again adds nothing, and offers free numbers.
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture('business-plan-2019-20.xlsx'));
  await expect(page.getByRole('heading', { name: '0 actions will be added' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rows that will not be imported' })).toContainText(
    'Action 1 is already in the plan – the next free number is 14',
  );
});

test('a manager undoes an import from History, keeping the action a colleague has updated since', async ({ page }) => {
  await newPartnership(page);
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture('business-plan-2019-20.xlsx'));
  await page.getByRole('button', { name: 'Import 13 actions' }).click();
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  await page.getByRole('link', { name: /Pilot area for targeted activity/ }).click();
  const id = new URL(page.url()).hash.split('/')[2];
  await addProgress(page, id, 'Pilot area agreed with the neighbourhood team');

  await page.goto('/#/history');
  await expectPage(page, 'History');
  await page.getByRole('button', { name: 'Undo this import: Imported 13 actions from business-plan-2019-20.xlsx' }).click();
  await expect(page.getByRole('heading', { name: 'Undo this import?' })).toBeFocused();
  await expect(page.getByRole('heading', { name: '12 actions will be removed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 action changed since the import' })).toBeVisible();
  await expect(page.getByText(/Added a progress update to action 13 \(Not started\) – Jo Coordinator \(Luton Council\)/)).toBeVisible();
  await expect(page.getByLabel('Keep them, with their later changes')).toBeChecked();
  await expectAccessible(page, 'the undo import confirmation');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('Import undone: 12 actions removed')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Changes' })).toContainText(
    'Undid “Imported 13 actions from business-plan-2019-20.xlsx”: removed 12 actions',
  );

  await page.goto('/#/actions');
  await expect(page.getByRole('link', { name: /Pilot area for targeted activity/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /strategic assessment/i })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('link', { name: /Pilot area for targeted activity/ })).toBeVisible();

  // The kept action can still go, with its update, if the manager chooses.
  await page.goto('/#/history');
  await page.getByRole('button', { name: 'Undo this import: Imported 13 actions from business-plan-2019-20.xlsx' }).click();
  await page.getByLabel('Remove them too, with their later changes').check();
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText('Import undone: 1 action removed')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo this import/ })).toHaveCount(0);
});

for (const [file, message] of [
  ['wrong-columns.xlsx', 'Could not find a column for the key action (title). Choose which column holds it.'],
  ['empty.xlsx', 'empty.xlsx: The file is empty.'],
  ['renamed-report.xlsx', 'renamed-report.xlsx: This looks like a PDF, not a spreadsheet.'],
]) {
  test(`a bad file (${file}) gets a clear message and changes nothing`, async ({ page }) => {
    await openDemo(page);
    await setIdentity(page, 'Jo Coordinator', 'Luton Council');
    await page.goto('/#/spreadsheets');
    await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture(file));
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Import \d+ actions?$/ })).toHaveCount(0);
    await expectAccessible(page, `the message for ${file}`);
    await page.goto('/#/actions');
    await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  });
}

test('text in the number and date columns skips those rows and says which rows and why', async ({ page }) => {
  await newPartnership(page);
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture('text-in-date-column.xlsx'));
  await expect(page.getByRole('heading', { name: '1 action will be added' })).toBeVisible();
  const skipped = page.getByRole('table', { name: 'Rows that will not be imported' });
  await expect(skipped.getByRole('row').nth(1)).toContainText('3');
  await expect(skipped).toContainText('“when the survey is back” in due date is not a date');
  await expect(skipped.getByRole('row').nth(2)).toContainText('4');
  await expect(skipped).toContainText('“three” is not an action number like 14 or 2a');
  await expectAccessible(page, 'an import preview with a skipped row');
});

test('the plan downloads as an Excel workbook and as CSV', async ({ page }) => {
  await openDemo(page);
  await page.goto('/#/spreadsheets');
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download workbook (.xlsx)' }).click();
  const xlsx = await workbook;
  expect(xlsx.suggestedFilename()).toBe('Luton-Community-Safety-Partnership.xlsx');
  const bytes = await readFile((await xlsx.path()) as string);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Actions (.csv)' }).click();
  const text = await readFile((await (await csv).path()) as string, 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  expect(lines[0]).toContain('No.,Key actions and major projects,Theme,Partnership leads');
  expect(text).toContain('Operation Octans');
});

test('a performance return of indicator values is imported after a preview', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Analyst', 'Bedfordshire Police');
  await page.goto('/#/spreadsheets');
  const csv =
    'Indicator,Quarter,Value\nBurglary,Q4 2019-20,"1,012"\nCriminal damage,2019-20-Q4,498\nParking fines,Q4 2019-20,12\n' +
    'Repeat referrals to MARAC,Q4 2019-20,30%\nHate crimes reported,Q4 2019-20,"12,5"\n';
  await page.getByLabel('Choose the performance return').setInputFiles({
    name: 'q4-return.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(page.getByRole('heading', { name: '3 values will be recorded from q4-return.csv' })).toBeVisible();
  const values = page.getByRole('table', { name: 'Values to import' });
  await expect(values.getByRole('row').filter({ hasText: 'Repeat referrals to MARAC' })).toContainText('30%');
  await expect(values.getByRole('row').filter({ hasText: 'Burglary' })).toContainText('1,012 crimes');
  const refused = page.getByRole('table', { name: 'Rows that will not be recorded' });
  await expect(refused).toContainText('There is no indicator called “Parking fines”');
  await expect(refused).toContainText('“12,5” uses a comma as the decimal point: write it as 12.5');
  await expectAccessible(page, 'the indicator values preview');
  await page.getByRole('button', { name: 'Record 3 values' }).click();
  await expect(page.getByText('3 indicator values imported from q4-return.csv')).toBeVisible();
  await page.getByRole('link', { name: 'Burglary' }).click();
  const burglary = page.getByRole('table', { name: 'Burglary: values by quarter' });
  await expect(burglary.getByRole('row').nth(1)).toContainText('Q4 2019-20');
  await expect(burglary.getByRole('row').nth(1)).toContainText('1,012 crimes');
});

test('a messy tracker with a title line, merged theme cells, UK dates and a percent column imports as the manager sees it @tablet', async ({
  page,
}) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles(fixture('messy-tracker-2019-20.xlsx'));
  await expect(page.getByText('Row 4 of “Tracker” was taken as the headings.')).toBeVisible();
  await expect(
    page.getByText('Row 1 above the headings was left out: “Barking and Dagenham Community Safety Partnership”.'),
  ).toBeVisible();
  await expect(page.getByText('Row 9 under the table was left out: “Source: Community Safety Team')).toBeVisible();
  for (const [field, column] of [
    ['Action number', '0'],
    ['Key action (title)', '1'],
    ['Priority theme', '2'],
    ['Partnership leads', '3'],
    ['Start date', '4'],
    ['Due date', '5'],
    ['Status', '6'],
    ['Progress', '7'],
    ['Date of the progress', '8'],
  ]) {
    await expect(page.getByLabel(field, { exact: true })).toHaveValue(column);
  }
  await expect(page.getByRole('heading', { name: '3 actions will be added' })).toBeVisible();
  const preview = page.getByRole('table', { name: 'Actions to import' });
  const row22 = preview.getByRole('row').filter({ hasText: 'Train frontline staff to spot coercive control' });
  for (const text of ['22', 'Domestic Abuse', 'Safeguarding Lead, NELFT', '1 May 2019', '31 Mar 2020', 'At risk', '31 Mar 2020: 65%']) {
    await expect(row22).toContainText(text);
  }
  await expect(preview).not.toContainText('0.65');
  await expect(preview.getByRole('row').filter({ hasText: 'White Ribbon' })).toContainText('Complete');
  await expect(preview.getByRole('row').filter({ hasText: 'White Ribbon' })).toContainText('Domestic Abuse');
  const notes = page.getByRole('table', { name: 'Notes on rows that will be imported' });
  await expect(notes).toContainText('Priority theme taken from the merged cell C5:C7');
  await expect(notes).toContainText('This row is hidden in the spreadsheet');
  await expectAccessible(page, 'the messy tracker preview');
  await expectTouchTargets(page, 'main', 'the import preview');

  await page.getByRole('button', { name: 'Import 3 actions' }).click();
  await expect(page.getByText('3 actions imported from messy-tracker-2019-20.xlsx')).toBeVisible();
  await expect(page.getByText('Showing all 16 actions')).toBeVisible();
  await page.getByRole('link', { name: /Train frontline staff to spot coercive control/ }).click();
  const main = page.getByRole('main');
  for (const text of ['Domestic Abuse', 'Safeguarding Lead, NELFT', '31 March 2020', '65%', 'At risk']) {
    await expect(main).toContainText(text);
  }
  await expectAccessible(page, 'an imported action');
});

/** The rows of a CSV file, with quoted line breaks kept inside their cell. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function downloadActionsCsv(page: Page): Promise<string[][]> {
  await page.goto('/#/spreadsheets');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Actions (.csv)' }).click();
  return csvRows(await readFile((await (await download).path()) as string, 'utf8'));
}

test('the plan exported as a workbook and imported into a new partnership gives the same actions', async ({ page }) => {
  await openDemo(page);
  const before = await downloadActionsCsv(page);
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download workbook (.xlsx)' }).click();
  const xlsx = (await (await workbook).path()) as string;

  await newPartnership(page);
  await page.goto('/#/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles({
    name: 'Luton-Community-Safety-Partnership.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await readFile(xlsx),
  });
  // The workbook has three sheets; the actions are on the first.
  await expect(page.getByLabel('Sheet', { exact: true })).toHaveValue('Actions');
  await expect(page.getByRole('heading', { name: '13 actions will be added' })).toBeVisible();
  // A new partnership has no themes yet: the preview says so rather than guessing.
  await expect(page.getByRole('table', { name: 'Rows imported with something left out' })).toContainText(
    'No theme called “Domestic Abuse”: imported without a theme',
  );
  await expectAccessible(page, 'the preview of an exported workbook');
  await page.getByRole('button', { name: 'Import 13 actions' }).click();
  await expect(page.getByText('13 actions imported from Luton-Community-Safety-Partnership.xlsx')).toBeVisible();

  const after = await downloadActionsCsv(page);
  const withoutTheme = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== 2));
  expect(after.length).toBe(before.length);
  expect(withoutTheme(after)).toEqual(withoutTheme(before));
  expect(after.slice(1).every((r) => r[2] === '')).toBe(true);
});

test('the .ics of a long-titled meeting with several lines of notes passes the RFC 5545 line checks', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/#/calendar/new');
  await expectPage(page, 'Add a meeting or campaign');
  const title =
    'Community Safety Partnership Executive; joint session with the Safeguarding Adults Board, Children’s Partnership and Health and Wellbeing Board – café';
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Date', { exact: true }).fill('2099-04-28');
  await page.getByLabel('Start time (optional)').fill('10:00');
  await page.getByLabel('Where (optional)').fill('Luton Town Hall, Committee Room 1');
  await page.getByLabel('Notes (optional)').fill('Papers by 21 April.\nItem 1: quarterly report; item 2: budget, £5,000.\nBring the DHR action plan');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Added to the calendar')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for Outlook (.ics)' }).click();
  const bytes = await readFile((await (await download).path()) as string);
  // Lines at the byte level: at most 75 octets, CRLF only, each whole UTF-8.
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  expect(start).toBe(bytes.length);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const line of lines) {
    expect(line.length, utf8.decode(line)).toBeLessThanOrEqual(75);
    expect(line.includes(0x0a) || line.includes(0x0d)).toBe(false);
    const text = utf8.decode(line);
    expect(/(^|[^\\])(\\\\)*\\$/.test(text), `a fold inside an escape: ${text}`).toBe(false);
  }
  expect(title.length).toBeGreaterThan(142);
  const unfolded = bytes.toString('utf8').replace(/\r\n /g, '');
  const escaped = title.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
  expect(unfolded).toContain(`SUMMARY:${escaped}\r\n`);
  expect(unfolded).toContain(
    'DESCRIPTION:Meeting\\n\\nPapers by 21 April.\\nItem 1: quarterly report\\; item 2: budget\\, £5\\,000.\\nBring the DHR action plan\r\n',
  );
});
