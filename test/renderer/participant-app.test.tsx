// @vitest-environment jsdom
import './setup.js';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandParamsInput, CommandType, JoinLookup, ObserverView, ParticipantSelf, RoleView, ServerEvents } from '../../engine/protocol/index.js';
import { CommandError } from '../../renderer/client/session-client.js';
import type { JoinLink, LinkStatus } from '../../renderer/participant/join-link.js';
import { ObserverPage } from '../../renderer/participant/ObserverPage.js';
import { codeFromHash, Participant } from '../../renderer/participant/ParticipantApp.js';
import { HOST_GONE_AFTER_MS } from '../../renderer/participant/join-machine.js';
import { MIN } from '../helpers/world.js';

// The participant's page over a link: the join flow (code, name, role), the screen fed by the
// host's view, inputs sent as commands, a drop and a return that lose nothing, and a removal.
// The host is a fake link that answers as the protocol says (engine/protocol/audience.ts).

const ROLES = [{ id: 'incident-commander', title: 'Incident Commander' }, { id: 'cloud-security-analyst', title: 'Cloud Security Analyst' }];
const LOOKUP: JoinLookup = {
  sessionId: 's-1', name: 'Left open overnight', ended: false, approval: false,
  roles: [
    { id: 'incident-commander', title: 'Incident Commander', free: false, heldBy: ['Ada'], reservedFor: null },
    { id: 'cloud-security-analyst', title: 'Cloud Security Analyst', free: true, heldBy: [], reservedFor: null },
  ],
};
const ME: ParticipantSelf = { sessionId: 's-1', participant: 'p-grace0001', name: 'Grace', seat: 'role', role: 'cloud-security-analyst', roleTitle: 'Cloud Security Analyst' };

function roleView(change: Partial<RoleView> = {}): RoleView {
  return {
    audience: 'role', sessionId: 's-1', name: null, scenarioTitle: 'Left open overnight', startsAt: '2026-03-02T09:00:00Z',
    now: 20 * MIN, paused: true, speed: 60, ended: null, roles: ROLES, role: ROLES[1]!,
    phases: [{ id: 'detection-analysis', title: 'Detection and analysis' }], phase: 'detection-analysis',
    severity: null, severityLevels: [], severityDeadlines: null,
    inbox: [{ id: 'INJ-01', title: 'GuardDuty: bucket policy made public', channel: 'cloud-finding', from: 'AWS GuardDuty', to: ['cloud-security-analyst'], body: 'Policy changed.', artifacts: [], firedAt: 5 * MIN }],
    actions: [{ id: 'triage', title: 'Triage the GuardDuty finding', description: null, phase: 'detection-analysis', tool: null, duration: 5 * MIN, prerequisites: [], roles: ['cloud-security-analyst'], taken: null }],
    openDecisions: [{ id: 'cleanup', prompt: 'Delete the bucket?', role: 'cloud-security-analyst', options: [{ id: 'keep', label: 'Keep it for evidence' }, { id: 'delete', label: 'Delete it' }], openedAt: 18 * MIN, expiresAt: 48 * MIN }],
    answeredDecisions: [], duties: [],
    chat: [{ seq: 7, at: 12 * MIN, actor: 'incident-commander', participant: { id: 'p-ada00001', name: 'Ada' }, text: 'Bridge is open.' }],
    drafts: [], team: [],
    ...change,
  };
}

/** A host that answers the join and the role's commands, and pushes as the server would. */
function fakeHost() {
  const sent: { type: string; params: unknown }[] = [];
  const status = new Set<(status: LinkStatus) => void>();
  const events = new Map<string, Set<(payload: unknown) => void>>();
  let connected = true;
  let view = roleView();
  const tokens: (string | null)[] = [];
  const link: JoinLink = {
    use(token) { tokens.push(token); },
    get connected() { return connected; },
    async send<T extends CommandType>(type: T, params: CommandParamsInput<T>) {
      sent.push({ type, params });
      switch (type) {
        case 'join.lookup':
          if ((params as { code: string }).code !== 'K7Q2MX') throw new CommandError({ code: 'not-found', message: 'no running session has this join code: check it with the facilitator' });
          return LOOKUP as never;
        case 'join.request': return { status: 'joined', sessionId: 's-1', token: 'tok-grace', me: ME } as never;
        case 'audience.open': return { view, me: ME } as never;
        default: return { entry: {} } as never;
      }
    },
    on(event, listener) {
      const set = events.get(event) ?? new Set();
      events.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => void set.delete(listener as (payload: unknown) => void);
    },
    onStatus(listener) {
      status.add(listener);
      return () => void status.delete(listener);
    },
    close() {},
  };
  return {
    link, sent, tokens,
    push<E extends keyof ServerEvents>(event: E, payload: ServerEvents[E]) { act(() => events.get(event)?.forEach((listener) => listener(payload))); },
    setView(next: RoleView) { view = next; },
    drop() { connected = false; act(() => status.forEach((listener) => listener('lost'))); },
    back() { connected = true; act(() => status.forEach((listener) => listener('connected'))); },
  };
}

