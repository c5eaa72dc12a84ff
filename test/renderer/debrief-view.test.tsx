// @vitest-environment jsdom
import './setup.js';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportedFile } from '../../engine/protocol/index.js';
import { scorecardDocument } from '../../engine/report/scorecard-document.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { CommandError } from '../../renderer/client/session-client.js';
import { DebriefView } from '../../renderer/views/DebriefView.js';
import { RoleView } from '../../renderer/views/RoleView.js';
import { recordDownloads, type Download } from '../helpers/downloads.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

async function playedSession() {
  const client = fakeClient();
  const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  client.advance(5 * MIN);
  await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'severity.declared', level: 3 } });
  await client.send('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'Good triage', tag: 'strength' } });
  client.advance(20 * MIN);
  await client.send('session.end', { sessionId, reason: 'time' });
  return { client, sessionId };
}

describe('the debrief', () => {
  it('shows the scorecard: score, the three times with definitions, expected actions traced to the journal, objectives rated', async () => {
    const { client, sessionId } = await playedSession();
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const figures = await screen.findByRole('list', { name: 'Headline figures' });
    const card = scoreSession(client.session());
    expect(within(figures).getByRole('listitem', { name: 'Overall score' })).toHaveTextContent(`${card.overallScore} / 100`);
    for (const title of ['Time to detect', 'Time to contain', 'Time to recover']) {
      expect(within(figures).getByRole('listitem', { name: title })).toHaveTextContent(/target/);
    }
    expect(within(figures).getByText(/time to contain = contained − detected/)).toBeInTheDocument();
    const expected = screen.getByRole('table', { name: /Expected actions of the playbook/ });
    expect(within(expected).getAllByRole('row').length).toBe(card.expectedActions.length + 1);
    // Owners by the plan's role titles, not their ids.
    expect(expected).toHaveTextContent('Cloud Security Analyst');
    expect(expected).not.toHaveTextContent('cloud-security-analyst');
    const objectives = screen.getByRole('table', { name: /Objectives/ });
    expect(within(objectives).getAllByRole('row')).toHaveLength(card.objectives.length + 1);
    expect(screen.getByRole('table', { name: /By role/ })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Facilitator observations' })).getByText(/Good triage/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Timeline: every inject/ })).toBeInTheDocument();
  });

  it('has what the PDF has: severity, duties, decisions, per phase and per role, and the timeline, in the same words', async () => {
    const { client, sessionId } = await playedSession();
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    await screen.findByRole('list', { name: 'Headline figures' });
    const card = scoreSession(client.session());
    const document = scorecardDocument(card);
    for (const heading of document.blocks.filter((block) => block.type === 'heading')) {
      expect(screen.getByRole('heading', { name: heading.text })).toBeInTheDocument();
    }
    for (const name of ['Severity classification', 'Communication duties', 'Decisions', `By phase (${card.byPhase.framework})`, 'By role', 'Timeline']) {
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: 'Severity classification' })).toHaveTextContent(`Declared Sev 3 (expected Sev ${card.severity.expected}`);
    expect(within(screen.getByRole('table', { name: 'Timeline' })).getAllByRole('row')).toHaveLength(card.timeline.length + 1);
  });

  it('says how the drill ended in one phrase: "Ended by the facilitator", not "Ended: ended by the facilitator"', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
    // The reason the console sends.
    await client.send('session.end', { sessionId, reason: 'ended by the facilitator' });
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const subtitle = await screen.findByText(/Ended by the facilitator\.$/);
    expect(subtitle).not.toHaveTextContent(/ended: ended/i);
    // The scorecard's note on simulated time says it the same way.
    expect(screen.getByText(/of simulated time and ended by the facilitator\./)).toBeInTheDocument();
  });

  it('draws a long timeline as it scrolls, still a table of every entry to assistive technology', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
    for (let n = 0; n < 60; n++) await client.send('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: `note ${n}`, tag: 'note' } });
    await client.send('session.end', { sessionId, reason: 'time' });
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const timeline = await screen.findByRole('table', { name: 'Timeline' });
    const card = scoreSession(client.session());
    expect(card.timeline.length).toBeGreaterThan(60);
    expect(timeline).toHaveAttribute('aria-rowcount', String(card.timeline.length + 1));
    // jsdom lays nothing out, so no row is in view: only the header row is drawn.
    expect(within(timeline).getAllByRole('row').length).toBeLessThan(card.timeline.length);
    expect(within(timeline).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Time', 'Kind', 'What', 'Who', 'Journal']);
  });

  it('puts the exports first: before the scorecard and the improvement plan (no more "run from the command line")', async () => {
    const { client, sessionId } = await playedSession();
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const exports = await screen.findByRole('region', { name: 'Export' });
    const figures = screen.getByRole('list', { name: 'Headline figures' });
    const observations = screen.getByRole('region', { name: 'Facilitator observations' });
    const plan = screen.getByRole('region', { name: 'Improvement plan' });
    expect(exports.compareDocumentPosition(figures) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(observations.compareDocumentPosition(plan) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText(/from the command line/)).toBeNull();
    expect(await within(plan).findByText('Generated plan')).toBeInTheDocument();
  });
});

