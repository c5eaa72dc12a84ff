import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PAUSE_CAUSE_WORDS } from '../../engine/session/journal.js';
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
    // What a pane leaves out is counted ("and 2 more decisions open — see the console").
    const more = (selector: string) => Number(/^and (\d+) more/.exec(document.querySelector(selector)?.textContent ?? 'and 0 more')?.[1]);
    // A line of the decisions or deadlines that their column cuts (the column is not scrolled).
    const side = document.querySelector('.projector-side')?.getBoundingClientRect();
    const lines = [...document.querySelectorAll('.projector-side :is(h3, .projector-decision-for, li, .projector-more)')].filter((line) => !line.closest('.projector-measure'));
    const cut = side ? lines.filter((line) => line.getBoundingClientRect().bottom > side.bottom + 1).map((line) => line.textContent!.slice(0, 40)) : [];
    return {
      overflow: document.scrollingElement!.scrollHeight - window.innerHeight,
      // Every inject is either shown, wholly on screen, or counted below them.
      injects: { all: shown + earlier, shownOffScreen: offScreen('.projector-view .feed-list > li:not(.projector-cut)') },
      decisions: document.querySelectorAll('.projector-decisions .projector-shown > article').length + more('.projector-decisions .projector-shown > .projector-more'),
      deadlines: document.querySelectorAll('.projector-deadlines .projector-shown li').length + more('.projector-deadlines .projector-shown > .projector-more'),
      cut,
      hidden: {
        clock: offScreen('.projector-sim-time'),
        facts: offScreen('.projector-facts > div'),
        decision: offScreen('.projector-shown .projector-decision :is(h3, .projector-decision-for, li)'),
        deadlines: offScreen('.projector-shown li'),
        latest: offScreen('.projector-view .feed-list > li:first-child h3'),
      },
    };
  });
}

/** The projector page of a session, opened with the projector's own token, and the errors it throws. */
async function projectorPage(client: ReturnType<typeof protocolClient>, sessionId: string, options: { fakeClock?: boolean } = {}) {
  const { token } = await client.send('projector.token', { sessionId });
  const context = await app.browser.newContext({ viewport: SIZES[0], bypassCSP: true });
  // The page's own clock, to tick it second by second (it moves the simulated time between the server's pushes).
  if (options.fakeClock) await context.clock.install();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const address = new URL(app.served.url);
  address.searchParams.set('token', token);
  address.searchParams.set('view', 'projector');
  address.searchParams.set('session', sessionId);
  await page.goto(address.href);
  mkdirSync(SHOTS, { recursive: true });
  return { context, page, errors };
}

