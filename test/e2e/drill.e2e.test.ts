import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { headlineFigures } from '../../engine/report/figures.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { EXTERNAL_REFERENCE, readPdf } from '../host/export/exports-helpers.js';
import { servedApp } from './browser.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { checkView, protocolClient, seriousViolations, SHOTS, showTab, SIZES } from './views.js';

// A facilitator's whole drill in the built app against `firedrill serve`: library -> set-up with
// a name and three participants -> start at 600x -> actions by several roles (a double click recorded once,
// Space after a click pausing, not taking again) -> severity by its shortcut -> jumps that stop
// where a decision opens -> the decision answered -> an inject released by hand -> an observation
// -> the role view opened in a page of its own -> Sessions lists it by name, Paused -> End, confirmed -> the debrief shows what
// `firedrill replay` of the journal gives -> the AAR with its HSEEP cover fields, PDF and HTML
// exported through the UI -> the history has the drill. Every view is checked with axe-core in
// both themes and photographed at 1024x640, 1280x720 and 1920x1080.

const app = servedApp();

async function scorecardOverProtocol(sessionId: string): Promise<Scorecard> {
  const client = protocolClient(app.served);
  try {
    return (await client.send('scorecard.get', { sessionId })).scorecard;
  } finally {
    client.close();
  }
}

/** The session's view as the server has it now, over a second protocol connection. */
async function protocolView(sessionId: string): Promise<SessionView> {
  const client = protocolClient(app.served);
  try {
    return (await client.send('session.open', { sessionId })).view;
  } finally {
    client.close();
  }
}

