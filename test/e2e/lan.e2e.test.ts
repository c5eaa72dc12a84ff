import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { servedApp } from './browser.js';
import { checkView, protocolClient, seriousViolations, SHOTS, showTab } from './views.js';

// A LAN session in Chromium: the facilitator turns LAN mode on (listening on every interface);
// three participants on laptops and one on a phone join with the code, each in a role of their
// own, from separate browser contexts; they act, answer their decisions, chat and send a draft;
// an evaluator, let in from the lobby, rates an objective; the projector shows a pending
// decision; one laptop goes offline and comes back with nothing lost; the debrief attributes
// every action to the participant by name, and `firedrill replay` of the journal gives the same
// scorecard. Pages reach the LAN listener through 127.0.0.2 only: never the machine's own LAN
// address, which is checked as text.

const app = servedApp();

const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 740 };

interface Entry { seq: number; type: string; actor: string; participant?: string; name?: string; action?: string; decision?: string; text?: string; kind?: string; rating?: string }

/** The scorecard `firedrill replay` rebuilds from the session's journal on disk. */
function replayScorecard(dataDir: string, sessionId: string): Scorecard {
  const result = spawnSync(process.execPath, ['bin/firedrill.js', 'replay', join(dataDir, 'sessions', `${sessionId}.jsonl`), '--format', 'json'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`firedrill replay failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Scorecard;
}

/** A participant's page, joined with the code and their name in a role (or as an evaluator). */
async function joinAs(context: BrowserContext, address: string, code: string, name: string, seat: RegExp, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${name}: ${error.message}`));
  await page.goto(address);
  await page.getByRole('heading', { name: 'Join the exercise' }).waitFor();
  await page.getByRole('textbox', { name: 'Join code' }).fill(code);
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Pick your role' }).waitFor();
  await page.getByRole('radio', { name: seat }).check();
  await page.getByRole('button', { name: /^Join as / }).click();
  return page;
}

/** Takes one of the role's actions, opening its phase's group if it is closed. */
async function take(page: Page, title: string) {
  const button = page.getByRole('button', { name: `Take action: ${title}` });
  if (!(await button.isVisible())) await button.locator('xpath=ancestor::details[1]/summary').click();
  await button.click();
}

