import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { servedApp } from './browser.js';
import { protocolClient, seriousViolations, SHOTS, SIZES } from './views.js';

// The room's screen (the projector page) during a drill that has gone on a while: many injects,
// a decision open, deadlines counting. A projector cannot be scrolled by the room, so at every
// screen size the page must not scroll and the clock, the severity, the decision, the deadlines
// and the latest inject must all be on screen.

const app = servedApp();

/** How far the page scrolls, and which of its key parts are not wholly on screen. */
function fit(page: Page) {
  return page.evaluate(() => {
    const offScreen = (selector: string) => [...document.querySelectorAll(selector)].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height === 0 || box.top < 0 || box.bottom > window.innerHeight + 1 || box.left < 0 || box.right > window.innerWidth + 1;
    }).length;
    const shown = document.querySelectorAll('.projector-view .feed-list > li:not(.projector-cut)').length;
    const earlier = Number(/^and (\d+) earlier injects?$/.exec(document.querySelector('.projector-earlier')?.textContent ?? 'and 0 earlier injects')?.[1]);
    return {
      overflow: document.scrollingElement!.scrollHeight - window.innerHeight,
      // Every inject is either shown, wholly on screen, or counted below them.
      injects: { all: shown + earlier, shownOffScreen: offScreen('.projector-view .feed-list > li:not(.projector-cut)') },
      hidden: {
        clock: offScreen('.projector-sim-time'),
        facts: offScreen('.projector-facts > div'),
        decision: offScreen('.projector-decision h3') + offScreen('.projector-decision li'),
        deadlines: offScreen('.projector-deadlines li'),
        latest: offScreen('.projector-view .feed-list > li:first-child h3'),
      },
    };
  });
}

describe('the projector page', () => {
  it('fits 1024x640, 1280x720 and 1920x1080 with no page scrolling, the clock, facts, decision, deadlines and latest inject on screen', async () => {
    const client = protocolClient(app.served);
    try {
      const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1, participants: {} });
      await client.send('session.open', { sessionId });
      await client.send('clock.pause', { sessionId });
      const { token } = await client.send('projector.token', { sessionId });
      const context = await app.browser.newContext({ viewport: SIZES[0], bypassCSP: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const address = new URL(app.served.url);
      address.searchParams.set('token', token);
      address.searchParams.set('view', 'projector');
      address.searchParams.set('session', sessionId);
      await page.goto(address.href);
      mkdirSync(SHOTS, { recursive: true });

      // At the start: the first inject, nothing to decide, no deadline yet: the feed has the width.
      await page.locator('.projector-view .feed-list > li').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/projector-start-light-1024x640.png` });
      expect(await fit(page)).toMatchObject({ overflow: expect.toSatisfy((px: number) => px <= 0), injects: { all: 1, shownOffScreen: 0 }, hidden: { clock: 0, facts: 0, latest: 0 } });
      expect(await page.locator('.projector-side').count()).toBe(0);

      // Detected, declared: the severity's duties get their deadlines.
      await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'triage-guardduty-finding' } });
      await client.send('session.input', { sessionId, actor: 'incident-commander', input: { type: 'severity.declared', level: 2 } });
      for (const action of ['query-cloudtrail-activity', 'identify-affected-personal-data', 'export-storage-access-logs']) {
        await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action } });
      }
      // The analyst's findings fire their injects; then jump from event to event until the drill has a decision open and several injects fired.
      let view = (await client.send('session.open', { sessionId })).view;
      const fired = () => view.injects.filter((inject) => inject.status === 'fired').length;
      for (let jumps = 0; jumps < 20 && !(view.openDecisions.length > 0 && fired() >= 6); jumps++) {
        await client.send('clock.jump', { sessionId });
        view = (await client.send('session.open', { sessionId })).view;
      }
      expect(fired()).toBeGreaterThanOrEqual(6);
      expect(view.openDecisions.length).toBeGreaterThan(0);
      expect(view.deadlines.length).toBeGreaterThanOrEqual(2);
      // The page follows the drill (audience.update): the decision, the deadlines, the new injects.
      await page.getByRole('region', { name: 'Decisions for the team' }).waitFor();
      await page.getByRole('region', { name: 'Deadlines' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.querySelectorAll('.projector-view .feed-list > li').length)).toBe(fired());
      const fits: Record<string, Awaited<ReturnType<typeof fit>>> = {};
      const problems: string[] = [];
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((wanted) => void (document.documentElement.dataset.theme = wanted), theme);
        await page.setViewportSize(SIZES[0]!);
        // The cut injects are unseen and hidden from screen readers too, their artifacts unfocusable.
        problems.push(...(await seriousViolations(page)).map((problem) => `${theme}: ${problem}`));
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.screenshot({ path: `${SHOTS}/projector-drill-${theme}-${size.width}x${size.height}.png` });
          if (theme === 'light') fits[`${size.width}x${size.height}`] = await fit(page);
        }
      }
      const none = { overflow: expect.toSatisfy((px: number) => px <= 0), injects: { all: fired(), shownOffScreen: 0 }, hidden: { clock: 0, facts: 0, decision: 0, deadlines: 0, latest: 0 } };
      expect(fits).toEqual({ '1024x640': none, '1280x720': none, '1920x1080': none });
      expect(problems).toEqual([]);

      // At 1h30m the researcher's e-mail opens a second decision while the first is still open.
      for (let jumps = 0; jumps < 5 && view.openDecisions.length < 2; jumps++) {
        await client.send('clock.jump', { sessionId });
        view = (await client.send('session.open', { sessionId })).view;
      }
      expect(view.openDecisions).toHaveLength(2);
      await page.evaluate(() => void (document.documentElement.dataset.theme = 'light'));
      await expect.poll(() => page.locator('.projector-decision').count()).toBe(2);
      // The one that closes first (the clean-up, 15 min left) on top with its options; the other's options are counted.
      const decisions = page.getByRole('region', { name: 'Decisions for the team' }).getByRole('article');
      expect(await decisions.first().getByRole('listitem').count()).toBe(3);
      expect(await decisions.nth(0).getAttribute('aria-label')).toMatch(/^The development manager asks IT Operations/);
      expect(await decisions.nth(1).textContent()).toMatch(/\d+ options, shown when the one above closes$/);
      const two: Record<string, Awaited<ReturnType<typeof fit>>> = {};
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `${SHOTS}/projector-two-decisions-light-${size.width}x${size.height}.png` });
        two[`${size.width}x${size.height}`] = await fit(page);
      }
      const both = { overflow: expect.toSatisfy((px: number) => px <= 0), injects: { all: fired(), shownOffScreen: 0 }, hidden: { clock: 0, facts: 0, decision: 0, deadlines: 0, latest: 0 } };
      expect(two).toEqual({ '1024x640': both, '1280x720': both, '1920x1080': both });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      client.close();
    }
  });
});