/** The scorecard `firedrill replay` rebuilds from the session's journal on disk: the command line, not the app. */
function replayScorecard(sessionId: string): Scorecard {
  const journal = join(app.served.dataDir, 'sessions', `${sessionId}.jsonl`);
  const result = spawnSync(process.execPath, ['bin/firedrill.js', 'replay', journal, '--format', 'json'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`firedrill replay failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Scorecard;
}

/** Clicks an export button and returns the bytes of the file the browser downloaded. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('a drill in the app', () => {
  it('plays a whole drill as a facilitator would, from the library to the exports and the history, with no serious accessibility problem on any view', async () => {
    // The page's own CSP stays on for the app; bypassCSP only lets the test inject axe-core.
    const context = await app.browser.newContext({ viewport: SIZES[0], bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
    const offMachine: string[] = [];
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url());
      if (protocol.startsWith('http') && hostname !== '127.0.0.1') offMachine.push(request.url());
    });

    // Library -> set-up: three named participants, 600x.
    await page.goto(app.served.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('bucket');
    await checkView(page, 'library');

    await page.getByRole('button', { name: /Set up Left open overnight/ }).click();
    await page.getByRole('heading', { name: /Set up: Left open overnight/ }).waitFor();
    await page.getByRole('textbox', { name: 'Session name' }).fill('Harbour drill, blue team');
    await page.getByRole('textbox', { name: 'Incident Commander' }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Cloud Security Analyst' }).fill('Grace Hopper');
    await page.getByRole('textbox', { name: 'IT Operations' }).fill('Alan Turing');
    await page.getByRole('combobox', { name: 'Clock speed' }).selectOption('600');
    await checkView(page, 'setup');
    await page.getByRole('button', { name: 'Start the session' }).click();

    await page.waitForURL(/#\/session\/./);
    await page.getByRole('heading', { name: /^Left open overnight/, level: 1 }).waitFor();
    // The console starts at the top with the focus on its heading (the set-up page was scrolled).
    await expect.poll(() => page.evaluate(() => ({ y: window.scrollY, focus: document.activeElement?.tagName }))).toEqual({ y: 0, focus: 'H1' });
    const sessionId = decodeURIComponent(new URL(page.url()).hash.replace('#/session/', ''));
    expect(sessionId).not.toBe('');
    const journal = () => readFileSync(join(app.served.dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8').trim().split('\n')
      .map((line) => JSON.parse(line) as { type: string; actor: string; action?: string; inject?: string; simTime: number });
    const takes = (action: string) => journal().filter((entry) => entry.type === 'action.taken' && entry.action === action).length;
    const clockState = page.locator('.clock-bar .clock-state');
    await expect.poll(() => page.getByRole('status', { name: 'Simulated time' }).textContent()).not.toBe('T+00:00:00');
    // Paused while the team talks: at 600x a decision's hour would pass in six seconds.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    // From here the clock moves by jumps: at 1x the moments it runs (Space below) move it by seconds.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');

    // Actions by three roles. A double click on Take records the action once.
    const actingAs = page.getByRole('combobox', { name: 'Acting as' });
    await actingAs.selectOption('cloud-security-analyst');
    await showTab(page, 'Actions');
    const triage = page.getByRole('button', { name: 'Take action: Triage the GuardDuty finding' });
    await triage.dblclick();
    await expect.poll(() => triage.isDisabled()).toBe(true);
    // The button is disabled while the take is on its way; once the console says who took it, the journal holds one take.
    await triage.locator('xpath=..').getByText(/^Taken by Cloud Security Analyst at T\+/).waitFor();
    await expect.poll(() => takes('triage-guardduty-finding')).toBe(1);
    expect(takes('triage-guardduty-finding')).toBe(1);
    // Space after a click: the clock resumes, the focused Take is not pressed again; Space again pauses.
    await page.getByRole('button', { name: "Take action: Query CloudTrail for the principal's activity" }).click();
    await expect.poll(() => takes('query-cloudtrail-activity')).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => clockState.textContent()).toBe('Running at 1x');
    await page.keyboard.press('Space');
    await expect.poll(() => clockState.textContent()).toBe('Paused');
    expect(takes('query-cloudtrail-activity')).toBe(1);
    expect(journal().filter((entry) => entry.type === 'clock.resumed' || entry.type === 'clock.paused').map((entry) => entry.type)).toEqual(['clock.paused', 'clock.resumed', 'clock.paused']);

    await actingAs.selectOption('it-operations');
    // The library opens on the current phase's actions; containment is a click away.
    await page.getByRole('region', { name: /^Plan actions/ }).locator('summary', { hasText: /^Containment/ }).click();
    await page.getByRole('button', { name: 'Take action: Block public access to the S3 bucket' }).click();
    // The severity: no level is chosen until one is; S goes straight to it.
    await actingAs.selectOption('incident-commander');
    await page.getByRole('heading', { name: /^Left open overnight/, level: 1 }).click();
    await page.keyboard.press('s');
    const level = page.getByRole('combobox', { name: 'Level' });
    await expect.poll(() => level.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await level.inputValue()).toBe('');
    await level.selectOption('4');
    await page.getByRole('button', { name: 'Declare severity' }).click();
    await page.getByText(/^Sev 4 · Low, at T\+/).first().waitFor();

    // Jump to the next event until a decision is open: the jump stops where it opens, never past it.
    const decisionOpen = async () => (await protocolView(sessionId)).openDecisions.length > 0;
    for (let jumps = 0; jumps < 12 && !(await decisionOpen()); jumps++) {
      const before = journal().length;
      await page.getByRole('button', { name: 'Jump to next event' }).click();
      await expect.poll(() => journal().length).toBeGreaterThan(before);
    }
    const opened = await protocolView(sessionId);
    expect(opened.openDecisions.map((decision) => decision.id)).toEqual(['bucket-cleanup']);
    expect(opened.now).toBe(opened.openDecisions[0]!.openedAt);
    expect(journal().at(-1)).toMatchObject({ type: 'clock.jumped', simTime: opened.openDecisions[0]!.openedAt });
    // The console says so, and the decision is a click away.
    const alert = page.getByRole('group', { name: 'New decision' });
    await alert.waitFor();
    await showTab(page, 'Inject feed');
    await page.getByRole('article', { name: /Chat: the development manager wants the bucket gone/ }).waitFor();
    await page.getByRole('article', { name: /CloudTrail: who opened the bucket/ }).waitFor();
    await alert.getByRole('button', { name: 'Show the decision' }).click();
    const decisions = page.getByRole('region', { name: 'Pending decisions' });
    await decisions.getByRole('button', { name: /^Refer it to the CIRT; block public access now/ }).click();
    await decisions.getByText('No decision is waiting.').waitFor();

    // The researcher's e-mail is due at 1h30m: released now, by hand.
    await showTab(page, 'MSEL');
    await page.getByRole('button', { name: 'Release Email: a security researcher reports the open bucket now' }).click();
    await showTab(page, 'Inject feed');
    await page.getByRole('article', { name: /Email: a security researcher reports the open bucket/ }).waitFor();

    await showTab(page, 'Observations');
    await page.getByRole('textbox', { name: 'Note' }).fill('The analyst kept the access logs before any clean-up.');
    await page.getByRole('button', { name: 'Note observation' }).click();
    await page.getByRole('region', { name: 'Observations noted (1)' }).getByText('The analyst kept the access logs before any clean-up.').waitFor();
    await showTab(page, 'Inject feed');
    // A console that fits a laptop: at 1024x640 the page is the screen's height (it was 4,600 px),
    // every figure of the clock bar keeps its value on its own line (bug 9), and the severity is
    // three Tabs away through the skip links (it was 35).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(SIZES[0]!.height + 2);
    const wrapped = await page.locator('.status-facts > div').evaluateAll((facts) => facts
      .filter((fact) => Math.abs(fact.querySelector('dt')!.getBoundingClientRect().top - fact.querySelector('dd')!.getBoundingClientRect().top) > 6)
      .map((fact) => fact.textContent));
    expect(wrapped).toEqual([]);
    // The first Tab from the top of the page lands on the first skip link.
    await page.locator('.skip-links a').first().focus();
    expect(await page.evaluate(() => document.activeElement === document.querySelector('a, button, select, input, textarea, [tabindex="0"]'))).toBe(true);
    for (let tab = 1; tab < 3; tab++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the severity declaration');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id)).toBe('severity-level');
    await showTab(page, 'Decisions');
    await checkView(page, 'console');
    for (const tab of ['MSEL', 'Observations', 'Severity', 'Actions', 'Duties', 'Decisions'] as const) {
      await showTab(page, tab);
      await checkView(page, `console-${tab.toLowerCase()}`);
    }
    await showTab(page, 'Inject feed');
    // Projector mode: large type and high contrast for the room, no upcoming inject titles.
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await showTab(page, 'MSEL');
    expect(await page.getByRole('region', { name: 'MSEL: upcoming injects' }).textContent()).not.toContain('a security researcher');
    await checkView(page, 'console-projector');
    // On a 1024 x 640 projector, with a decision announced and two deadlines counting, the page
    // does not scroll and the panes keep a useful height: the header wrapped to two lines, the
    // page scrolled 80 px and the panes had 165 px, of which less than 100 on screen.
    await page.setViewportSize({ width: 1024, height: 640 });
    const fit = await page.evaluate(() => ({ panes: document.querySelector('.console-panes')!.getBoundingClientRect().height, overflow: document.scrollingElement!.scrollHeight - window.innerHeight }));
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.panes).toBeGreaterThanOrEqual(215);
    // The header keeps to one line (in the projector's large type it took two at 1280 px).
    for (const width of [1024, 1280]) {
      await page.setViewportSize({ width, height: 720 });
      expect(await page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().height)).toBeLessThan(50);
    }
    await page.getByRole('button', { name: 'Projector mode' }).click();

    // The room's screen: a new tab with the session read-only, and none of the facilitator's notes.
    const [projector] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open the projector view' }).click()]);
    projector.on('pageerror', (error) => pageErrors.push(error.message));
    await projector.getByRole('heading', { name: /^Left open overnight/, level: 1 }).waitFor();
    await projector.getByRole('article', { name: /Email: a security researcher reports the open bucket/ }).waitFor();
    expect(await projector.locator('body').textContent()).not.toContain('Facilitator note');
    expect(await projector.getByRole('button').count()).toBe(0);
    // Its address carries the projector's read-only token for this session, never the facilitator's.
    const projectorToken = new URL(projector.url()).searchParams.get('token') ?? '';
    expect(projectorToken.startsWith(`p.${sessionId}.`)).toBe(true);
    expect(projectorToken).not.toContain(new URL(app.served.url).searchParams.get('token'));
    // It has no theme button (nothing to press on the room's screen): it takes the app's theme.
    for (const theme of ['light', 'dark'] as const) {
      await projector.evaluate((wanted) => void (document.documentElement.dataset.theme = wanted), theme);
      expect(await seriousViolations(projector), theme).toEqual([]);
      for (const size of SIZES) {
        await projector.setViewportSize(size);
        await projector.screenshot({ path: `${SHOTS}/projector-${theme}-${size.width}x${size.height}.png` });
      }
    }
    await projector.close();

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await checkView(page, 'shortcuts', { open: async () => { await page.keyboard.press('?'); await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor(); } });

    // The role view's link, opened in a page of its own, works: its address names the session.
    await actingAs.selectOption('cloud-security-analyst');
    const roleHref = await page.getByRole('link', { name: 'Open the role view' }).getAttribute('href');
    expect(roleHref).toBe(`#/role/${encodeURIComponent(sessionId)}/cloud-security-analyst`);
    const role = await context.newPage();
    role.on('pageerror', (error) => pageErrors.push(error.message));
    await role.goto(new URL(roleHref!, page.url()).href);
    await role.getByRole('heading', { name: /Cloud Security Analyst/, level: 1 }).waitFor();
    await role.getByText('The clock is paused: nothing happens until the facilitator resumes it.').waitFor();
    await role.getByRole('region', { name: 'Injects for Cloud Security Analyst' }).getByRole('article').first().waitFor();
    await checkView(role, 'role');
    await role.close();

    // Sessions, in a page of its own: the drill by its name, with its people, Paused (its clock is).
    const sessions = await context.newPage();
    sessions.on('pageerror', (error) => pageErrors.push(error.message));
    await sessions.goto(new URL('#/sessions', app.served.url).href);
    const listed = sessions.getByRole('row', { name: new RegExp(sessionId) });
    await listed.waitFor();
    expect(await listed.getByRole('rowheader').textContent()).toMatch(/^Harbour drill, blue team/);
    expect(await listed.locator('.session-state').textContent()).toBe('Paused');
    expect(await listed.textContent()).toContain('Ada Lovelace, Grace Hopper, Alan Turing');
    await sessions.close();

    // End asks first; Keep playing keeps it running; confirmed, the debrief shows what `firedrill replay` of the journal gives.
    await page.getByRole('button', { name: 'End the session' }).click();
    const confirmEnd = page.getByRole('alertdialog', { name: 'End the session?' });
    await confirmEnd.getByRole('button', { name: 'Keep playing' }).click();
    await confirmEnd.waitFor({ state: 'detached' });
    expect(journal().some((entry) => entry.type === 'session.ended')).toBe(false);
    await checkView(page, 'end-dialog', { open: async () => { await page.getByRole('button', { name: 'End the session' }).click(); await confirmEnd.waitFor(); } });
    await page.getByRole('button', { name: 'End the session' }).click();
    await confirmEnd.getByRole('button', { name: 'End the session' }).click();
    const overall = page.locator('[data-figure="overall"]');
    await overall.waitFor();
    // ECharts is loaded on demand: the timeline is drawn once it has arrived.
    await page.locator('.report-chart svg').first().waitFor();
    const card = replayScorecard(sessionId);
    const shown = await page.locator('[data-figure]').evaluateAll((figures) => Object.fromEntries(figures.map((f) => [f.getAttribute('data-figure'), f.textContent])));
    expect(shown).toEqual(Object.fromEntries(headlineFigures(card).map((figure) => [figure.id, figure.value])));
    expect(card.timeToDetectMinutes).not.toBeNull();
    expect(card.timeToContainMinutes).not.toBeNull();
    expect(card).toEqual(await scorecardOverProtocol(sessionId));
    expect(card.severity.declared).toBe(4);
    expect(card.decisions.find((d) => d.decision === 'bucket-cleanup')).toMatchObject({ status: 'answered', option: 'preserve-then-clean', answeredBy: 'it-operations' });
    expect(card.participants).toEqual({ 'incident-commander': 'Ada Lovelace', 'cloud-security-analyst': 'Grace Hopper', 'it-operations': 'Alan Turing' });
    expect(new Set(card.expectedActions.map((step) => step.doneBy).filter(Boolean))).toEqual(new Set(['cloud-security-analyst', 'it-operations']));
    // Released by hand before its time (1h30m).
    expect(card.timeline.find((entry) => entry.kind === 'inject' && entry.ref === 'INJ-07')!.atMinutes).toBeLessThan(90);
    expect(journal()).toContainEqual(expect.objectContaining({ type: 'inject.released', inject: 'INJ-07', actor: 'facilitator' }));
    expect(card.observations.map((o) => o.text)).toEqual(['The analyst kept the access logs before any clean-up.']);
    // Times are written one way: no "149.96 min" in the timeline; no figure breaks across two lines.
    expect(await page.locator('.debrief').textContent()).not.toMatch(/\d+\.\d+ min/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // A text on one line has one line box: the range over it has one rectangle.
      const broken = await page.locator('.figure-value, td.num, td.time').evaluateAll((cells) => cells
        .filter((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
        })
        .map((cell) => cell.textContent));
      expect(broken, `${size.width}x${size.height}`).toEqual([]);
    }
    await page.setViewportSize(SIZES[0]!);
    await checkView(page, 'debrief', { fullPage: true });

    // The AAR's HSEEP cover fields, asked for in the app, are in the exported report; no command-line flag is.
    const cover = page.getByRole('group', { name: /Cover page \(HSEEP\)/ });
    await cover.getByRole('textbox', { name: /Exercise name/ }).fill('Harbour breach drill');
    await cover.getByRole('textbox', { name: /Exercise dates/ }).fill('14 March 2026');
    await cover.getByRole('textbox', { name: /Location/ }).fill('Hong Kong office, level 12');
    await cover.getByRole('textbox', { name: /Sponsor/ }).fill('Chief Information Security Officer');
    await cover.getByRole('textbox', { name: /Participating organisations/ }).fill('Example Ltd IT\nOutside counsel');
    await cover.getByRole('textbox', { name: /Point of contact/ }).fill('Mei Chan, mei@example.test');
    const aar = (await download(page, 'After-action report as Markdown')).bytes.toString('utf8');
    for (const given of ['Harbour breach drill', '14 March 2026', 'Hong Kong office, level 12', 'Chief Information Security Officer', 'Example Ltd IT', 'Outside counsel', 'Mei Chan, mei@example.test']) {
      expect(aar).toContain(given);
    }
    expect(aar).not.toMatch(/--(contact|name|organisation)/);

    // PDF and HTML exported through the UI: the files the browser downloads are the scorecard.
    const pdf = await download(page, 'Scorecard as PDF');
    expect(pdf.name).toBe(`firedrill-scorecard-${sessionId}.pdf`);
    const pdfText = (await readPdf(pdf.bytes)).text;
    expect(pdfText).toContain(card.scenarioTitle.slice(0, 40));
    expect(pdfText).toContain(`${card.overallScore} / 100`);
    await page.getByRole('status').filter({ hasText: `Saved firedrill-scorecard-${sessionId}.pdf` }).waitFor();
    const html = await download(page, 'Scorecard as HTML');
    expect(html.name).toBe(`firedrill-scorecard-${sessionId}.html`);
    const htmlText = html.bytes.toString('utf8');
    expect(htmlText).toContain(`${card.overallScore} / 100`);
    expect(htmlText).toContain('Ada Lovelace');
    expect(htmlText).not.toMatch(EXTERNAL_REFERENCE);

    // The history has the drill.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    const group = page.getByRole('region', { name: /^Left open overnight/ });
    await group.waitFor();
    expect(await group.getByRole('listitem', { name: 'Drills' }).textContent()).toContain('1');
    await group.getByRole('link', { name: new RegExp(sessionId) }).or(group.locator(`a[href="#/debrief/${sessionId}"]`)).first().waitFor();

    expect(offMachine).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
    // Every view at three sizes in two themes, with axe each time: minutes on a busy machine.
  }, 600_000);
});
