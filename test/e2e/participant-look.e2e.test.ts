import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { lanHarness, type Harness } from './lan-harness.js';
import { seriousViolations, SHOTS } from './views.js';

// How a participant's pages look on a phone (360x740) and a laptop (1280x720), in the device's
// light and dark themes: the join screen, the role step and the participant's screen, each
// photographed and checked by axe-core. A stand-in host answers (lan-harness.ts).

const SIZES = [{ width: 360, height: 740 }, { width: 1280, height: 720 }] as const;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await lanHarness();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function look(page: Page, name: string, theme: string, size: { width: number; height: number }, problems: string[]) {
  problems.push(...(await seriousViolations(page)).map((problem) => `${name} ${theme} ${size.width}: ${problem}`));
  await page.screenshot({ path: `${SHOTS}/${name}-${theme}-${size.width}x${size.height}.png` });
}

describe("a participant's pages", () => {
  it('fit a phone and a laptop in both themes, with no serious accessibility problem', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: size, colorScheme: theme, isMobile: size.width < 500, hasTouch: size.width < 500 });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${harness.origin}/#/join`);
        await page.getByRole('heading', { name: 'Join the exercise' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await page.getByRole('textbox', { name: 'Join code' }).fill('K7Q 2MX');
        await page.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper');
        await look(page, 'join', theme, size, problems);
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByRole('heading', { name: 'Pick your role' }).waitFor();
        await look(page, 'join-role', theme, size, problems);
        await page.getByRole('radio', { name: /^Cloud Security Analyst/ }).check();
        await page.getByRole('button', { name: 'Join as Cloud Security Analyst' }).click();
        await page.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 }).waitFor();
        // Nothing wider than the screen: no sideways scrolling on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        await look(page, 'participant', theme, size, problems);
        if (size.width < 500) {
          await page.getByRole('tab', { name: /^Inbox/ }).click();
          await page.locator('.inbox-message > summary').first().click();
          await look(page, 'participant-inbox', theme, size, problems);
          await page.getByRole('tab', { name: 'Bridge' }).click();
          await look(page, 'participant-bridge', theme, size, problems);
          await page.getByRole('tab', { name: 'Drafts' }).click();
          await look(page, 'participant-drafts', theme, size, problems);
          await page.getByRole('tab', { name: 'Actions' }).click();
          await look(page, 'participant-actions', theme, size, problems);
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  });

  it("fits an evaluator's page on a phone: the form, then what happened, in one column", async () => {
    const size = { width: 390, height: 844 };
    const context = await browser.newContext({ viewport: size, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${harness.origin}/#/join/K7Q2MX`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Hedy Lamarr');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('radio', { name: /^Evaluator/ }).check();
    await page.getByRole('button', { name: /^Join as Evaluator/ }).click();
    await page.getByRole('heading', { name: 'Evaluator', level: 1 }).waitFor();
    // No sideways scrolling, and the inbox below the form at the full width (it was a second column cut off).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    const form = (await page.getByRole('heading', { name: 'Evaluation' }).boundingBox())!;
    const inbox = (await page.getByRole('heading', { name: /^Inbox/ }).boundingBox())!;
    expect(inbox.x).toBeLessThan(size.width / 4);
    // Below the whole form, not over it: the last objective's Rate button ends above the inbox.
    const lastRate = (await page.getByRole('button', { name: 'Rate' }).last().boundingBox())!;
    expect(inbox.y).toBeGreaterThan(Math.max(form.y, lastRate.y + lastRate.height));
    await page.screenshot({ path: `${SHOTS}/evaluator-${size.width}x${size.height}.png`, fullPage: true });
    await context.close();
  });

  it('says it is reconnecting as soon as the device goes offline, and takes its place again when back', async () => {
    const context = await browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    await page.goto(`${harness.origin}/#/join/K7Q2MX`);
    expect(await page.getByRole('textbox', { name: 'Join code' }).inputValue()).toBe('K7Q2MX');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Join as Cloud Security Analyst' }).click();
    await page.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 }).waitFor();
    const banner = page.getByText(/Reconnecting to the facilitator's Firedrill/);
    await context.setOffline(true);
    await banner.waitFor();
    // What was on screen stays while the connection is away.
    expect(await page.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 }).isVisible()).toBe(true);
    await context.setOffline(false);
    await banner.waitFor({ state: 'detached' });
    // A reload resumes the kept seat without the code.
    await page.reload();
    await page.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 }).waitFor();
    await context.close();
  });
});
