import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Reply } from '../../engine/protocol/index.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { launchChromium, serve, type Served } from './browser.js';

// A facilitator's drill in the built app against `firedrill serve`: library -> set-up -> start at
// 600x -> an action -> severity -> an inject fires -> observation -> end -> the debrief shows the
// score scorecard.get gives. Every view is checked with axe-core in both themes and photographed.
const SHOTS = 'test-results/screenshots';
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core's serious and critical violations on the page as it is (WCAG 2 A and AA rules). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  if ((await toggle.getAttribute('aria-pressed') === 'true') !== (theme === 'dark')) await toggle.click();
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

/** Checks one view with axe in both themes and writes its screenshots at both sizes. */
async function checkView(page: Page, name: string) {
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    problems.push(...(await seriousViolations(page)).map((p) => `${name}, ${theme}: ${p}`));
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/${name}-${theme}-${size.width}x${size.height}.png` });
    }
  }
  await page.setViewportSize(SIZES[0]!);
  await setTheme(page, 'light');
  expect(problems).toEqual([]);
}

function scorecardOverProtocol(sessionId: string): Promise<Scorecard> {
  const url = new URL(served.url);
  const socket = io(url.origin, { auth: { token: url.searchParams.get('token') }, transports: ['websocket'], extraHeaders: { origin: url.origin } });
  return new Promise((resolve, reject) => {
    socket.emit('command', { id: 1, type: 'scorecard.get', params: { sessionId } }, (reply: Reply<'scorecard.get'>) => {
      socket.close();
      if (reply.ok) resolve(reply.result.scorecard);
      else reject(new Error(reply.error.message));
    });
  });
}

describe('a drill in the app', () => {
  it('plays a drill from the library to the debrief, with no serious accessibility problem on any view', async () => {
    // The page's own CSP stays on for the app; bypassCSP only lets the test inject axe-core.
    const context = await browser.newContext({ viewport: SIZES[0], bypassCSP: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
    const offMachine: string[] = [];
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url());
      if (protocol.startsWith('http') && hostname !== '127.0.0.1') offMachine.push(request.url());
    });

    await page.goto(served.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('bucket');
    await checkView(page, 'library');

    await page.getByRole('button', { name: /Set up Left open overnight/ }).click();
    await page.getByRole('heading', { name: /Set up: Left open overnight/ }).waitFor();
    await page.getByRole('textbox', { name: 'Incident Commander' }).fill('Ada Lovelace');
    await page.getByRole('combobox', { name: 'Clock speed' }).selectOption('600');
    await checkView(page, 'setup');
    await page.getByRole('button', { name: 'Start the session' }).click();

    await page.waitForURL(/#\/session\/./);
    await page.getByRole('heading', { name: /^Left open overnight/, level: 1 }).waitFor();
    const sessionId = decodeURIComponent(new URL(page.url()).hash.replace('#/session/', ''));
    expect(sessionId).not.toBe('');
    await expect.poll(() => page.getByRole('status', { name: 'Simulated time' }).textContent()).not.toBe('T+00:00:00');

    await page.getByRole('combobox', { name: 'Acting as' }).selectOption('cloud-security-analyst');
    await page.getByRole('button', { name: "Take action: Query CloudTrail for the principal's activity" }).click();
    // The action's effect in this scenario: the CloudTrail inject fires for the analyst.
    await page.getByRole('article', { name: /CloudTrail: who opened the bucket/ }).waitFor();
    await page.getByRole('combobox', { name: 'Level' }).selectOption('4');
    await page.getByRole('button', { name: 'Declare severity' }).click();
    await page.getByText(/^Sev 4 · Low, at T\+/).waitFor();

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('button', { name: 'Jump to next inject' }).click();
    await page.getByRole('article', { name: /Chat: the development manager wants the bucket gone/ }).waitFor();

    await page.getByRole('textbox', { name: 'Note' }).fill('The analyst kept the access logs before any clean-up.');
    await page.getByRole('button', { name: 'Note observation' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('');
    await checkView(page, 'console');
    // Projector mode: large type and high contrast for the room.
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await checkView(page, 'console-projector');
    await page.getByRole('button', { name: 'Projector mode' }).click();

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/shortcuts-light-1280x720.png` });
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Open the role view' }).click();
    await page.getByRole('heading', { name: /Cloud Security Analyst/, level: 1 }).waitFor();
    await checkView(page, 'role');
    await page.getByRole('link', { name: 'Back to the console' }).click();

    await page.getByRole('button', { name: 'End the session' }).click();
    const overall = page.locator('[data-figure="overall"]');
    await overall.waitFor();
    const card = await scorecardOverProtocol(sessionId);
    expect(await overall.textContent()).toBe(`${card.overallScore} / 100`);
    expect(card.observations.map((o) => o.text)).toContain('The analyst kept the access logs before any clean-up.');
    expect(card.severity.declared).toBe(4);
    await checkView(page, 'debrief');

    expect(offMachine).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