afterEach(() => localStorage.clear());

async function join(host: ReturnType<typeof fakeHost>) {
  render(<Participant link={host.link} initialCode="" />);
  await userEvent.type(screen.getByRole('textbox', { name: 'Join code' }), 'k7q 2mx');
  await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Grace');
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Pick your role' });
}

describe("the participant's page", () => {
  it('reads the join code from the address the facilitator shares', () => {
    expect(codeFromHash('#/join/K7Q2MX')).toBe('K7Q2MX');
    expect(codeFromHash('#/join?code=K7Q2MX')).toBe('K7Q2MX');
    expect(codeFromHash('#/join')).toBe('');
    expect(codeFromHash('#/library')).toBe('');
  });

  it('joins with the code and a name in a free role, then shows that role\'s screen from the host\'s view', async () => {
    const host = fakeHost();
    await join(host);
    // The role someone holds is not offered; the free one is chosen; observing and evaluating are offered too.
    expect(screen.getByRole('radio', { name: /Incident Commander/ })).toBeDisabled();
    expect(screen.getByRole('radio', { name: /Cloud Security Analyst/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Evaluator/ })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    // The focus is on the role's name, not lost on the page (a screen reader hears where they are).
    expect(screen.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 })).toHaveFocus();
    expect(host.sent.filter((one) => one.type.startsWith('join.'))).toEqual([
      { type: 'join.lookup', params: { code: 'K7Q2MX' } },
      { type: 'join.request', params: { code: 'K7Q2MX', name: 'Grace', seat: 'role', role: 'cloud-security-analyst' } },
    ]);
    // Joined with the token the host gave; the seat is kept on the device for a reload.
    expect(host.tokens.at(-1)).toBe('tok-grace');
    expect(JSON.parse(localStorage.getItem('firedrill.seat')!)).toMatchObject({ sessionId: 's-1', token: 'tok-grace', name: 'Grace' });
    expect(screen.getByText('Grace · Left open overnight')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Inbox, 1 unread' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Decision waiting' })).toHaveTextContent('Delete the bucket?');
  });

  it('says a wrong code is wrong', async () => {
    const host = fakeHost();
    render(<Participant link={host.link} initialCode="AAAAAA" />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Grace');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No running session has this join code');
  });

  it("sends the role's inputs as commands: an action, an answer, a message, a draft", async () => {
    const host = fakeHost();
    await join(host);
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    await userEvent.click(screen.getByRole('tab', { name: 'Actions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Take action: Triage the GuardDuty finding' }));
    await userEvent.click(screen.getByRole('tab', { name: /^Decisions/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it for evidence' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Bridge' }));
    expect(screen.getByRole('log', { name: 'Bridge messages' })).toHaveTextContent('Ada · Incident Commander');
    await userEvent.type(screen.getByRole('textbox', { name: 'Message to the team' }), 'Logs kept.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Drafts' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Regulator notification' }), 'We are assessing.');
    await userEvent.click(screen.getByRole('button', { name: 'Send the regulator notification' }));
    const inputs = host.sent.filter((one) => !one.type.startsWith('join.') && one.type !== 'audience.open')
      .map(({ type, params }) => ({ type, ...(params as object), commandId: typeof (params as { commandId?: string }).commandId }));
    expect(inputs).toEqual([
      { type: 'audience.input', sessionId: 's-1', commandId: 'string', input: { type: 'action.taken', action: 'triage' } },
      { type: 'audience.input', sessionId: 's-1', commandId: 'string', input: { type: 'decision.answered', decision: 'cleanup', option: 'keep' } },
      { type: 'chat.post', sessionId: 's-1', commandId: 'string', text: 'Logs kept.' },
      { type: 'draft.send', sessionId: 's-1', commandId: 'string', kind: 'regulator-notification', text: 'We are assessing.' },
    ]);
  });

  it('keeps the screen through a drop, then opens the view again and finds nothing lost', async () => {
    const host = fakeHost();
    await join(host);
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    host.drop();
    expect(screen.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Reconnecting to the facilitator's Firedrill/)).toBeInTheDocument();
    // Meanwhile the team went on: the view the host gives on return has it.
    host.setView(roleView({ chat: [...roleView().chat, { seq: 9, at: 21 * MIN, actor: 'incident-commander', participant: { id: 'p-ada00001', name: 'Ada' }, text: 'Anyone there?' }] }));
    const opens = host.sent.filter((one) => one.type === 'audience.open').length;
    host.back();
    await screen.findByText('Anyone there?');
    expect(host.sent.filter((one) => one.type === 'audience.open')).toHaveLength(opens + 1);
    expect(screen.queryByText(/Reconnecting to the facilitator's Firedrill/)).not.toBeInTheDocument();
  });

  it('says so plainly when the host has not answered for a while, keeps the screen, and tries again at once on request', async () => {
    const host = fakeHost();
    await join(host);
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    const opens = host.sent.filter((one) => one.type === 'audience.open').length;
    vi.useFakeTimers();
    try {
      host.drop();
      expect(screen.getByText(/Reconnecting to the facilitator's Firedrill/)).toBeInTheDocument();
      act(() => void vi.advanceTimersByTime(HOST_GONE_AFTER_MS));
      // The facilitator's Firedrill stopped, or LAN mode went off: not "reconnecting" for ever.
      expect(screen.getByRole('alert')).toHaveTextContent("The facilitator's Firedrill has not answered for a while");
      expect(screen.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 })).toBeInTheDocument();
      act(() => screen.getByRole('button', { name: 'Try again now' }).click());
    } finally {
      vi.useRealTimers();
    }
    // Try again now presents the seat at once, without waiting for the next attempt.
    await vi.waitFor(() => expect(host.sent.filter((one) => one.type === 'audience.open')).toHaveLength(opens + 1));
  });

  it('says who else plays the role (two who picked it at the same moment both get in)', async () => {
    const host = fakeHost();
    await join(host);
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    expect(screen.queryByText(/Also playing/)).not.toBeInTheDocument();
    const person = (id: string, name: string, role: string) => ({ id, name, seat: 'role' as const, role, joinedAt: 0, removedAt: null });
    host.push('audience.update', { sessionId: 's-1', view: roleView({ team: [person('p-grace0001', 'Grace', 'cloud-security-analyst'), person('p-alan00001', 'Alan', 'cloud-security-analyst'), person('p-ada00001', 'Ada', 'incident-commander')] }) });
    expect(screen.getByText('Also playing Cloud Security Analyst: Alan')).toBeInTheDocument();
  });

  it('follows the pushes: a new view, and a removal that ends the seat', async () => {
    const host = fakeHost();
    await join(host);
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    host.push('audience.update', { sessionId: 's-1', view: roleView({ paused: false, openDecisions: [] }) });
    expect(screen.queryByRole('group', { name: 'Decision waiting' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByLabelText('Clock')).toHaveTextContent('Running');
    host.push('participant.removed', { sessionId: 's-1', reason: 'Seat given to someone else.' });
    await screen.findByRole('heading', { name: 'You are no longer in the session' });
    expect(screen.getByRole('alert')).toHaveTextContent('Seat given to someone else.');
    expect(localStorage.getItem('firedrill.seat')).toBeNull();
  });

  it('asks before Leave forgets the seat, saying the role stays in the participant\'s name', async () => {
    const host = fakeHost();
    await join(host);
    await userEvent.click(screen.getByRole('button', { name: 'Join as Cloud Security Analyst' }));
    await screen.findByRole('heading', { name: 'Cloud Security Analyst', level: 1 });
    // A tap on Leave by mistake: Stay keeps everything.
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Leave the exercise?' });
    expect(dialog).toHaveTextContent('Cloud Security Analyst stays in your name');
    expect(within(dialog).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // Back where the keyboard was.
    expect(screen.getByRole('button', { name: 'Leave' })).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Cloud Security Analyst', level: 1 })).toBeInTheDocument();
    expect(localStorage.getItem('firedrill.seat')).not.toBeNull();
    // Leaving for real: the seat is forgotten and the code asked again.
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Leave' }));
    await screen.findByRole('heading', { name: 'Join the exercise' });
    expect(localStorage.getItem('firedrill.seat')).toBeNull();
  });

  it("keeps an evaluator's unsent observation and reasons on the device through a reload, until each is sent", async () => {
    const host = fakeHost();
    const view: ObserverView = {
      audience: 'observer', sessionId: 's-1', name: null, scenarioTitle: 'Left open overnight', startsAt: '2026-03-02T09:00:00Z',
      now: 20 * MIN, paused: false, speed: 1, ended: null, roles: ROLES, phases: [], phase: null, milestones: {}, severity: null, severityDeadlines: null,
      metrics: [], deadlines: [], injects: [], openDecisions: [], answeredDecisions: [], actionsTaken: [], chat: [], drafts: [], people: [],
      objectives: [{ id: 'triage', title: 'Triage the finding', capability: 'Operational Coordination' }, { id: 'logs', title: 'Keep the logs', capability: 'Forensics' }],
      ratings: [], evaluatorNotes: [],
    };
    const hedy: ParticipantSelf = { sessionId: 's-1', participant: 'p-hedy00001', name: 'Hedy', seat: 'evaluator', role: null, roleTitle: null };
    const page = () => render(<ObserverPage view={view} me={hedy} link={host.link} reconnecting={false} onLeave={() => {}} onProblem={() => {}} />);
    const first = page();
    expect(screen.getByRole('heading', { name: 'Evaluator', level: 1 })).toHaveFocus();
    await userEvent.type(screen.getByRole('textbox', { name: 'Observation' }), 'The IC never named a scribe.');
    const [triage, logs] = screen.getAllByRole('group').filter((group) => group.tagName === 'FIELDSET');
    await userEvent.click(within(triage!).getByRole('radio', { name: /^S:/ }));
    await userEvent.type(within(triage!).getByRole('textbox', { name: 'Reason' }), 'Slow to tell the bucket owner.');
    await userEvent.click(within(logs!).getByRole('radio', { name: /^P:/ }));
    first.unmount(); // the tab reloads, or is closed and opened again

    page();
    expect(screen.getByRole('textbox', { name: 'Observation' })).toHaveValue('The IC never named a scribe.');
    const [triageAgain, logsAgain] = screen.getAllByRole('group').filter((group) => group.tagName === 'FIELDSET');
    expect(within(triageAgain!).getByRole('radio', { name: /^S:/ })).toBeChecked();
    expect(within(triageAgain!).getByRole('textbox', { name: 'Reason' })).toHaveValue('Slow to tell the bucket owner.');
    expect(within(logsAgain!).getByRole('radio', { name: /^P:/ })).toBeChecked();
    // Sent, it is no longer kept: what was not sent still is.
    await userEvent.click(within(triageAgain!).getByRole('button', { name: 'Rate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Note it' }));
    expect(host.sent.map((one) => one.type)).toEqual(['evaluation.rate', 'evaluation.note']);
    expect(JSON.parse(localStorage.getItem('firedrill.evaluation.p-hedy00001.s-1')!)).toEqual({ note: '', ratings: { logs: { rating: 'P', reason: '' } } });
  });

  it("tells an evaluator the session has ended and that rating goes on; and that the clock is paused", () => {
    const host = fakeHost();
    const base: ObserverView = {
      audience: 'observer', sessionId: 's-1', name: null, scenarioTitle: 'Left open overnight', startsAt: '2026-03-02T09:00:00Z',
      now: 20 * MIN, paused: true, speed: 1, ended: null, roles: ROLES, phases: [], phase: null, milestones: {}, severity: null, severityDeadlines: null,
      metrics: [], deadlines: [], injects: [], openDecisions: [], answeredDecisions: [], actionsTaken: [], chat: [], drafts: [], people: [],
      objectives: [{ id: 'triage', title: 'Triage the finding', capability: 'Operational Coordination' }], ratings: [], evaluatorNotes: [],
    };
    const hedy: ParticipantSelf = { sessionId: 's-1', participant: 'p-hedy00001', name: 'Hedy', seat: 'evaluator', role: null, roleTitle: null };
    const { rerender } = render(<ObserverPage view={base} me={hedy} link={host.link} reconnecting={false} onLeave={() => {}} onProblem={() => {}} />);
    expect(screen.getByText('The clock is paused: nothing happens until the facilitator resumes it.')).toBeInTheDocument();
    rerender(<ObserverPage view={{ ...base, ended: { at: 40 * MIN, reason: 'facilitator' } }} me={hedy} link={host.link} reconnecting={false} onLeave={() => {}} onProblem={() => {}} />);
    expect(screen.getByText('The session has ended. You can still rate the objectives and note what you saw.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Note it' })).toBeInTheDocument();
  });
});
