// Printing a page as Chromium's "Save as PDF" does, and reading the PDF
// back with poppler-utils (pdfinfo, pdftotext; scripts/setup.sh installs
// them), so journeys can check what lands on paper.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

export type Printed = {
  /** Number of pages. */
  pages: number;
  /** Whether each page is wider than it is tall. */
  landscape: boolean[];
  /** The text of each page, as pdftotext reads it. */
  pageTexts: string[];
  /** All the text, with ligatures undone, runs of white space as one space, and no break after a hyphen. */
  text: string;
};

/** Prints the page to PDF with the page's own @page sizes and backgrounds on, and reads it back. */
export async function printToPdf(page: Page, name: string): Promise<Printed> {
  const file = test.info().outputPath(`${name}.pdf`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await writeFile(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(pages, `pages in ${name}`).toBeGreaterThan(0);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  const landscape = [...sizes.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => Number(m[1]) > Number(m[2]));
  const pageTexts: string[] = [];
  for (let n = 1; n <= pages; n++) {
    pageTexts.push(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' }).normalize('NFKC'));
  }
  // Raw order keeps each table cell's words together, and keeps the hyphen
  // where a line broke after one (the default mode drops it).
  const text = flatten(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).normalize('NFKC'));
  test.info().annotations.push({ type: 'printed pages', description: `${name}: ${pages}` });
  console.log(`printed ${name}: ${pages} page(s)${landscape.every(Boolean) ? ', landscape' : ''}`);
  return { pages, landscape, pageTexts, text };
}

/** Words of controls that must never reach paper. */
export const CONTROL_LABELS = [
  /\bDelete\b/,
  /\bEdit\b/,
  /\bDownload\b/,
  /Print or save as PDF/,
  /Change the cover details/,
  /Add the cover details/,
  /Write (recommendations|the commentary|setting the scene|successes|the year ahead)/,
  /Financial year/,
  /Skip to main content/,
  /All reports/,
];

/** Fails if any control's words are in the printed text. */
export function expectNoControls(printed: Printed, what: string): void {
  const found = CONTROL_LABELS.filter((label) => label.test(printed.text)).map(String);
  expect(found, `control labels printed on ${what}`).toEqual([]);
}

/** Fails unless every page carries the running footer: the partnership's name and "Page n of m". */
export function expectRunningFooter(printed: Printed, partnership: string, what: string): void {
  printed.pageTexts.forEach((text, i) => {
    const flat = text.replace(/\s+/g, ' ');
    expect(flat, `footer on page ${i + 1} of ${what}`).toContain(`Page ${i + 1} of ${printed.pages}`);
    expect(flat, `partnership on page ${i + 1} of ${what}`).toContain(partnership);
  });
}

/** White space as single spaces, and none after a hyphen (where lines break). */
export function flatten(text: string): string {
  return text.replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim();
}

/** How many times `needle` occurs in printed text, white space normalised as {@link flatten} does. */
export function occurrences(printed: string, needle: string): number {
  return printed.split(flatten(needle)).length - 1;
}

/** Fails if any page ends with one of `headings`, cut off from what follows it. */
export function expectNoHeadingAtFoot(printed: Printed, headings: string[], what: string): void {
  printed.pageTexts.forEach((text, i) => {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/Page \d+ of \d+/.test(l));
    const last = lines[lines.length - 1] ?? '';
    expect(headings.includes(last), `page ${i + 1} of ${what} ends with the heading "${last}"`).toBe(false);
  });
}