describe('the debrief of an ended drill', () => {
  it('saves the drill as a response script of its scenario, by the name given', async () => {
    const user = userEvent.setup();
    const { client, sessionId } = await playedSession();
    const saved: unknown[] = [];
    client.override('studio.saveScript', (params) => {
      saved.push(params);
      return { scenarioId: 'public-test-bucket', name: params.name, file: `scripts/public-test-bucket/${params.name}.script.yaml`, steps: 2, leftOut: [] };
    });
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const panel = await screen.findByRole('region', { name: 'Save this drill as a response script' });
    // Its own session: nothing to choose.
    expect(within(panel).queryByRole('combobox')).toBeNull();
    const name = within(panel).getByRole('textbox', { name: 'Script name' });
    await user.clear(name);
    await user.type(name, 'quick-triage');
    await user.click(within(panel).getByRole('button', { name: 'Save as a response script' }));
    expect(await within(panel).findByRole('status')).toHaveTextContent('Saved the response script "quick-triage" of public-test-bucket (2 steps).');
    expect(saved).toEqual([{ sessionId, name: 'quick-triage' }]);
  });
});

describe('the debrief\'s exports', () => {
  let downloads: Download[];
  let restore: () => void;
  beforeEach(() => ({ downloads, restore } = recordDownloads()));
  afterEach(() => {
    restore();
    vi.restoreAllMocks();
    // The cover fields are kept per session, and every test's session is the fake client's one.
    localStorage.clear();
  });

  /** The export panel of a played session's debrief; queries stay inside it (the improvement plan above holds many controls). */
  async function exportPanel() {
    const { client, sessionId } = await playedSession();
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const panel = await screen.findByRole('region', { name: 'Export' });
    return { client, sessionId, panel, status: within(panel).getByRole('status'), user: userEvent.setup() };
  }
  const callsOf = (client: ReturnType<typeof fakeClient>, type: string) => client.calls.filter((call) => call.type === type).map((call) => call.params);

  it('offers every format the host makes, for the scorecard and for the after-action report', async () => {
    const { panel } = await exportPanel();
    expect(within(panel).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Scorecard as PDF', 'Scorecard as HTML', 'Scorecard as CSV', 'Scorecard as JSON', 'Scorecard as Markdown',
      'After-action report as Word (DOCX)', 'After-action report as PDF', 'After-action report as HTML', 'After-action report as Markdown',
    ]);
    expect(within(panel).getByRole('radio', { name: 'A4' })).toBeChecked();
    expect(within(panel).getByRole('radio', { name: 'US Letter' })).not.toBeChecked();
  });

  it('exports the scorecard as PDF on the paper chosen and downloads it under its file name', async () => {
    const { client, sessionId, panel, status, user } = await exportPanel();
    await user.click(within(panel).getByRole('radio', { name: 'US Letter' }));
    await user.click(within(panel).getByRole('button', { name: 'Scorecard as PDF' }));
    await waitFor(() => expect(status).toHaveTextContent('Saved firedrill-scorecard-fake-session.pdf (3 bytes)'));
    expect(callsOf(client, 'export.scorecard')).toEqual([{ sessionId, format: 'pdf', paper: 'letter' }]);
    expect(downloads.map((download) => download.fileName)).toEqual(['firedrill-scorecard-fake-session.pdf']);
    expect(downloads[0]!.blob.type).toBe('application/pdf');
    expect(await downloads[0]!.blob.text()).toBe('pdf');
  });

  it('in the desktop app, has Chromium print the PDF (printPdf) and keeps the host exports for the other formats', async () => {
    const printed: unknown[] = [];
    const saved: string[] = [];
    window.firedrill = {
      transport: 'electron', platform: 'linux',
      request: async () => { throw new Error('not used'); }, on: () => () => {}, openExternal: async () => false, openFile: async () => null, openProjector: async () => {},
      saveFile: async ({ suggestedName }) => { saved.push(suggestedName); return { saved: `/home/ada/${suggestedName}` }; },
      printPdf: async (request) => { printed.push(request); return { saved: '/home/ada/scorecard.pdf' }; },
    };
    try {
      const { client, sessionId, panel, status, user } = await exportPanel();
      // The cover fields typed go to the print too: the PDF has what the Word and HTML files have.
      await user.type(within(panel).getByRole('textbox', { name: /Exercise name/ }), 'Harbour drill');
      await user.click(within(panel).getByRole('button', { name: 'After-action report as PDF' }));
      await waitFor(() => expect(status).toHaveTextContent('Saved /home/ada/scorecard.pdf'));
      expect(printed).toEqual([{ sessionId, what: 'aar', paper: 'a4', cover: { name: 'Harbour drill' } }]);
      expect(callsOf(client, 'export.aar')).toEqual([]);
      await user.click(within(panel).getByRole('button', { name: 'Scorecard as HTML' }));
      await waitFor(() => expect(status).toHaveTextContent(`Saved /home/ada/firedrill-scorecard-fake-session.html`));
      expect(saved).toEqual(['firedrill-scorecard-fake-session.html']);
    } finally {
      delete window.firedrill;
    }
  });

  it("asks for HSEEP's cover fields and sends those filled in with the AAR export (bug 7)", async () => {
    const { client, sessionId, panel, user } = await exportPanel();
    const cover = within(panel).getByRole('group', { name: /Cover page \(HSEEP\)/ });
    await user.type(within(cover).getByRole('textbox', { name: /Exercise name/ }), 'Harbour drill');
    await user.type(within(cover).getByRole('textbox', { name: /Exercise dates/ }), '14 March 2026');
    await user.type(within(cover).getByRole('textbox', { name: /Location/ }), 'Hong Kong office');
    await user.type(within(cover).getByRole('textbox', { name: /Sponsor/ }), 'The CISO');
    await user.type(within(cover).getByRole('textbox', { name: /Participating organisations/ }), 'Example IT{Enter}  {Enter}Outside counsel');
    await user.type(within(cover).getByRole('textbox', { name: /Point of contact/ }), 'Mei Chan');
    await user.click(within(panel).getByRole('button', { name: 'After-action report as Markdown' }));
    await waitFor(() => expect(callsOf(client, 'export.aar')).toHaveLength(1));
    expect(callsOf(client, 'export.aar')[0]).toEqual({
      sessionId, format: 'md', paper: 'a4', name: 'Harbour drill', dates: '14 March 2026', location: 'Hong Kong office', sponsor: 'The CISO',
      participatingOrganisations: ['Example IT', 'Outside counsel'], pointOfContact: 'Mei Chan',
    });
  });

  it('keeps the cover fields typed for a session when the facilitator leaves the debrief and comes back', async () => {
    const { client, sessionId, panel, user } = await exportPanel();
    await user.type(within(panel).getByRole('textbox', { name: /Exercise name/ }), 'Harbour drill');
    await user.type(within(panel).getByRole('textbox', { name: /Participating organisations/ }), 'Example IT{Enter}Outside counsel');
    cleanup();
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const again = await screen.findByRole('region', { name: 'Export' });
    expect(within(again).getByRole('textbox', { name: /Exercise name/ })).toHaveValue('Harbour drill');
    expect(within(again).getByRole('textbox', { name: /Participating organisations/ })).toHaveValue('Example IT\nOutside counsel');
    await user.click(within(again).getByRole('button', { name: 'After-action report as Markdown' }));
    await waitFor(() => expect(callsOf(client, 'export.aar')).toHaveLength(1));
    expect(callsOf(client, 'export.aar')[0]).toMatchObject({ name: 'Harbour drill', participatingOrganisations: ['Example IT', 'Outside counsel'] });
  });

  it('shows progress on the button while its export runs, and sends the AAR details filled in', async () => {
    const { client, sessionId, panel, status, user } = await exportPanel();
    let finish!: (file: ExportedFile) => void;
    client.override('export.aar', () => new Promise<ExportedFile>((resolve) => (finish = resolve)));
    await user.type(within(panel).getByRole('textbox', { name: /Point of contact/ }), 'Ada, IR lead');
    await user.click(within(panel).getByRole('button', { name: 'After-action report as Word (DOCX)' }));

    const running = within(panel).getByRole('button', { name: 'After-action report as Word (DOCX): Exporting…' });
    expect(running).toBeDisabled();
    expect(running).toHaveAttribute('aria-busy', 'true');
    expect(within(panel).getByRole('button', { name: 'After-action report as PDF' })).toBeEnabled();
    expect(callsOf(client, 'export.aar')).toEqual([{ sessionId, format: 'docx', paper: 'a4', pointOfContact: 'Ada, IR lead' }]);

    finish({ fileName: 'firedrill-aar-fake-session.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: btoa('docx'), bytes: 12_345 });
    await waitFor(() => expect(status).toHaveTextContent('Saved firedrill-aar-fake-session.docx (12,345 bytes)'));
    expect(within(panel).getByRole('button', { name: 'After-action report as Word (DOCX)' })).toBeEnabled();
    expect(downloads.map((download) => download.fileName)).toEqual(['firedrill-aar-fake-session.docx']);
  });

  it('shows a refused export in the status line, and saves nothing', async () => {
    const { client, panel, status, user } = await exportPanel();
    client.override('export.scorecard', () => {
      throw new CommandError({ code: 'not-found', message: 'no session fake-session' });
    });
    await user.click(within(panel).getByRole('button', { name: 'Scorecard as CSV' }));
    await waitFor(() => expect(status).toHaveTextContent('Scorecard as CSV failed: no session fake-session'));
    expect(within(panel).getByRole('button', { name: 'Scorecard as CSV' })).toBeEnabled();
    expect(downloads).toEqual([]);
  });
});

describe('the role view', () => {
  it('shows only the injects addressed to the role, its own actions and decisions', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'role-play', speed: 60, participants: { 'it-operations': 'Grace' } });
    renderWithApp(<RoleView sessionId={sessionId} roleId="it-operations" />, client);
    // Opened by its address alone (a new tab), it opens its session.
    expect(await screen.findByRole('heading', { name: 'IT Operations — Grace', level: 1 })).toBeInTheDocument();
    const feed = screen.getByRole('region', { name: 'Injects for IT Operations' });
    expect(within(feed).queryByRole('article')).toBeNull();
    client.advance(46 * MIN);
    expect(await within(feed).findByRole('article', { name: /the development manager wants the bucket gone/ })).toBeInTheDocument();
    const plan = client.session().index.plan;
    const providers = client.session().index.scenario.providers;
    const own = plan.actions.filter((a) => a.roles.includes('it-operations') && (a.providers.length === 0 || a.providers.some((p) => providers.includes(p))));
    expect(screen.getAllByRole('button', { name: /Take action:/ })).toHaveLength(own.length);
  });

  it('says whether the clock is paused', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'role-play', speed: 60, participants: {} });
    renderWithApp(<RoleView sessionId={sessionId} roleId="it-operations" />, client);
    expect(await screen.findByLabelText('Clock')).toHaveTextContent('Running');
    expect(screen.queryByText(/The clock is paused/)).toBeNull();
    await act(async () => {
      await client.send('clock.pause', { sessionId });
      client.advance(0);
    });
    expect(screen.getByLabelText('Clock')).toHaveTextContent('Paused');
    expect(screen.getByText(/The clock is paused/)).toBeInTheDocument();
  });
});
