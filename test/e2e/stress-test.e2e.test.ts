import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedApp } from './browser.js';
import { checkView, protocolClient, SIZES } from './views.js';

// A programme owner stress-tests a scenario from the app: a run with many drills is cancelled
// from its progress bar, a smaller one runs to the end on the server's worker threads, and its
// breach table is read. The view is then checked with axe in both themes and photographed; then a
// what-if is set beside the run before it, and the two reports are saved under two names; the
// second is opened again from its file and saved as HTML, on US Letter.

const app = servedApp();

describe('the stress test in the browser', () => {
  it('runs a stress test, cancels one, and reads the breach table', async () => {
    const context = await app.browser.newContext({ viewport: SIZES[0], bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });

    await page.goto(app.served.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stress test' }).click();
    await page.getByRole('heading', { name: 'Stress test', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('public-test-bucket');
    await page.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }).waitFor();
    // The blanks show what they stand for, as the host works it out (simulate.defaults).
    await expect.poll(() => page.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }).getAttribute('placeholder'), { timeout: 30_000 }).toBe('default: 2');
    expect(await page.getByRole('spinbutton', { name: 'On call after, minutes: Cloud Security Analyst' }).getAttribute('placeholder')).toBe('default: 0');

    // A long run, cancelled once it shows progress.
    await page.getByRole('spinbutton', { name: 'Drills' }).fill('100000');
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    const bar = page.getByRole('progressbar', { name: 'Simulating drills' });
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value') ?? 0) > 0, undefined, { timeout: 60_000 });

    // A look at another view does not stop it: back, the bar is in sight and still counting.
    const before = Number(await bar.getAttribute('value'));
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Stress test', level: 1 }).waitFor({ state: 'detached' });
    await nav.getByRole('link', { name: 'Stress test' }).click();
    await bar.waitFor();
    await page.waitForFunction((was) => Number(document.querySelector('progress')?.getAttribute('value') ?? 0) > was, before, { timeout: 60_000 });
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(SIZES[0]!.height);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('The stress test was cancelled.').waitFor();
    expect(await bar.count()).toBe(0);

    // A run to the end, with one more analyst.
    await page.getByRole('spinbutton', { name: 'Drills' }).fill('300');
    await page.getByRole('spinbutton', { name: 'People: Cloud Security Analyst' }).fill('2');
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    const table = page.getByRole('table', { name: 'Chance of missing each deadline' });
    await table.waitFor({ timeout: 60_000 });
    const rows = await table.getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    expect(rows.length).toBeGreaterThan(0);
    for (const [deadline, missed] of rows) {
      expect(deadline).not.toBe('');
      expect(missed).toMatch(/^\d+(\.\d)?%$/);
    }
    await page.getByRole('heading', { name: /^300 drills of Left open overnight/ }).waitFor();
    await page.locator('.report-chart svg').first().waitFor();

    await checkView(page, 'stress-test', { fullPage: true });

    // The largest scenario, then a what-if against it: the comparison's figures (hours and minutes
    // there) each on one line, and the two reports, of the same scenario, drills and seed, saved
    // under two names.
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('ransomware-production-db');
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    await page.getByRole('heading', { name: /^300 drills of Midnight lockout/ }).waitFor({ timeout: 60_000 });
    const saveJson = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Save the report' }).getByRole('button', { name: 'JSON' }).click()]);
      return download.suggestedFilename();
    };
    const firstName = await saveJson();
    await page.getByRole('combobox', { name: 'What if' }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Run the stress test' }).click();
    const comparison = page.getByRole('table', { name: /^Compared with the previous run/ });
    await comparison.waitFor({ timeout: 60_000 });
    const broken = await comparison.locator('td').evaluateAll((cells) => cells.filter((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
    }).map((cell) => cell.textContent));
    expect(broken).toEqual([]);
    const secondName = await saveJson();
    expect(firstName).toMatch(/^firedrill-stress-test-ransomware-production-db-cloud-security-analyst-2-people-[0-9a-f]{8}-300-runs-seed-1\.json$/);
    expect(secondName).not.toBe(firstName);

    // The saved JSON opened again in its place, marked as the file's; saved from there as HTML:
    // one file with its charts drawn in, that fetches nothing.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Save the report' }).getByRole('button', { name: 'JSON' }).click()]);
    const kept = join(app.served.dataDir, 'kept-report.json');
    await json.saveAs(kept);
    await page.getByLabel('Open a saved report…').setInputFiles(kept);
    const opened = page.getByRole('region', { name: /^Saved report: 300 drills of Midnight lockout/ });
    await opened.waitFor();
    expect(await opened.getByText('Opened from the file kept-report.json').count()).toBe(1);
    expect(await page.getByRole('table', { name: /^Compared with the previous run/ }).count()).toBe(0);
    await opened.locator('.report-chart svg').first().waitFor();
    // On US Letter, as the debrief's exports may be: the host lays the page out for it.
    await opened.getByRole('group', { name: 'Paper size (HTML)' }).getByRole('radio', { name: 'US Letter' }).check();
    const [html] = await Promise.all([page.waitForEvent('download'), opened.getByRole('group', { name: 'Save the report' }).getByRole('button', { name: 'HTML' }).click()]);
    expect(html.suggestedFilename()).toBe('kept-report.html');
    const saved = readFileSync((await html.path())!, 'utf8');
    expect(saved.match(/<svg/g)!.length).toBeGreaterThanOrEqual(5);
    expect(saved).not.toMatch(/<script|\b(src|href)="https?:/);
    expect(saved).toContain('@page { size: letter;');
    await checkView(page, 'stress-test-opened');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('labels a drill in the history, leaves it out of the figures, and shows the coverage map', async () => {
    // Three ended drills, made over the protocol as another console would.
    const other = protocolClient(app.served);
    try {
      for (let i = 0; i < 3; i++) {
        const { sessionId } = await other.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo' });
        await other.send('session.end', { sessionId });
      }
    } finally {
      other.close();
    }
    const context = await app.browser.newContext({ viewport: SIZES[0], bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });

    await page.goto(`${app.served.url}#/history`);
    const form = page.getByRole('region', { name: 'Label or leave out a drill' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Label' }).fill('Test run');
    await form.getByRole('checkbox', { name: 'Leave out of the figures' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/is left out of the figures/).waitFor();
    await form.getByRole('heading', { name: 'Left out of the figures (1)' }).waitFor();
    const drills = page.getByRole('listitem', { name: 'Drills' });
    expect(await drills.textContent()).toContain('2');
    await checkView(page, 'history', { fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('table', { name: /^ATT&CK techniques by tactic/ }).waitFor();
    await checkView(page, 'coverage', { fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