describe('a LAN session in the app', () => {
  it('plays a drill with three laptops, a phone, an evaluator and the projector, each seeing their own part', async () => {
    const errors: string[] = [];
    const facilitatorContext = await app.browser.newContext({ viewport: LAPTOP, bypassCSP: true });
    const console_ = await facilitatorContext.newPage();
    console_.on('pageerror', (error) => errors.push(`facilitator: ${error.message}`));

    // The facilitator starts a session, paused: the clock then moves by jumps.
    await console_.goto(app.served.url);
    await console_.getByRole('button', { name: /Set up Left open overnight/ }).click();
    await console_.getByRole('button', { name: 'Start the session' }).click();
    await console_.waitForURL(/#\/session\/./);
    const sessionId = decodeURIComponent(new URL(console_.url()).hash.replace('#/session/', ''));
    await console_.getByRole('button', { name: 'Pause' }).click();
    await console_.getByRole('button', { name: 'Resume' }).waitFor();
    const journal = () => readFileSync(join(app.served.dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Entry);

    // LAN mode on, on every interface: the Join address (this machine's LAN address, read as
    // text only) and the Join code.
    await console_.getByRole('tab', { name: 'Room' }).click();
    await console_.getByRole('combobox', { name: 'Network' }).selectOption('all');
    // Port 0: a free one (helpers and CI run side by side; the default is 4781).
    await console_.getByRole('textbox', { name: 'Port' }).fill('0');
    await console_.getByRole('switch', { name: 'LAN mode: off' }).click();
    await console_.getByRole('switch', { name: 'LAN mode: on' }).waitFor();
    const joinAddress = (await console_.getByRole('status', { name: 'Join address', exact: true }).textContent())!;
    const code = (await console_.getByRole('status', { name: 'Join code', exact: true }).textContent())!;
    expect(joinAddress).toMatch(/^https?:\/\/[^/]+:\d+\/#\/join$/);
    expect(code.replace(' ', '')).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    await console_.getByRole('img', { name: /QR code of the join address/ }).waitFor();
    // Pages go to the LAN listener's port through 127.0.0.2, never to the address printed.
    const lan = new URL(joinAddress);
    const address = `${lan.protocol}//127.0.0.2:${lan.port}/#/join`;

    // Three laptops and a phone, each in a role of their own.
    // (bypassCSP only lets the test inject axe-core; the pages keep their own policy otherwise.)
    const contexts = {
      grace: await app.browser.newContext({ viewport: LAPTOP, bypassCSP: true }),
      alan: await app.browser.newContext({ viewport: LAPTOP }),
      ada: await app.browser.newContext({ viewport: LAPTOP }),
      margaret: await app.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true }),
      hedy: await app.browser.newContext({ viewport: LAPTOP, bypassCSP: true }),
    };
    const grace = await joinAs(contexts.grace, address, code, 'Grace Hopper', /^Cloud Security Analyst/, errors);
    const alan = await joinAs(contexts.alan, address, code, 'Alan Turing', /^IT Operations/, errors);
    const ada = await joinAs(contexts.ada, address, code, 'Ada Lovelace', /^Incident Commander/, errors);
    const margaret = await joinAs(contexts.margaret, address, code, 'Margaret Hamilton', /^Communications Lead/, errors);
    for (const [page, role] of [[grace, 'Cloud Security Analyst'], [alan, 'IT Operations'], [ada, 'Incident Commander'], [margaret, 'Communications Lead']] as const) {
      await page.getByRole('heading', { name: role, level: 1 }).waitFor();
    }
    // The lobby has them, joined.
    const lobby = console_.getByRole('region', { name: 'Room' });
    for (const name of ['Grace Hopper', 'Alan Turing', 'Ada Lovelace', 'Margaret Hamilton']) {
      await lobby.locator('.lobby-list > li').filter({ has: console_.locator('.lobby-name', { hasText: name }) }).filter({ hasText: 'Joined' }).waitFor();
    }

    // An evaluator waits for the facilitator, who lets her in.
    const hedy = await joinAs(contexts.hedy, address, code, 'Hedy Lamarr', /^Evaluator/, errors);
    await hedy.getByRole('heading', { name: 'Waiting for the facilitator' }).waitFor();
    await lobby.getByRole('button', { name: 'Let Hedy Lamarr in' }).waitFor();
    await checkView(console_, 'console-room');
    await lobby.getByRole('button', { name: 'Let Hedy Lamarr in' }).click();
    await hedy.getByRole('heading', { name: 'Evaluator', level: 1 }).waitFor();

    // The analyst reads her inbox and triages; the commander opens the bridge.
    await grace.getByRole('heading', { name: /^Inbox/ }).waitFor();
    await grace.getByRole('tab', { name: 'Actions' }).click();
    await take(grace, 'Triage the GuardDuty finding');
    await grace.getByText(/taken by Grace Hopper at T\+/).waitFor();
    await ada.getByRole('tab', { name: 'Actions' }).click();
    await take(ada, 'Open the incident bridge and war-room channel');
    await ada.getByText(/taken by Ada Lovelace at T\+/).waitFor();

    // The bridge channel: a message from the commander reaches the analyst.
    await ada.getByRole('tab', { name: 'Bridge' }).click();
    await ada.getByRole('textbox', { name: 'Message to the team' }).fill('Bridge is open. Grace, what does the finding say?');
    await ada.getByRole('button', { name: 'Send' }).click();
    await grace.getByRole('tab', { name: 'Bridge' }).click();
    await grace.getByRole('log', { name: 'Bridge messages' }).getByText('Bridge is open. Grace, what does the finding say?').waitFor();

    // Jumps until IT Operations has a decision; the projector shows it pending.
    // On a laptop the decisions have a pane of their own: its tab counts them.
    const decisionFor = (page: Page) => page.getByRole('tab', { name: 'Decisions (1)' });
    for (let jumps = 0; jumps < 12 && !(await decisionFor(alan).isVisible()); jumps++) {
      const before = journal().length;
      await console_.getByRole('button', { name: 'Jump to next event' }).click();
      await expect.poll(() => journal().length).toBeGreaterThan(before);
    }
    await decisionFor(alan).waitFor();
    // The room's screen, opened from the console with its own read-only token.
    const [projector] = await Promise.all([facilitatorContext.waitForEvent('page'), console_.getByRole('button', { name: 'Open the projector view' }).click()]);
    projector.on('pageerror', (error) => errors.push(`projector: ${error.message}`));
    const pending = projector.getByRole('region', { name: 'Decisions for the team' });
    await pending.getByRole('article').first().waitFor();
    expect(await pending.textContent()).toContain('For IT Operations');

    // The analyst's laptop drops off the network while the team goes on, then comes back.
    await contexts.grace.setOffline(true);
    await grace.getByText(/Reconnecting to the facilitator's Firedrill/).waitFor({ timeout: 60_000 });
    await ada.getByRole('textbox', { name: 'Message to the team' }).fill('Alan, keep the logs before anything is deleted.');
    await ada.getByRole('button', { name: 'Send' }).click();
    await decisionFor(alan).click();
    await alan.getByRole('button', { name: /^Refer it to the CIRT; block public access now/ }).click();
    await alan.getByText('No decision is waiting for your role.').waitFor();
    await contexts.grace.setOffline(false);
    await grace.getByText('Alan, keep the logs before anything is deleted.').waitFor({ timeout: 60_000 });
    await expect.poll(() => grace.getByText(/Reconnecting to the facilitator's Firedrill/).count()).toBe(0);
    // Nothing lost: her action is still hers, her messages are all there.
    // (done by now, in a phase the list may have folded away).
    await grace.getByRole('tab', { name: 'Actions' }).click();
    await grace.getByText(/taken by Grace Hopper at T\+/).waitFor({ state: 'attached' });

    // The phone writes the holding statement.
    await margaret.getByRole('tab', { name: 'Drafts' }).click();
    await margaret.getByRole('radio', { name: /Holding statement/ }).check();
    await margaret.getByRole('textbox', { name: 'Holding statement' }).fill('We are aware of a configuration issue on a test system and are investigating.');
    await margaret.getByRole('button', { name: 'Send the holding statement' }).click();
    await margaret.getByRole('article', { name: 'Holding statement by Margaret Hamilton' }).waitFor();
    expect(await margaret.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The evaluator rates an objective, with a reason.
    const objective = hedy.locator('.objective-rating').first();
    await objective.getByRole('radio', { name: /^S:/ }).check();
    await objective.getByRole('textbox', { name: 'Reason' }).fill('Logs kept, but the bucket owner was not told for an hour.');
    await objective.getByRole('button', { name: 'Rate' }).click();
    await objective.getByText(/^Rated S at T\+/).waitFor();

    // The facilitator follows it all in the Team tab.
    await console_.getByRole('tab', { name: /^Team/ }).click();
    await console_.getByRole('article', { name: 'Holding statement by Margaret Hamilton' }).waitFor();
    await console_.getByRole('region', { name: 'Evaluators' }).getByText(/Hedy Lamarr/).waitFor();
    await checkView(console_, 'console-team');

    // No serious accessibility problem on the participant's screens.
    for (const [name, page] of [['laptop', grace], ['phone', margaret], ['evaluator', hedy]] as const) {
      expect(await seriousViolations(page), name).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/lan-${name}.png` });
    }

    // The journal names each person's entries; the facilitator ends; the debrief says who did what.
    const entries = journal();
    const joined = new Map(entries.filter((entry) => entry.type === 'participant.joined').map((entry) => [entry.participant!, entry.name!]));
    const byName = (type: string) => entries.filter((entry) => entry.type === type).map((entry) => joined.get(entry.participant ?? '') ?? entry.actor);
    expect(byName('action.taken')).toEqual(['Grace Hopper', 'Ada Lovelace']);
    expect(byName('decision.answered')).toEqual(['Alan Turing']);
    expect(byName('chat.posted')).toEqual(['Ada Lovelace', 'Ada Lovelace']);
    expect(byName('draft.sent')).toEqual(['Margaret Hamilton']);
    expect(byName('objective.rated')).toEqual(['Hedy Lamarr']);

    await showTab(console_, 'Decisions');
    await console_.getByRole('button', { name: 'End the session' }).click();
    await console_.getByRole('alertdialog', { name: 'End the session?' }).getByRole('button', { name: 'End the session' }).click();
    await console_.locator('[data-figure="overall"]').waitFor();
    const debrief = (await console_.locator('.debrief').textContent())!;
    for (const name of ['Grace Hopper', 'Ada Lovelace', 'Alan Turing', 'Margaret Hamilton', 'Hedy Lamarr']) expect(debrief).toContain(name);
    const card = replayScorecard(app.served.dataDir, sessionId);
    const client = protocolClient(app.served);
    expect(card).toEqual((await client.send('scorecard.get', { sessionId })).scorecard);
    client.close();

    expect(errors).toEqual([]);
    for (const context of [...Object.values(contexts), facilitatorContext]) await context.close();
  }, 300_000);
});
