import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { durationText } from '../../engine/format/time-text.js';
import { tPlus } from '../../engine/report/figures.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { servedApp } from './browser.js';
import { checkView, protocolClient, showTab, SIZES } from './views.js';

// The studio as a facilitator who has never seen YAML: a plan made from the bundled one (a role
// renamed, the Sev 2 response deadline changed, an action and a duty added), a scenario with
// five injects (one on a trigger, one a contingency), a decision and a milestone, previewed in
// the page, saved, played at 600x, and its scorecard measured against the edited deadline. Then
// the scenario is edited again: the earlier session still replays and still shows in history.

const app = servedApp();

async function overProtocol<T>(work: (client: ReturnType<typeof protocolClient>) => Promise<T>): Promise<T> {
  const client = protocolClient(app.served);
  try {
    return await work(client);
  } finally {
    client.close();
  }
}
const scorecardOf = (sessionId: string): Promise<Scorecard> => overProtocol(async (client) => (await client.send('scorecard.get', { sessionId })).scorecard);

/** A saved document's YAML as the library file holds it. */
const savedYaml = (kind: 'plan' | 'scenario', id: string) => overProtocol(async (client) => (await client.send('studio.source', { kind, id })).text);
const valid = (page: Page, kind: 'plan' | 'scenario') => page.getByText(`No problem: the ${kind} is valid.`).waitFor();

