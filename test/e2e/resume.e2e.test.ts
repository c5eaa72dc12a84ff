import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { servedApp } from './browser.js';
import { checkView, protocolClient, showTab, SIZES } from './views.js';

// A facilitator closes the tab in the middle of a drill and comes back: Sessions -> Resume must
// bring back everything (the inject the action fired, the observation, severity, phase) with the
// clock where it was: the server paused the session when its last page went, so nothing moved
// while nobody watched, and Resume goes on from there. Then the Sessions and
// History views are checked with axe in both themes and photographed, the archive question too.
const SPEED = 600;
const OBSERVATION = 'The analyst pulled the CloudTrail history before touching the bucket.';

const app = servedApp();

/** T+hh:mm:ss as milliseconds. */
function simMs(text: string | null): number {
  const match = /^T\+(\d\d):(\d\d):(\d\d)$/.exec(text ?? '');
  if (!match) throw new Error(`not a simulated time: ${text}`);
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

/** What the console shows that a resume must bring back. */
async function consoleState(page: Page) {
  const fact = (term: string) => page.locator('.status-facts dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]').textContent();
  await showTab(page, 'Inject feed');
  const feed = await page.getByRole('region', { name: 'Inject feed' }).getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label') ?? a.textContent?.slice(0, 80)));
  await showTab(page, 'Observations');
  const observations = await page.getByRole('region', { name: /^Observations noted/ }).textContent();
  return { phase: await fact('Phase'), severity: await fact('Declared severity'), feed, observations };
}

async function newPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return page;
}

