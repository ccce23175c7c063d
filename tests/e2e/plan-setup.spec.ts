// A real partnership sets up its own plan and priority themes, without the
// demo: the plan's title, period and values, themes with leads chosen from
// its members, their order, and what happens to a theme's work when the
// theme goes.
import { readFileSync, writeFileSync } from 'node:fs';
import * as Automerge from '@automerge/automerge';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, expectTouchTargets, openDemo, setIdentity, visit } from './helpers';

test('a new partnership is set up from nothing to a printed quarterly report with its theme lead shown @tablet', async ({ page }) => {
  await setIdentity(page, 'Community Safety Manager', 'London Borough of Barking and Dagenham');
  await page.goto('/');
  await page.getByRole('link', { name: 'Start a new partnership' }).click();
  await page.getByLabel('Name of the partnership').fill('Barking and Dagenham Community Safety Partnership');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Barking and Dagenham Community Safety Partnership');
  await expect(page.getByText('This plan has no priority themes yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add a priority theme' })).toBeVisible();
  await expectAccessible(page, 'an empty plan');

  // The plan itself.
  await page.getByRole('link', { name: 'Edit the plan' }).click();
  await expectPage(page, 'Edit the plan');
  await expectAccessible(page, 'the plan form');
  await page.getByLabel('Title of the plan').fill('Community Safety Plan 2017 to 2021');
  await page.getByLabel('Period of the plan (optional)').fill('from 2017');
  await page.getByLabel('Year of the action plan (optional)').fill('2017/18');
  await page.getByLabel('Vision and context (optional)').fill('A safer borough where residents feel safe.');
  await page.getByLabel('Values (optional)').fill('Listening to residents\nWorking together');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem.getByRole('link', { name: 'Enter the period of the plan as two years, like 2020 to 2024' })).toBeVisible();
  await expectAccessible(page, 'the plan form with a mistake');
  await page.getByLabel('Period of the plan (optional)').fill('2017–2021');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText('Plan saved')).toBeVisible();
  await expect(page.getByText('Plan period: 2017 to 2021')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Action plan 2017-18' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Working together' })).toBeVisible();

  // Its members, on the structure page, to choose theme leads from.
  await page.getByRole('link', { name: 'Members and sub-groups of the partnership' }).click();
  await expectPage(page, 'Partnership structure');
  for (const [name, sector] of [['Metropolitan Police', 'Police'], ['London Borough of Barking and Dagenham', 'Council']]) {
    await page.getByRole('link', { name: 'Add a member organisation' }).click();
    await page.getByLabel('Name of the organisation').fill(name);
    await page.getByLabel(sector, { exact: true }).check();
    await page.getByRole('button', { name: 'Save member' }).click();
    await expect(page.getByText('Member saved')).toBeVisible();
  }
  await expectAccessible(page, 'the structure page with members');

  // Two themes, their leads chosen from the members.
  await visit(page, '/');
  await page.getByRole('link', { name: 'Add a priority theme' }).click();
  await expectPage(page, 'Add a priority theme');
  await expectAccessible(page, 'the theme form');
  await page.getByLabel('Name of the theme').fill('Violence against women and girls');
  await page.getByLabel("Theme lead's role (optional)").fill('Detective Superintendent, Public Protection');
  await page.getByLabel('Lead organisation (optional)').selectOption({ label: 'Metropolitan Police' });
  await page.getByLabel('What we aim to achieve (optional)').fill('Fewer repeat victims of domestic abuse.');
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expectPage(page, 'Violence against women and girls');
  await expect(page.getByText('Theme added to the plan')).toBeVisible();
  await expect(page.getByText('Detective Superintendent, Public Protection, Metropolitan Police')).toBeVisible();
  await expectAccessible(page, 'a new theme');

  await visit(page, '/themes/new');
  await expectPage(page, 'Add a priority theme');
  await page.getByLabel('Name of the theme').fill('Violence Against Women & Girls');
  await page.getByLabel('Lead organisation (optional)').selectOption({ label: 'Another organisation, not a member' });
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(problem.getByRole('link', { name: 'The plan already has the theme Violence against women and girls – use a different name' })).toBeVisible();
  await expect(problem.getByRole('link', { name: 'Enter the name of the lead organisation' })).toBeVisible();
  await expectAccessible(page, 'the theme form with mistakes');
  await page.getByLabel('Name of the theme').fill('Safer Borough');
  await page.getByLabel("Theme lead's role (optional)").fill('Head of Community Safety');
  await page.getByLabel('Lead organisation (optional)').selectOption({ label: 'London Borough of Barking and Dagenham' });
  await expect(page.getByLabel('Name of the lead organisation')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByText('Theme added to the plan')).toBeVisible();
  await expectSaved(page);

  // Safer Borough comes first in the borough's plan.
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  const themes = page.getByRole('table', { name: 'Priority themes and their actions' });
  await expect(themes.getByRole('rowheader')).toHaveText(['Violence against women and girls', 'Safer Borough']);
  await expect(themes.getByRole('row').filter({ hasText: 'Safer Borough' })).toContainText(
    'Head of Community Safety, London Borough of Barking and Dagenham',
  );
  await expectTouchTargets(page, 'table', 'the themes table');
  await themes.getByRole('button', { name: 'Move up Safer Borough' }).click();
  await expect(themes.getByRole('rowheader')).toHaveText(['Safer Borough', 'Violence against women and girls']);
  await expect(themes.getByRole('button', { name: 'Move down Safer Borough' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Safer Borough moved up: now 1 of 2' })).toBeAttached();
  await expectSaved(page);
  await expectAccessible(page, 'the plan with two themes');
  await page.reload();
  await expect(themes.getByRole('rowheader')).toHaveText(['Safer Borough', 'Violence against women and girls']);

  // An action under a theme, with the form partners already use.
  await visit(page, '/actions/new');
  await expectPage(page, 'Add an action');
  await page.getByLabel('Key action or major project').fill('Set up a multi-agency risk assessment conference');
  await page.getByLabel('Priority theme').selectOption({ label: 'Violence against women and girls' });
  await page.getByLabel('Partnership leads').fill('Detective Superintendent, Public Protection, Metropolitan Police');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action added')).toBeVisible();

  // The theme lead's quarterly report names them.
  await visit(page, '/reports');
  await page.getByRole('link', { name: 'Quarterly theme report' }).click();
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Violence against women and girls' });
  await expect(page.getByRole('heading', { level: 1, name: /^Violence against women and girls: quarterly report/ })).toBeVisible();
  const lead = page.getByRole('definition').filter({ hasText: 'Detective Superintendent, Public Protection, Metropolitan Police' });
  await expect(lead).toBeVisible();
  await expect(page.getByText('Set up a multi-agency risk assessment conference')).toBeVisible();
  await expectAccessible(page, 'the quarterly report');
  await page.emulateMedia({ media: 'print' });
  await expect(lead).toBeVisible();
  await expectAccessible(page, 'the printed quarterly report');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('an assessed issue the plan already has as a theme is linked to it, not made a second theme', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Business Intelligence Analyst', 'Luton Council');
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  const ranking = page.getByRole('table', { name: 'Issues ranked, 2020-21' });
  const abuse = ranking.getByRole('row').filter({ hasText: 'Domestic abuse' });
  await expect(abuse.getByRole('button', { name: 'Make a priority theme' })).toHaveCount(0);
  await expect(ranking.getByRole('button', { name: /^Make a priority theme\s*: Knife crime$/ })).toBeVisible();
  await expectAccessible(page, 'the assessment offering a link');
  await abuse.getByRole('button', { name: /^Link to Domestic Abuse\s*: Domestic abuse$/ }).click();
  await expect(page.getByText('Issue linked to the priority theme the plan already has')).toBeVisible();
  await expect(abuse.getByRole('link', { name: 'Theme: Domestic Abuse' })).toBeVisible();
  await expectSaved(page);

  await visit(page, '/');
  const themes = page.getByRole('table', { name: 'Priority themes and their actions' });
  await expect(themes.getByRole('rowheader').filter({ hasText: /^Domestic/i })).toHaveText(['Domestic Abuse']);
  await expect(themes.getByRole('button', { name: /^Move up/ })).toHaveCount(6);
  await visit(page, '/history');
  await expect(page.getByText('Linked Domestic abuse in the 2020-21 strategic assessment to the theme Domestic Abuse')).toBeVisible();
});

test('a theme with actions is deleted after choosing where its actions and indicator go', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'CSP Manager', 'Luton Council');
  await page.goto('/');
  const themes = page.getByRole('table', { name: 'Priority themes and their actions' });

  // A theme's lead is edited from its row.
  await themes.getByRole('link', { name: 'Edit Extremism' }).click();
  await expectPage(page, 'Edit a priority theme');
  await expect(page.getByLabel('Name of the theme')).toHaveValue('Extremism');
  await expect(page.getByLabel('Lead organisation (optional)')).toHaveValue(/.+/);
  await page.getByLabel("Theme lead's role (optional)").fill('Prevent Manager');
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByText('Theme saved')).toBeVisible();
  await expect(page.getByText('Prevent Manager, Luton Council')).toBeVisible();

  await visit(page, '/');
  await themes.getByRole('link', { name: 'Delete Domestic Abuse' }).click();
  await expectPage(page, 'Delete the theme Domestic Abuse?');
  await expect(page.getByText('It will no longer be a theme of Domestic Abuse Development Forum or MARAC Sub Group.')).toBeVisible();
  await expectAccessible(page, 'the delete theme page');
  await page.getByRole('button', { name: 'Delete theme' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem.getByRole('link', { name: 'Select where its 3 actions and 1 indicator should go' })).toBeVisible();
  await expectAccessible(page, 'the delete theme page with a mistake');
  await page.getByRole('group', { name: 'Where should its 3 actions and 1 indicator go?' }).getByLabel('Violence & Exploitation').check();
  await page.getByRole('button', { name: 'Delete theme' }).click();
  await expect(page.getByText('Theme deleted')).toBeVisible();
  await expect(themes.getByRole('rowheader').filter({ hasText: 'Domestic Abuse' })).toHaveCount(0);
  await expectSaved(page);

  await themes.getByRole('link', { name: 'Violence & Exploitation', exact: true }).click();
  await expectPage(page, 'Violence & Exploitation');
  await expect(page.getByRole('table', { name: 'Actions' })).toContainText('Publish the Domestic Homicide review');
  await visit(page, '/history');
  await expect(
    page.getByText('Deleted the theme Domestic Abuse (3 actions and 1 indicator moved to Violence & Exploitation)'),
  ).toBeVisible();
  await expectAccessible(page, 'the history after deleting a theme');
});