describe('the studio', () => {
  it('takes a facilitator from the bundled plan to a scenario of their own, played and scored against their deadline, then edited without breaking the drill', async () => {
    const context = await app.browser.newContext({ viewport: SIZES[2], bypassCSP: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });

    await page.goto(app.served.url);
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    await page.getByRole('link', { name: /in the studio/ }).click();
    await page.getByRole('heading', { name: 'Studio', level: 1 }).waitFor();
    await checkView(page, 'studio-start', { fullPage: true });

    // A plan from the bundled one.
    await page.getByRole('textbox', { name: 'New plan title' }).fill('Acme plan');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'Plan: Acme plan' }).waitFor();
    await valid(page, 'plan');
    await page.getByRole('tab', { name: 'Roles' }).click();
    await page.locator('summary', { hasText: 'Incident Commander (incident-commander)' }).click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Incident Lead');
    await page.getByRole('tab', { name: 'Severity matrix' }).click();
    await page.getByRole('textbox', { name: 'Sev 2 response deadline' }).fill('20m');
    await checkView(page, 'studio-plan-severity');
    await page.getByRole('tab', { name: 'Actions' }).click();
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByRole('textbox', { name: 'Action title' }).fill('Call the cyber insurer');
    await page.getByRole('textbox', { name: 'Action id' }).fill('call-cyber-insurer');
    await page.getByRole('combobox', { name: 'Phase (NIST SP 800-61)' }).selectOption({ label: 'Post-Incident Activity' });
    await page.getByRole('tab', { name: 'Duties' }).click();
    await page.getByRole('button', { name: 'Add a duty' }).click();
    await page.getByRole('textbox', { name: 'Duty title' }).fill('Tell the cyber insurer');
    await page.getByRole('textbox', { name: 'Duty id' }).fill('notify-insurer');
    await page.getByRole('textbox', { name: 'Legal basis' }).fill('Cyber policy, clause 7: notice within 48 hours');
    await page.getByRole('combobox', { name: 'Add to Actions that discharge it' }).selectOption('call-cyber-insurer');
    await valid(page, 'plan');
    await page.getByRole('tab', { name: 'Review and save' }).click();
    const changes = page.getByRole('list', { name: /^Changes since plan "cloud-cirp"/ });
    await changes.getByText('severityLevels[level 2].responseDeadline: "1h" → "20m"').waitFor();
    await changes.getByText('roles[incident-commander].title: "Incident Commander" → "Incident Lead"').waitFor();
    await changes.getByText(/^actions: added "call-cyber-insurer"/).waitFor();
    await changes.getByText(/^duties: added "notify-insurer"/).waitFor();
    await page.getByRole('button', { name: 'Save to my library' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved plan "acme-plan" to your library' }).waitFor();
    const planYaml = await savedYaml('plan', 'acme-plan');
    expect(planYaml).toContain('title: Incident Lead');
    expect(planYaml).toContain('responseDeadline: 20m');
    // The bundled plan's comments survive the form.
    expect(planYaml).toContain('# Severity matrix');

    // A scenario for it, from blank.
    await page.getByRole('button', { name: 'Back to the studio' }).click();
    await page.getByRole('combobox', { name: 'Start from' }).nth(1).selectOption({ label: 'Blank, for Acme plan' });
    await page.getByRole('textbox', { name: 'New scenario title' }).fill('Leaked keys at Acme');
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    await page.getByRole('heading', { name: 'Scenario: Leaked keys at Acme' }).waitFor();
    await valid(page, 'scenario');
    await page.getByRole('tab', { name: 'Injects' }).click();
    const addInject = async (title: string) => {
      await page.getByRole('button', { name: 'Add an inject' }).click();
      await page.getByRole('textbox', { name: 'Inject title' }).fill(title);
    };
    await addInject('CloudTrail shows a new access key');
    await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'AWS CloudTrail: an access key created' });
    await page.getByRole('button', { name: 'Add the artifact' }).click();
    await page.getByRole('group', { name: 'Artifacts' }).getByText('CloudTrail: CreateAccessKey').waitFor();
    await addInject('The analyst asks for help');
    await page.getByRole('radio', { name: 'On a trigger' }).check();
    await page.getByRole('combobox', { name: 'Trigger: kind of event' }).selectOption('milestone');
    await page.getByRole('combobox', { name: 'Trigger: which' }).selectOption('detected');
    await page.getByRole('textbox', { name: 'Delay after the trigger' }).fill('5m');
    await addInject('Reminder: rotate the key');
    await page.getByRole('checkbox', { name: 'A contingency: skip it if something has happened' }).check();
    await page.getByRole('combobox', { name: 'Skip it if: which' }).selectOption('revoke-iam-access-key');
    await addInject('A journalist calls');
    await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Phone call' });
    await page.getByRole('textbox', { name: 'Message' }).fill('A reporter asks whether customer data was taken.');
    // Retimed by keyboard (five minutes later) and by dragging (to near the end of the timeline).
    const second = page.getByRole('slider', { name: /^Time of INJ-02/ });
    expect(await second.getAttribute('aria-valuenow')).toBe('10');
    await second.focus();
    for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => second.getAttribute('aria-valuenow')).toBe('15');
    const fifth = page.getByRole('slider', { name: /^Time of INJ-05/ });
    const before = Number(await fifth.getAttribute('aria-valuenow'));
    const track = (await page.locator('.timeline-track').boundingBox())!;
    const marker = (await fifth.boundingBox())!;
    await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width * 0.95, marker.y + marker.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await fifth.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
    await valid(page, 'scenario');
    await checkView(page, 'studio-scenario-injects');

    await page.getByRole('tab', { name: 'Decisions' }).click();
    await page.getByRole('button', { name: 'Add a decision' }).click();
    await page.getByRole('textbox', { name: 'Question put to the team' }).fill('Do we tell the insurer now?');
    await page.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Call them within the hour');
    await page.getByRole('combobox', { name: 'Option 2 credit' }).selectOption('harmful');
    await page.getByRole('tab', { name: 'Milestones' }).click();
    await page.getByRole('combobox', { name: 'Milestone contained: which' }).selectOption('revoke-iam-access-key');
    await valid(page, 'scenario');

    // Preview in the page: a scrubber, then the scorecard, which uses the edited deadline.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Play the draft' }).click();
    const scrubber = page.getByRole('slider', { name: /^Simulated time/ });
    await scrubber.focus();
    await page.keyboard.press('PageUp');
    await page.getByRole('list', { name: 'What has happened by then' }).getByText('The first alert').waitFor();
    await page.getByRole('button', { name: 'Go to the end' }).click();
    const previewCard = page.getByRole('region', { name: 'Preview scorecard' });
    await previewCard.getByText(`within ${durationText(20 * 60_000)} of detection`, { exact: false }).waitFor();
    await page.getByRole('list', { name: 'What has happened by then' }).getByText('Do we tell the insurer now?').waitFor();
    await checkView(page, 'studio-preview');

    await page.getByRole('tab', { name: 'Review and save' }).click();
    await page.getByText('A new scenario: it has no earlier version in your library.').waitFor();
    await page.getByRole('button', { name: 'Save to my library' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved scenario "leaked-keys-at-acme"' }).waitFor();
    const scenarioYaml = await savedYaml('scenario', 'leaked-keys-at-acme');
    expect(scenarioYaml).toMatch(/milestone: detected/);
    expect(scenarioYaml).toContain('delay: 5m');
    expect(scenarioYaml).toMatch(/unless:\s*\{?\s*action: revoke-iam-access-key/);
    expect(scenarioYaml).toContain('eventName: CreateAccessKey');
    expect(scenarioYaml).toContain('channel: phone-call');

    // Played at 600x.
    await page.getByRole('button', { name: 'Set up a session of it' }).click();
    await page.getByRole('heading', { name: /Set up: Leaked keys at Acme/ }).waitFor();
    await page.getByRole('combobox', { name: 'Clock speed' }).selectOption('600');
    await page.getByRole('button', { name: 'Start the session' }).click();
    await page.waitForURL(/#\/session\/./);
    const sessionId = decodeURIComponent(new URL(page.url()).hash.replace('#/session/', ''));
    // The incident commander opens the bridge: the scenario's detection.
    await page.getByRole('combobox', { name: 'Acting as' }).selectOption('incident-commander');
    await showTab(page, 'Actions');
    await page.getByRole('button', { name: /^Take action: Open the incident bridge/ }).click();
    await showTab(page, 'Inject feed');
    await page.getByRole('article', { name: /CloudTrail shows a new access key/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'End the session' }).click();
    await page.getByRole('alertdialog', { name: 'End the session?' }).getByRole('button', { name: 'End the session' }).click();
    await page.locator('[data-figure="overall"]').waitFor();
    const card = await scorecardOf(sessionId);
    expect(card.planId).toBe('acme-plan');
    expect(card.severity.expected).toBe(2);
    // The deadline runs from detection: the edited 20 minutes, not the bundled plan's hour.
    expect(card.milestones.detected).not.toBeNull();
    expect(card.severity.deadlineMinutes).toBeCloseTo(card.milestones.detected! + 20, 0);
    await page.locator('.debrief').getByText(`it was due by ${tPlus(card.severity.deadlineMinutes)}`, { exact: false }).first().waitFor();

    // Edited again: a new version; the earlier drill still replays and still shows in the history.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio' }).click();
    await page.getByRole('button', { name: 'Edit scenario Leaked keys at Acme' }).click();
    await page.getByRole('heading', { name: 'Scenario: Leaked keys at Acme' }).waitFor();
    await page.getByRole('textbox', { name: 'Scenario title' }).fill('Leaked keys at Acme, second edition');
    await page.getByRole('tab', { name: 'Injects' }).click();
    const first = page.getByRole('slider', { name: /^Time of INJ-01/ });
    await first.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await valid(page, 'scenario');
    await page.getByRole('tab', { name: 'Review and save' }).click();
    const edits = page.getByRole('list', { name: 'Changes since the version in your library' });
    await edits.getByText('title: "Leaked keys at Acme" → "Leaked keys at Acme, second edition"').waitFor();
    await edits.getByText('injects[INJ-01].at: "0m" → "10m"').waitFor();
    await page.getByRole('button', { name: 'Save to my library' }).click();
    await page.getByRole('status').filter({ hasText: 'a new version: past drills keep theirs' }).waitFor();

    expect(await scorecardOf(sessionId)).toEqual(card);
    await page.goto(new URL(`#/debrief/${encodeURIComponent(sessionId)}`, page.url()).href);
    await page.locator('[data-figure="overall"]').waitFor();
    expect(await page.locator('[data-figure="overall"]').textContent()).toContain(String(card.overallScore));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    const group = page.getByRole('region', { name: /^Leaked keys at Acme/ });
    await group.waitFor();
    await group.locator(`a[href="#/debrief/${encodeURIComponent(sessionId)}"]`).first().waitFor();
    const history = await overProtocol((client) => client.send('history.get', { scenarioId: 'leaked-keys-at-acme' }));
    expect(history.skipped).toEqual([]);

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 600_000);
});