describe('resuming a drill after the page was closed', () => {
  it('brings back the feed, the observation, severity and phase, with the clock paused where it was', async () => {
    // The page's own CSP stays on for the app; bypassCSP only lets the test inject axe-core.
    const context = await app.browser.newContext({ viewport: SIZES[0], bypassCSP: true });
    const pageErrors: string[] = [];
    const first = await newPage(context, pageErrors);

    await first.goto(app.served.url);
    await first.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await first.getByRole('searchbox', { name: 'Search' }).fill('bucket');
    await first.getByRole('button', { name: /Set up Left open overnight/ }).click();
    await first.getByRole('heading', { name: /Set up: Left open overnight/ }).waitFor();
    await first.getByRole('combobox', { name: 'Clock speed' }).selectOption(String(SPEED));
    await first.getByRole('button', { name: 'Start the session' }).click();
    await first.waitForURL(/#\/session\/./);
    await first.getByRole('heading', { name: /^Left open overnight/, level: 1 }).waitFor();
    const sessionId = decodeURIComponent(new URL(first.url()).hash.replace('#/session/', ''));

    await first.getByRole('combobox', { name: 'Acting as' }).selectOption('cloud-security-analyst');
    await showTab(first, 'Actions');
    await first.getByRole('button', { name: "Take action: Query CloudTrail for the principal's activity" }).click();
    // The action's effect in this scenario: the CloudTrail inject fires for the analyst.
    await first.getByRole('article', { name: /CloudTrail: who opened the bucket/ }).waitFor();
    await showTab(first, 'Severity');
    await first.getByRole('combobox', { name: 'Level' }).selectOption('4');
    await first.getByRole('button', { name: 'Declare severity' }).click();
    await first.getByText(/^Sev 4 · Low, at T\+/).first().waitFor();
    await showTab(first, 'Observations');
    await first.getByRole('textbox', { name: 'Note' }).fill(OBSERVATION);
    await first.getByRole('button', { name: 'Note observation' }).click();
    await first.getByRole('region', { name: /^Observations noted/ }).getByText(OBSERVATION).waitFor();
    await expect.poll(async () => simMs(await first.getByRole('status', { name: 'Simulated time' }).textContent())).toBeGreaterThan(0);

    const before = await consoleState(first);
    const journalLines = readFileSync(join(app.served.dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8').trim().split('\n').length;
    const shownBefore = simMs(await first.getByRole('status', { name: 'Simulated time' }).textContent());
    const closedAt = Date.now();
    await first.close();
    // The server pauses a session once its last page has gone, and journals it.
    const journaledPauses = () => readFileSync(join(app.served.dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8').trim().split('\n')
      .filter((line) => (JSON.parse(line) as { type: string }).type === 'clock.paused').length;
    await expect.poll(journaledPauses).toBe(1);

    // A new tab at the address the server printed (the token is in its query), then Sessions.
    const page = await newPage(context, pageErrors);
    await page.goto(app.served.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(sessionId) });
    await row.waitFor();
    // Its clock is paused, and Sessions says so (it said Running).
    expect(await row.locator('.session-state').textContent()).toBe('Paused');
    const entries = Number(await row.locator('td.number').last().textContent());
    expect(entries).toBeGreaterThanOrEqual(journalLines);
    await checkView(page, 'sessions', { fullPage: true });

    await row.getByRole('button', { name: /^Resume / }).click();
    await page.waitForURL(new RegExp(`#/session/${sessionId}$`));
    await page.getByRole('heading', { name: /^Left open overnight/, level: 1 }).waitFor();
    await showTab(page, 'Observations');
    await page.getByRole('region', { name: /^Observations noted/ }).getByText(OBSERVATION).waitFor();
    const shownAfter = simMs(await page.getByRole('status', { name: 'Simulated time' }).textContent());
    const away = Date.now() - closedAt;

    const after = await consoleState(page);
    expect(after.phase).toBe(before.phase);
    expect(after.severity).toBe(before.severity);
    expect(after.severity).toMatch(/^Sev 4 · Low, at T\+/);
    // An inject may fire in the moment between reading the console and the page going; none went missing.
    expect(after.feed).toEqual(expect.arrayContaining(before.feed));
    expect(after.feed.some((name) => /CloudTrail: who opened the bucket/.test(name ?? ''))).toBe(true);
    expect(after.observations).toContain(OBSERVATION);
    // The server paused the session once its last page had gone (journaled), so the clock stands
    // at most the moments between reading it and the page going; Resume goes on from there.
    expect(shownAfter).toBeGreaterThanOrEqual(shownBefore);
    expect(shownAfter).toBeLessThanOrEqual(shownBefore + (away + 2000) * SPEED);
    const paused = readFileSync(join(app.served.dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8').trim().split('\n')
      .map((line) => JSON.parse(line) as { type: string; simTime: number }).filter((entry) => entry.type === 'clock.paused');
    expect(paused).toHaveLength(1);
    // The clock shown is the one the pause journaled (to the second shown): nothing ran on since.
    expect(shownAfter).toBe(Math.floor(paused[0]!.simTime / 1000) * 1000);
    await page.getByText('Paused', { exact: true }).waitFor();
    expect(simMs(await page.getByRole('status', { name: 'Simulated time' }).textContent())).toBe(shownAfter);
    // And says why, with a Resume of its own a Tab away.
    const banner = page.locator('.pause-cause');
    expect(await banner.getByRole('paragraph').textContent()).toBe(`Paused when the facilitator’s page closed at ${await page.getByRole('status', { name: 'Simulated time' }).textContent()}. Resume when ready.`);
    await banner.getByRole('button', { name: 'Resume the drill' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => simMs(await page.getByRole('status', { name: 'Simulated time' }).textContent())).toBeGreaterThan(shownAfter);
    await banner.waitFor({ state: 'detached' });

    // End it, and add a second drill of the same scenario over the protocol: the history has a trend.
    await page.getByRole('button', { name: 'End the session' }).click();
    await page.getByRole('alertdialog', { name: 'End the session?' }).getByRole('button', { name: 'End the session' }).click();
    await page.locator('[data-figure="overall"]').waitFor();
    const other = protocolClient(app.served);
    const { sessionId: secondId } = await other.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 600, participants: {} });
    // Triage (10 min) detects and blocking public access (5 min) contains: at 600x, a second or two each.
    const reached = (milestone: 'detected' | 'contained') =>
      expect.poll(async () => (await other.send('session.open', { sessionId: secondId })).view.milestones[milestone] !== undefined, { timeout: 20_000 }).toBe(true);
    await other.send('session.input', { sessionId: secondId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'triage-guardduty-finding' } });
    await reached('detected');
    await other.send('session.input', { sessionId: secondId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'block-s3-public-access' } });
    await reached('contained');
    await other.send('session.end', { sessionId: secondId, reason: 'end of the exercise' });
    other.close();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    const group = page.getByRole('region', { name: /^Left open overnight/ });
    await group.waitFor();
    expect(await group.getByRole('listitem', { name: 'Drills' }).textContent()).toContain('2');
    await group.getByRole('img', { name: /Time to detect, contain and recover across the drills/ }).locator('svg').waitFor();
    await checkView(page, 'history', { fullPage: true });

    // The archive question, named and accessible; confirmed, the drill moves to Archived.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    const second = page.getByRole('row', { name: new RegExp(secondId) });
    await second.waitFor();
    const ask = async () => {
      await second.getByRole('button', { name: /^Archive / }).click();
      await page.getByRole('dialog', { name: 'Archive this session?' }).waitFor();
    };
    await checkView(page, 'sessions-archive-dialog', { open: ask });
    await ask();
    await page.getByRole('dialog').getByRole('button', { name: 'Archive the session' }).click();
    await second.waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: 'Archived' }).check();
    expect(await page.getByRole('row', { name: new RegExp(secondId) }).textContent()).toContain('Archived');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