describe('the projector page', () => {
  it('fits 1024x640, 1280x720 and 1920x1080 with no page scrolling, the clock, facts, decision, deadlines and latest inject on screen', async () => {
    const client = protocolClient(app.served);
    try {
      const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 1, participants: {} });
      await client.send('session.open', { sessionId });
      await client.send('clock.pause', { sessionId });
      const { context, page, errors } = await projectorPage(client, sessionId);

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
      const none = { overflow: expect.toSatisfy((px: number) => px <= 0), injects: { all: fired(), shownOffScreen: 0 }, decisions: view.openDecisions.length, deadlines: view.deadlines.length, cut: [], hidden: { clock: 0, facts: 0, decision: 0, deadlines: 0, latest: 0 } };
      expect(fits).toEqual({ '1024x640': none, '1280x720': none, '1920x1080': none });
      expect(problems).toEqual([]);

      // At 1h30m the researcher's e-mail opens a second decision while the first is still open.
      for (let jumps = 0; jumps < 5 && view.openDecisions.length < 2; jumps++) {
        await client.send('clock.jump', { sessionId });
        view = (await client.send('session.open', { sessionId })).view;
      }
      expect(view.openDecisions).toHaveLength(2);
      await page.evaluate(() => void (document.documentElement.dataset.theme = 'light'));
      await expect.poll(() => page.locator('.projector-shown > .projector-decision').count()).toBe(2);
      const decisions = page.getByRole('region', { name: 'Decisions for the team' }).getByRole('article');
      /** Each decision shown, the one that closes first on top: its question's start and how many options are listed. */
      const shownDecisions = async () => Promise.all((await decisions.all()).map(async (article) => [(await article.getAttribute('aria-label'))!.slice(0, 30), await article.getByRole('listitem').count()]));
      const two: Record<string, Awaited<ReturnType<typeof fit>>> = {};
      const listed: Record<string, unknown> = {};
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.screenshot({ path: `${SHOTS}/projector-two-decisions-light-${size.width}x${size.height}.png` });
        two[`${size.width}x${size.height}`] = await fit(page);
        listed[`${size.width}x${size.height}`] = await shownDecisions();
      }
      const both = { ...none, injects: { all: fired(), shownOffScreen: 0 }, decisions: 2 };
      expect(two).toEqual({ '1024x640': both, '1280x720': both, '1920x1080': both });
      // The clean-up (15 min left) on top with its options; the researcher's (2 h left) below it
      // where there is room, its options counted, else counted itself.
      const [cleanup, researcher] = ['The development manager asks I', 'The researcher asks about a bu'];
      expect(listed).toEqual({ '1024x640': [[cleanup, 3]], '1280x720': [[cleanup, 3]], '1920x1080': [[cleanup, 3], [researcher, 0]] });
      expect(await decisions.nth(1).locator('.projector-decision-for').textContent()).toBe('For Communications Lead · 2 h 00 min left · 4 options on the console');
      await page.setViewportSize(SIZES[0]!);
      expect(await page.locator('.projector-decisions .projector-shown > .projector-more').textContent()).toBe('and 1 more decision open — see the console');

      expect(errors).toEqual([]);
      await context.close();
    } finally {
      client.close();
    }
  });

  it('shows three decisions open at once without cutting a line: the one that closes first with its options, the others shown or counted', async () => {
    const client = protocolClient(app.served);
    try {
      const { sessionId } = await client.send('session.create', { scenarioId: 'pdpo-customer-data-breach', mode: 'facilitated', speed: 1, participants: {} });
      let view = (await client.send('session.open', { sessionId })).view;
      await client.send('clock.pause', { sessionId });
      const { context, page, errors } = await projectorPage(client, sessionId, { fakeClock: true });
      // Detected and declared; then Legal's assessment opens two decisions, the PCPD's reply a third.
      await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'triage-siem-alert' } });
      await client.send('session.input', { sessionId, actor: 'incident-commander', input: { type: 'severity.declared', level: 2 } });
      await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'identify-affected-personal-data' } });
      const done = (action: string) => view.actionsTaken.some((taken) => taken.action === action && taken.status === 'done');
      const taken = (action: string) => view.actionsTaken.some((one) => one.action === action);
      for (let jumps = 0; jumps < 20 && view.openDecisions.length < 3; jumps++) {
        if (done('identify-affected-personal-data') && !taken('assess-pdpo-notification-obligation')) {
          await client.send('session.input', { sessionId, actor: 'legal-compliance-officer', input: { type: 'action.taken', action: 'assess-pdpo-notification-obligation' } });
        } else if (view.openDecisions.length === 2) {
          // The PCPD's reply, released by hand by the facilitator: it puts the team a third question.
          await client.send('session.input', { sessionId, actor: 'facilitator', input: { type: 'inject.released', inject: 'INJ-10' } });
        } else {
          await client.send('clock.jump', { sessionId });
        }
        view = (await client.send('session.open', { sessionId })).view;
      }
      expect(view.openDecisions).toHaveLength(3);
      await expect.poll(() => page.locator('.projector-measure > .projector-decision').count()).toBe(3);
      const closesFirst = [...view.openDecisions].sort((a, b) => a.expiresAt! - b.expiresAt!)[0]!;
      const fits: Record<string, Awaited<ReturnType<typeof fit>>> = {};
      const first: Record<string, unknown> = {};
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((wanted) => void (document.documentElement.dataset.theme = wanted), theme);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.screenshot({ path: `${SHOTS}/projector-three-decisions-${theme}-${size.width}x${size.height}.png` });
          fits[`${theme} ${size.width}x${size.height}`] = await fit(page);
          const top = page.locator('.projector-shown > .projector-decision').first();
          first[`${theme} ${size.width}x${size.height}`] = [await top.getAttribute('aria-label'), await top.getByRole('listitem').count()];
        }
      }
      const injects = view.injects.filter((inject) => inject.status === 'fired').length;
      const all = { overflow: expect.toSatisfy((px: number) => px <= 0), injects: { all: injects, shownOffScreen: 0 }, decisions: 3, deadlines: view.deadlines.length, cut: [], hidden: { clock: 0, facts: 0, decision: 0, deadlines: 0, latest: 0 } };
      expect(fits).toEqual(Object.fromEntries(Object.keys(fits).map((key) => [key, all])));
      expect(first).toEqual(Object.fromEntries(Object.keys(first).map((key) => [key, [closesFirst.prompt, closesFirst.options.length]])));
      await page.setViewportSize(SIZES[0]!);
      expect(await page.locator('.projector-decisions .projector-shown > .projector-more').textContent()).toMatch(/^and [12] more decisions? open — see the console$/);

      // The clock runs, second by second, over the minute at which the first decision's '2 h 00 min
      // left' becomes '1 h 59 min left': the clock and every time left keep their width (nothing
      // beside them shifts, no line wraps and unwraps), and so does what is shown. (Ticked on for
      // long, the page, its clock faked, takes the host's pings as late, stops its clock and asks
      // the host again, which puts it back to the host's time: the seconds before that are compared.)
      await page.clock.pauseAt(Date.now() + 500);
      await client.send('clock.resume', { sessionId });
      await expect.poll(() => page.locator('.projector-state').textContent()).toBe('Running');
      const ticking = () => page.$$eval('.projector-sim-time, .projector-shown .projector-time-left', (times) => times.map((time) => [time.textContent!, Math.round(time.getBoundingClientRect().width)] as const));
      const seen = [await ticking()];
      for (let second = 0; second < 12 && seen.at(-1)![0]![0] === `T+01:45:${String(second).padStart(2, '0')}`; second++) {
        await page.clock.runFor(1_000);
        seen.push(await ticking());
      }
      const ticked = seen.filter((times, second) => times[0]![0] === `T+01:45:${String(second).padStart(2, '0')}`);
      // The host pings every 10 s and waits 5 s more: at least 4 s pass before the page takes it as lost.
      expect(ticked.length).toBeGreaterThanOrEqual(4);
      const column = (index: number) => ticked.map((times) => times[index]!);
      expect(new Set(ticked.map((times) => times.length)).size).toBe(1);
      for (let index = 0; index < ticked[0]!.length; index++) expect(new Set(column(index).map(([, width]) => width)), column(index).map(([text]) => text).join(', ')).toHaveProperty('size', 1);
      // Its clock flowing again, the page is connected again.
      await page.clock.resume();
      await client.send('session.end', { sessionId });
      await expect.poll(() => page.locator('.projector-state').textContent()).toBe('Ended');
      await page.screenshot({ path: `${SHOTS}/projector-three-decisions-ended-dark-1024x640.png` });
      // Ended, nothing is left open: no decision or deadline still counting down.
      expect(await page.locator('.projector-side').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      client.close();
    }
  });

  it('tells the room plainly when the drill runs, is paused (and why) and has ended (and how)', async () => {
    const client = protocolClient(app.served);
    try {
      // The longest title of the bundled scenarios: read whole at every size, not cut with an ellipsis.
      const { sessionId } = await client.send('session.create', { scenarioId: 'apt-cross-region-exfiltration', mode: 'facilitated', speed: 1, participants: {} });
      await client.send('session.open', { sessionId });
      const { context, page, errors } = await projectorPage(client, sessionId);
      await page.locator('.projector-view .feed-list > li').first().waitFor();
      const state = page.locator('.projector-state');
      /** At each size and theme: the state's words, the clock band's height, the page's overflow. */
      const look = async (name: string) => {
        const seen: Record<string, unknown> = {};
        for (const theme of ['light', 'dark'] as const) {
          await page.evaluate((wanted) => void (document.documentElement.dataset.theme = wanted), theme);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            await page.screenshot({ path: `${SHOTS}/projector-${name}-${theme}-${size.width}x${size.height}.png` });
            const band = await page.locator('.projector-status').boundingBox();
            const title = await page.locator('h1').evaluate((h1) => h1.scrollWidth <= h1.clientWidth && h1.scrollHeight <= h1.clientHeight);
            seen[`${theme} ${size.width}x${size.height}`] = { state: await state.textContent(), band: band!.height, overflow: (await fit(page)).overflow, title };
          }
          problems.push(...(await seriousViolations(page)).map((problem) => `${name} ${theme}: ${problem}`));
        }
        return seen;
      };
      const problems: string[] = [];
      const running = await look('running');
      await client.send('clock.pause', { sessionId });
      await expect.poll(() => state.textContent()).toBe('Paused');
      // Why, beside the badge, in one status: the room knows the facilitator stopped it (to discuss), the drill has not broken.
      expect(await page.getByRole('status').filter({ hasText: 'Paused' }).textContent()).toBe('Paused by the facilitator');
      const paused = await look('paused');
      // The longest cause the host gives (the computer slept) holds on that line too, within the clock's width: the band keeps its height at every size.
      const cause = page.locator('.projector-state-cause');
      const byFacilitator = await cause.evaluate((line, words) => {
        const before = line.textContent;
        line.textContent = words;
        return before;
      }, PAUSE_CAUSE_WORDS['machine-asleep']);
      const longest = await look('paused-host-cause');
      const causeFits: boolean[] = [];
      for (const size of SIZES) {
        await page.setViewportSize(size);
        causeFits.push(await cause.evaluate((line) => line.scrollWidth <= line.clientWidth));
      }
      expect(causeFits).toEqual([true, true, true]);
      await cause.evaluate((line, words) => void (line.textContent = words), byFacilitator);
      await client.send('session.end', { sessionId });
      await expect.poll(() => state.textContent()).toBe('Ended');
      const ended = await look('ended');
      // The state in a solid badge that keeps the band's height: the panes below do not jump.
      const as = (words: string) => Object.fromEntries(Object.entries(running).map(([key, seen]) => [key, { ...(seen as object), state: words, overflow: expect.toSatisfy((px: number) => px <= 0), title: true }]));
      expect(Object.values(running).map((seen) => (seen as { title: boolean }).title)).toEqual([true, true, true, true, true, true]);
      expect(paused).toEqual(as('Paused'));
      expect(longest).toEqual(as('Paused'));
      expect(ended).toEqual(as('Ended'));
      expect(await page.getByRole('status').filter({ hasText: 'Ended' }).count()).toBe(1);
      // Why, beside the badge as for a pause, on the cause's line: the band kept its height above.
      expect(await page.getByRole('status').filter({ hasText: 'Ended' }).textContent()).toBe('Ended by the facilitator');
      expect(await state.evaluate((badge) => getComputedStyle(badge).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      client.close();
    }
  });
});