test("a theme lead's role changed by two partners at once is shown on the theme page and settled", async ({ page }, info) => {
  await openDemo(page);
  await setIdentity(page, 'CSP Manager', 'Luton Council');
  // The police's copy, as both partners had it before either change.
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as Automerge document (.automerge)' }).click();
  const before = readFileSync((await (await waiting).path()) as string);

  // The council renames the lead's role in the app…
  await visit(page, '/themes/domestic-abuse/edit');
  await expectPage(page, 'Edit a priority theme');
  await page.getByLabel("Theme lead's role (optional)").fill('Head of Safeguarding');
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByText('Theme saved')).toBeVisible();
  await expectSaved(page);

  // …while the police change it on their copy, as another Automerge client would.
  const police = Automerge.change(
    Automerge.load<any>(new Uint8Array(before)),
    {
      message: 'Edited the theme Domestic Abuse\nauthor: Inspector\norganisation: Bedfordshire Police',
      time: Math.floor(Date.now() / 1000),
    },
    (d) => {
      d.themes['domestic-abuse'].lead_role = new Automerge.ImmutableString('Detective Inspector, Public Protection');
    },
  );
  const file = info.outputPath('police-copy.automerge');
  writeFileSync(file, Automerge.save(police));
  await visit(page, '/share');
  await page.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(file);
  await page.locator('#incoming').getByRole('button', { name: /^Merge \d+ changes?$/ }).click();
  // The merge leads to the dashboard, which names the theme and the field.
  await expectPage(page, 'Dashboard');
  await expectSaved(page);
  const attention = page.getByRole('list', { name: 'Needs attention' });
  await expect(attention).toContainText(/Theme: Domestic Abuse – Theme lead's role changed by (Luton Council and Bedfordshire Police|Bedfordshire Police and Luton Council)/);
  await attention.getByRole('link', { name: 'Theme: Domestic Abuse' }).click();
  await expectPage(page, 'Domestic Abuse');
  const banner = page.getByRole('region', { name: 'Changed by two partners' });
  const choice = banner.getByRole('group', { name: "Theme lead's role" });
  const theirs = choice.getByLabel(/^“Detective Inspector, Public Protection” – from Bedfordshire Police/);
  await expect(theirs).toBeVisible();
  await expect(choice.getByLabel(/^“Head of Safeguarding” – from Luton Council/)).toBeVisible();
  await expectAccessible(page, 'a theme changed by two partners');
  await theirs.check();
  await banner.getByRole('button', { name: "Keep this theme lead's role" }).click();
  await expect(page.getByText('Your choice was saved')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByText('Detective Inspector, Public Protection, Luton Council')).toBeVisible();
  await visit(page, '/history');
  await expect(
    page.getByText("Chose which theme lead's role to keep on the theme Domestic Abuse changed by two partners"),
  ).toBeVisible();
});
